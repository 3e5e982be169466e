import type { CaseStats, CaseStatus } from '@verity/contract';
import { caseStatuses } from '@verity/contract/values';

/**
 * The secretariat's case statistics, shaped for the screen: the period in the URL, the months
 * of the chart (every month of the period, those without cases too), totals per state and the
 * countries ranked. Pure, so the numbers the chart draws are tested apart from the drawing.
 */

/** The states a counted case can be in (drafts are never counted), in workflow order. */
export const statsStatuses = caseStatuses.filter((s) => s !== 'draft') as Exclude<CaseStatus, 'draft'>[];
export type StatsStatus = (typeof statsStatuses)[number];

export const periodMonths = [3, 6, 12] as const;
export type Period = { kind: 'months'; months: (typeof periodMonths)[number] } | { kind: 'from'; from: string };
export const defaultPeriod = { kind: 'months', months: 12 } as const satisfies Period;

const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/** The period a URL asks for (`?months=3|6|12` or `?from=YYYY-MM-DD`); anything else is the last 12 months. */
export function periodOf(query: URLSearchParams): Period {
  const from = query.get('from');
  if (from && isDay(from) && new Date(`${from}T00:00:00Z`).toISOString().startsWith(from))
    return { kind: 'from', from };
  const months = Number(query.get('months'));
  const chosen = periodMonths.find((m) => m === months);
  return chosen ? { kind: 'months', months: chosen } : defaultPeriod;
}

/** The screen's URL for a period (the default has no query). */
export function urlOfPeriod(period: Period): string {
  if (period.kind === 'from') return `/admin/statistics?from=${period.from}`;
  return period.months === defaultPeriod.months ? '/admin/statistics' : `/admin/statistics?months=${period.months}`;
}

const monthOf = (date: Date) => date.toISOString().slice(0, 7);

/**
 * The first day counted: the 1st of the month `months − 1` before today's (UTC), or of the chosen
 * day's month (the server counts whole months only).
 */
export function fromDayOf(period: Period, today: Date): string {
  if (period.kind === 'from') return `${period.from.slice(0, 7)}-01`;
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - (period.months - 1), 1));
  return first.toISOString().slice(0, 10);
}

/** `YYYY-MM` months from `first` to `last`, both included. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  for (let key = first; key <= last; key = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** A chart wider than this many months starts at the first month with a case. */
const MAX_EMPTY_LEAD = 24;

export interface MonthColumn {
  month: string;
  counts: Record<StatsStatus, number>;
  total: number;
}

export interface CountryRow {
  /** null: other countries, each with fewer than `threshold` cases in a month. */
  country: string | null;
  count: number;
}

export interface ShapedStats {
  months: MonthColumn[];
  totals: Record<StatsStatus, number>;
  total: number;
  /** The largest month's total (the chart's scale). */
  peak: MonthColumn | null;
  /** Named countries, most cases first (then by code); other countries last. */
  countries: CountryRow[];
  threshold: number;
}

const zeros = () => Object.fromEntries(statsStatuses.map((s) => [s, 0])) as Record<StatsStatus, number>;

/** The API's groups as the screen shows them, for the period from `fromDay` to the month of `today`. */
export function shapeStats(stats: CaseStats, fromDay: string, today: Date): ShapedStats {
  const groups = stats.groups.filter((g): g is typeof g & { status: StatsStatus } => g.status !== 'draft');
  const dataMonths = groups.map((g) => g.month).sort();
  // Today's month, or a later one the server counted (a device clock behind the server's).
  const last = [monthOf(today), dataMonths.at(-1) ?? ''].sort().at(-1)!;
  let first = fromDay.slice(0, 7);
  // A long period from a day long ago: the chart starts at its first case rather than years of nothing.
  if (monthsBetween(first, last).length > MAX_EMPTY_LEAD && dataMonths[0] !== undefined && dataMonths[0] > first)
    first = dataMonths[0];
  const months = monthsBetween(first, last < first ? first : last).map((month) => ({
    month,
    counts: zeros(),
    total: 0,
  }));
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const totals = zeros();
  const countries = new Map<string | null, number>();
  for (const g of groups) {
    const column = byMonth.get(g.month);
    if (column) {
      column.counts[g.status] += g.count;
      column.total += g.count;
    }
    totals[g.status] += g.count;
    countries.set(g.country, (countries.get(g.country) ?? 0) + g.count);
  }
  const peak = months.reduce<MonthColumn | null>(
    (max, m) => (m.total > 0 && m.total > (max?.total ?? 0) ? m : max),
    null,
  );
  const ranked = [...countries]
    .map(([country, count]) => ({ country, count }))
    .sort((a, b) => {
      if (a.country === null || b.country === null) return a.country === null ? 1 : -1;
      return b.count - a.count || a.country.localeCompare(b.country);
    });
  return {
    months,
    totals,
    total: statsStatuses.reduce((sum, s) => sum + totals[s], 0),
    peak,
    countries: ranked,
    threshold: stats.countryThreshold,
  };
}

/** Round steps for the chart's scale: 0 up to at least `max`, at most `most` + 1 lines. */
export function scaleTicks(max: number, most = 4): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / most;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}
