import type { CaseSummary } from '@verity/contract';
import type { I18n } from '../../lib/i18n';

/** A state's name in the reader's language (the contract's code when a message is missing). */
export const statusName = (i18n: Pick<I18n, 'tx'>, status: string) => i18n.tx(`cases.status.${status}`) ?? status;

/** A deadline is a calendar day: shown as that day wherever the reader is. */
export const dayFormat = (lang: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
export const momentFormat = (lang: string) =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });

/** The right holder's inbox order: the nearest deadline first, cases without one last. */
export function byDeadline(a: CaseSummary, b: CaseSummary): number {
  if (a.responseDeadline === b.responseDeadline) return b.updatedAt.localeCompare(a.updatedAt);
  if (!a.responseDeadline) return 1;
  if (!b.responseDeadline) return -1;
  return a.responseDeadline.localeCompare(b.responseDeadline);
}
