import type { Case } from '@verity/contract';
import type { I18n } from '../../lib/i18n';
import { displayNames } from '../../shared/display-names';
import { dayFormat } from './case-display';

type CaseEvent = Case['events'][number];

const text = (value: unknown) => (typeof value === 'string' ? value : null);
const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * What the server recorded, in the reader's language: the server writes codes (kind, states,
 * verdict, `cause`, days, the invited administration's country), never prose. Only reasons and
 * comments typed by people are shown as they were typed.
 */
export function factsOf(event: CaseEvent, i18n: Pick<I18n, 't' | 'tx' | 'lang'>): string[] {
  const { t, tx, lang } = i18n;
  const details = event.details ?? {};
  const day = (value: string) => dayFormat(lang).format(new Date(`${value}T00:00:00Z`));
  const facts: string[] = [];
  const cause = text(details.cause);
  if (cause) facts.push(tx(`cases.cause.${cause}`) ?? cause);
  const verdict = text(details.verdict);
  if (verdict) facts.push(t('cases.verdictGiven', { verdict: tx(`cases.verdict.${verdict}`) ?? verdict }));
  if (event.kind === 'status' && event.to === 'submitted' && isDay(details.responseDeadline))
    facts.push(
      typeof details.workingDays === 'number'
        ? t('cases.dueByWorkingDays', { day: day(details.responseDeadline), count: details.workingDays })
        : t('cases.dueBy', { day: day(details.responseDeadline) }),
    );
  if (event.kind === 'share') {
    const country = text(details.country);
    const organisation = text(details.organisationName);
    if (organisation)
      facts.push(
        country
          ? t('cases.sharedWith', { organisation, country: displayNames(lang).country(country) })
          : t('cases.sharedWithNoCountry', { organisation }),
      );
  }
  if (event.kind === 'deadline' && isDay(details.to))
    facts.push(
      isDay(details.from)
        ? t('cases.deadlineMoved', { from: day(details.from), to: day(details.to) })
        : t('cases.deadlineSet', { to: day(details.to) }),
    );
  return facts;
}
