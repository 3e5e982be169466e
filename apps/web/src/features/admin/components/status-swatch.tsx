import { useId } from 'react';
import type { StatsStatus } from '../case-stats';

/**
 * Each state's fill: a colour with at least 3:1 against the page (admin.css, light and dark)
 * and a pattern of its own, so that the states are told apart without colour too.
 */
function Hatching({ status }: { status: StatsStatus }) {
  switch (status) {
    case 'submitted':
      return null; // plain
    case 'answered':
      return <path className="stats-hatch" d="M-2 2 L2 -2 M0 8 L8 0 M6 10 L10 6" />;
    case 'detained':
      return <circle className="stats-dot" cx="4" cy="4" r="1.6" />;
    case 'released':
      return <path className="stats-hatch" d="M0 4 H8" />;
    case 'destroyed':
      return <path className="stats-hatch" d="M-2 6 L2 10 M0 0 L8 8 M6 -2 L10 2" />;
    case 'court':
      return <path className="stats-hatch" d="M4 0 V8" />;
    case 'closed':
      return <path className="stats-hatch" d="M0 4 H8 M4 0 V8" />;
  }
}

/** React's ids as safe fragment names for `url(#…)`. */
export const svgId = (reactId: string) => `s${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`;

/** A `<pattern>` to put in an SVG's `<defs>`; fill shapes with `url(#id)`. */
export function StatusPattern({ id, status }: { id: string; status: StatsStatus }) {
  return (
    <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse">
      <rect className={`stats-fill-${status}`} width="8" height="8" />
      <Hatching status={status} />
    </pattern>
  );
}

/** The legend's small square, filled as the chart fills the state. */
export function StatusSwatch({ status }: { status: StatsStatus }) {
  const id = svgId(useId());
  return (
    <svg className="stats-swatch" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <defs>
        <StatusPattern id={`${id}-p`} status={status} />
      </defs>
      <rect x="0.5" y="0.5" width="19" height="19" fill={`url(#${id}-p)`} className="stats-swatch-edge" />
    </svg>
  );
}
