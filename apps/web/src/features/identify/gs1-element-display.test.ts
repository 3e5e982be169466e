import { describe, expect, it } from 'vitest';
import { formatGs1Date, gs1Date } from './gs1-element-display';

const today = new Date(Date.UTC(2026, 10, 23));
const iso = (d: Date | undefined) => d?.toISOString().slice(0, 10);

describe('GS1 dates', () => {
  it('reads YYMMDD in the century GS1 prescribes', () => {
    expect(iso(gs1Date('17', '271231', today))).toBe('2027-12-31');
    expect(iso(gs1Date('11', '990101', today))).toBe('1999-01-01'); // 73 years ahead: the past century
    expect(iso(gs1Date('15', '760101', today))).toBe('2076-01-01'); // 50 years ahead stays in this century
    expect(iso(gs1Date('15', '770101', today))).toBe('1977-01-01'); // 51 years ahead goes back
  });

  it('takes day 00 as the last day of the month', () => {
    expect(iso(gs1Date('17', '280200', today))).toBe('2028-02-29');
  });

  it('refuses what is not a date, and AIs that hold no date', () => {
    expect(gs1Date('17', '271331', today)).toBeUndefined();
    expect(gs1Date('17', '270230', today)).toBeUndefined();
    expect(gs1Date('10', '271231', today)).toBeUndefined();
  });

  it('formats in the reader’s language', () => {
    const date = gs1Date('17', '271231', today)!;
    expect(formatGs1Date(date, 'fr')).toBe('31 décembre 2027');
    expect(formatGs1Date(date, 'en')).toBe('December 31, 2027');
  });
});
