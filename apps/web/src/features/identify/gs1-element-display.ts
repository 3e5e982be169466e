/**
 * How an officer reads a GS1 element: the common Application Identifiers by name in their own
 * language (messages `identify.ai.<AI>`; the rest keep GS1's English title), and the date AIs
 * (YYMMDD) as a date in their language. Pure, so it is tested without a browser.
 */
export const namedAis = [
  '00',
  '01',
  '02',
  '10',
  '11',
  '13',
  '15',
  '16',
  '17',
  '21',
  '240',
  '241',
  '422',
  '8030',
] as const;

/** GS1 date AIs: production, packaging, best before, sell by, expiry. */
const dateAis = new Set(['11', '13', '15', '16', '17']);

/**
 * A GS1 YYMMDD date as the calendar date it means: the century by GS1's rule (a year more
 * than 49 years ahead is in the past century, otherwise within 50 years ahead); day 00 is the
 * month's last day. Undefined when it is not such a date.
 */
export function gs1Date(ai: string, value: string, today = new Date()): Date | undefined {
  if (!dateAis.has(ai) || !/^\d{6}$/.test(value)) return undefined;
  const yy = Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  if (month < 1 || month > 12) return undefined;
  const currentYear = today.getUTCFullYear();
  const century = Math.floor(currentYear / 100) * 100;
  let year = century + yy;
  if (year - currentYear >= 51) year -= 100;
  else if (currentYear - year > 49) year += 100;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > lastDay) return undefined;
  return new Date(Date.UTC(year, month - 1, day === 0 ? lastDay : day));
}

export function formatGs1Date(date: Date, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
