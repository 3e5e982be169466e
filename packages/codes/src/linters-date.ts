import type { LintFailure } from './linters';

/**
 * Date and time linters of the GS1 Barcode Syntax Dictionary (GenSpecs §7.12 for YYMMDD).
 * The data is already known to be digits of the right length (the component's format).
 */

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const twoDigits = (s: string, at: number): number => (s.charCodeAt(at) - 48) * 10 + (s.charCodeAt(at + 1) - 48);

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/**
 * Checks MM and DD at `at` (month) and `at + 2` (day). `year` decides 29 February.
 * `dayZeroAllowed`: in YYMMD0 data, DD = 00 means only the month is known (GenSpecs §3.4, AIs
 * 11 to 17: "if only year and month are available, DD must be filled with two zeros").
 */
function checkMonthDay(
  s: string,
  at: number,
  year: number,
  dayZeroAllowed: boolean,
  format: string,
): LintFailure | undefined {
  const month = twoDigits(s, at);
  if (month < 1 || month > 12) return { code: 'GS1_INVALID_DATE', offset: at, params: { format } };
  const day = twoDigits(s, at + 2);
  if (day === 0 && dayZeroAllowed) return undefined;
  let maxDay: number = DAYS_IN_MONTH[month - 1] ?? 31;
  if (month === 2 && !isLeapYear(year)) maxDay = 28;
  if (day < 1 || day > maxDay) {
    return { code: 'GS1_INVALID_DATE', offset: at + 2, params: { format } };
  }
  return undefined;
}

/**
 * YY to a year for the leap-year test. GenSpecs §7.12 resolves the century with a window
 * around today (about 50 years back and ahead); until 2050 that window holds one century year,
 * 2000, a leap year, so "YY divisible by 4" decides 29 February without reading the clock.
 */
const yearOfYy = (s: string): number => 2000 + twoDigits(s, 0);

export const yymmdd = (s: string) => checkMonthDay(s, 2, yearOfYy(s), false, 'YYMMDD');
export const yymmd0 = (s: string) => checkMonthDay(s, 2, yearOfYy(s), true, 'YYMMDD, DD may be 00');
export const yyyymmdd = (s: string) => checkMonthDay(s, 4, twoDigits(s, 0) * 100 + twoDigits(s, 2), false, 'YYYYMMDD');
export const yyyymmd0 = (s: string) =>
  checkMonthDay(s, 4, twoDigits(s, 0) * 100 + twoDigits(s, 2), true, 'YYYYMMDD, DD may be 00');

function checkRange(s: string, at: number, max: number, format: string): LintFailure | undefined {
  return twoDigits(s, at) > max ? { code: 'GS1_INVALID_TIME', offset: at, params: { format } } : undefined;
}

export const hh = (s: string) => checkRange(s, 0, 23, 'HH');
export const mi = (s: string) => checkRange(s, 0, 59, 'MM');
export const ss = (s: string) => checkRange(s, 0, 59, 'SS');
export const hhmi = (s: string) => checkRange(s, 0, 23, 'HHMM') ?? checkRange(s, 2, 59, 'HHMM');
/** Older dictionary name of hhmi. */
export const hhmm = hhmi;
export const yymmddhh = (s: string) => yymmdd(s) ?? checkRange(s, 6, 23, 'YYMMDDHH');
