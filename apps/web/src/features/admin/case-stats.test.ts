import type { CaseStats } from '@verity/contract';
import { describe, expect, it } from 'vitest';
import { fromDayOf, monthsBetween, periodOf, scaleTicks, shapeStats, statsStatuses, urlOfPeriod } from './case-stats';

const today = new Date('2026-11-23T16:00:00Z');
const stats = (groups: CaseStats['groups']): CaseStats => ({
  groups,
  total: groups.reduce((sum, g) => sum + g.count, 0),
  countryThreshold: 3,
});

describe('the period in the URL', () => {
  it('reads 3, 6 or 12 months, or a day to start from; anything else is the last 12 months', () => {
    expect(periodOf(new URLSearchParams('months=3'))).toEqual({ kind: 'months', months: 3 });
    expect(periodOf(new URLSearchParams('months=6'))).toEqual({ kind: 'months', months: 6 });
    expect(periodOf(new URLSearchParams('from=2025-02-28'))).toEqual({ kind: 'from', from: '2025-02-28' });
    for (const query of ['', 'months=5', 'months=abc', 'from=2025-02-30', 'from=2025-2-1', 'from=yesterday'])
      expect(periodOf(new URLSearchParams(query)), query).toEqual({ kind: 'months', months: 12 });
  });

  it('writes the period back as the same URL (the default without a query)', () => {
    for (const url of ['/admin/statistics', '/admin/statistics?months=3', '/admin/statistics?from=2024-07-14']) {
      const query = new URLSearchParams(url.split('?')[1] ?? '');
      expect(urlOfPeriod(periodOf(query))).toBe(url);
    }
  });

  it('asks from the 1st of a month: the last 3 months are this one and the two before (UTC), across a year', () => {
    expect(fromDayOf({ kind: 'months', months: 3 }, today)).toBe('2026-09-01');
    expect(fromDayOf({ kind: 'months', months: 12 }, today)).toBe('2025-12-01');
    expect(fromDayOf({ kind: 'months', months: 6 }, new Date('2026-02-01T00:30:00Z'))).toBe('2025-09-01');
    // A day chosen: its month, whole (the server counts whole months).
    expect(fromDayOf({ kind: 'from', from: '2020-05-17' }, today)).toBe('2020-05-01');
  });

  it('counts months across the turn of a year', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-02', '2026-02')).toEqual(['2026-02']);
    expect(monthsBetween('2026-03', '2026-02')).toEqual([]);
  });
});

describe('the numbers the charts draw', () => {
  const groups: CaseStats['groups'] = [
    { country: 'FR', status: 'submitted', month: '2026-09', count: 3 },
    { country: null, status: 'detained', month: '2026-09', count: 2 },
    { country: 'ES', status: 'submitted', month: '2026-11', count: 4 },
    { country: 'ES', status: 'closed', month: '2026-11', count: 1 },
    { country: 'FR', status: 'answered', month: '2026-11', count: 3 },
    { country: 'DE', status: 'answered', month: '2026-11', count: 4 },
  ];

  it('has every month of the period, those without a case at zero, and each month stacked by state', () => {
    const shaped = shapeStats(stats(groups), '2026-09-01', today);
    expect(shaped.months.map((m) => [m.month, m.total])).toEqual([
      ['2026-09', 5],
      ['2026-10', 0],
      ['2026-11', 12],
    ]);
    expect(shaped.months[0]!.counts).toEqual({
      submitted: 3,
      answered: 0,
      detained: 2,
      released: 0,
      destroyed: 0,
      court: 0,
      closed: 0,
    });
    expect(Object.keys(shaped.months[1]!.counts)).toEqual(statsStatuses);
    expect(shaped.peak?.month).toBe('2026-11');
  });

  it('totals per state and in all, equal to the sum of the months', () => {
    const shaped = shapeStats(stats(groups), '2026-09-01', today);
    expect(shaped.totals).toMatchObject({ submitted: 7, answered: 7, detained: 2, closed: 1, released: 0 });
    expect(shaped.total).toBe(17);
    expect(shaped.months.reduce((sum, m) => sum + m.total, 0)).toBe(17);
  });

  it('ranks countries by cases (ties by code), other countries last whatever their count', () => {
    const shaped = shapeStats(stats(groups), '2026-09-01', today);
    expect(shaped.countries).toEqual([
      { country: 'FR', count: 6 },
      { country: 'ES', count: 5 },
      { country: 'DE', count: 4 },
      { country: null, count: 2 },
    ]);
    // A tie goes by code.
    const tied = shapeStats(
      stats([...groups, { country: 'AT', status: 'closed', month: '2026-11', count: 5 }]),
      '2026-09-01',
      today,
    );
    expect(tied.countries.map((c) => c.country)).toEqual(['FR', 'AT', 'ES', 'DE', null]);
    expect(shaped.threshold).toBe(3);
  });

  it('an empty period: every month at zero, no peak, no country', () => {
    const shaped = shapeStats(stats([]), '2026-06-01', today);
    expect(shaped.months).toHaveLength(6);
    expect(shaped.total).toBe(0);
    expect(shaped.peak).toBeNull();
    expect(shaped.countries).toEqual([]);
  });

  it('a period from long ago starts at its first case, not at years of empty months', () => {
    const shaped = shapeStats(stats(groups), '2001-01-01', today);
    expect(shaped.months[0]!.month).toBe('2026-09');
    // A short one keeps its empty months before the first case.
    expect(shapeStats(stats(groups), '2026-01-15', today).months[0]!.month).toBe('2026-01');
  });

  it('a month the server counted after the device’s today is still drawn', () => {
    const shaped = shapeStats(
      stats([{ country: 'FR', status: 'submitted', month: '2026-12', count: 3 }]),
      '2026-10-01',
      today,
    );
    expect(shaped.months.map((m) => m.month)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(shaped.total).toBe(3);
  });
});

describe('the scale', () => {
  it('rounds to 1, 2 or 5 times a power of ten and reaches the largest month', () => {
    expect(scaleTicks(0)).toEqual([0, 1]);
    expect(scaleTicks(1)).toEqual([0, 1]);
    expect(scaleTicks(3)).toEqual([0, 1, 2, 3]);
    expect(scaleTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(scaleTicks(12)).toEqual([0, 5, 10, 15]);
    expect(scaleTicks(180)).toEqual([0, 50, 100, 150, 200]);
  });
});
