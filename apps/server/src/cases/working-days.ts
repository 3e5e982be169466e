/**
 * The right holders' response deadline: `days` working days (Monday to Friday) after the day
 * of submission, as a calendar date (YYYY-MM-DD, UTC). Public holidays are not counted out
 * (no holiday calendar per country yet). Regulation (EU) No 608/2013, art. 23(1): 10 working days.
 */
export function addWorkingDays(from: Date, days: number): string {
  const date = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return date.toISOString().slice(0, 10);
}

/**
 * The deadline of an administration that set none (`organisations.case_response_working_days`
 * null; an administration's admin sets 1–60 in its case settings).
 */
export const RESPONSE_WORKING_DAYS = 10;
