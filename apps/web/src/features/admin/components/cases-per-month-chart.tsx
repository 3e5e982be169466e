import { useEffect, useId, useRef, useState } from 'react';
import { scaleTicks, statsStatuses, type MonthColumn } from '../case-stats';
import { StatusPattern, svgId } from './status-swatch';

interface Props {
  months: MonthColumn[];
  /** What a screen reader says for the chart (the table after it holds the numbers). */
  summary: string;
  monthLabel: (month: string) => string;
  yearLabel: (month: string) => string;
  number: (n: number) => string;
}

const HEIGHT = 240;
const TOP = 20; // room for the totals above the bars
const BOTTOM = 40; // month and year
const LEFT = 40; // the scale's numbers
const RIGHT = 8;
/** The narrowest room a month's name needs (a short name at 12 px). */
const LABEL_ROOM = 34;

/**
 * Cases per month, each bar divided by state (patterns as well as colours), with its total
 * above it. Drawn by hand in SVG at the width it is given (a ResizeObserver), so that its text
 * stays at its real size on a phone; one image for assistive technology, with a summary.
 */
export function CasesPerMonthChart({ months, summary, monthLabel, yearLabel, number }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  const id = svgId(useId());

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(240, Math.floor(element.getBoundingClientRect().width)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const plotWidth = width - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const ticks = scaleTicks(Math.max(0, ...months.map((m) => m.total)));
  const top = ticks.at(-1)!;
  const y = (value: number) => TOP + plotHeight - (value / top) * plotHeight;
  const band = plotWidth / Math.max(1, months.length);
  const barWidth = Math.min(48, Math.max(4, band * 0.7));
  // Every month has a bar; names only every few months when they would not fit, the last one always.
  const every = Math.ceil(LABEL_ROOM / band);
  const named = (index: number) => (months.length - 1 - index) % every === 0;
  // The year under the first month named and under each one named in a new year.
  const withYear = new Set<number>();
  let lastYear = '';
  months.forEach((m, index) => {
    if (!named(index) || m.month.slice(0, 4) === lastYear) return;
    lastYear = m.month.slice(0, 4);
    withYear.add(index);
  });
  const showTotals = band >= 18;

  return (
    <div ref={box} className="stats-chart">
      <svg
        role="img"
        aria-label={summary}
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        focusable="false"
      >
        <defs>
          {statsStatuses.map((status) => (
            <StatusPattern key={status} id={`${id}-${status}`} status={status} />
          ))}
        </defs>
        {ticks.map((tick) => (
          <g key={tick}>
            <line className="stats-grid" x1={LEFT} x2={width - RIGHT} y1={y(tick)} y2={y(tick)} />
            <text className="stats-axis" x={LEFT - 6} y={y(tick)} dy="0.35em" textAnchor="end">
              {number(tick)}
            </text>
          </g>
        ))}
        {months.map((column, index) => {
          const x = LEFT + band * index + (band - barWidth) / 2;
          const centre = x + barWidth / 2;
          let base = 0;
          return (
            <g key={column.month}>
              {statsStatuses.map((status) => {
                const count = column.counts[status];
                if (count === 0) return null;
                const from = base;
                base += count;
                return (
                  <rect
                    key={status}
                    className="stats-segment"
                    x={x}
                    width={barWidth}
                    y={y(base)}
                    height={y(from) - y(base)}
                    fill={`url(#${id}-${status})`}
                  />
                );
              })}
              {showTotals && column.total > 0 && (
                <text className="stats-total" x={centre} y={y(column.total) - 5} textAnchor="middle">
                  {number(column.total)}
                </text>
              )}
              {named(index) && (
                <text className="stats-axis" x={centre} y={TOP + plotHeight + 16} textAnchor="middle">
                  {monthLabel(column.month)}
                </text>
              )}
              {withYear.has(index) && (
                <text className="stats-axis" x={centre} y={TOP + plotHeight + 32} textAnchor="middle">
                  {yearLabel(column.month)}
                </text>
              )}
            </g>
          );
        })}
        <line className="stats-baseline" x1={LEFT} x2={width - RIGHT} y1={y(0)} y2={y(0)} />
      </svg>
    </div>
  );
}
