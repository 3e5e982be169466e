import type { Case } from '@verity/contract';
import { useI18n, type I18n } from '../../../lib/i18n';
import { displayNames } from '../../../shared/display-names';
import { dayFormat, momentFormat, statusName } from '../case-display';

type CaseEvent = Case['events'][number];

const text = (value: unknown) => (typeof value === 'string' ? value : null);
const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * What the server recorded, in the reader's language: the server writes codes (kind, states,
 * verdict, `cause`, days, the invited administration's country), never prose. Only reasons and
 * comments typed by people are shown as they were typed.
 */
function factsOf(event: CaseEvent, i18n: I18n): string[] {
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

/** Who did what and when, oldest first. */
export function CaseTimeline({ events }: { events: Case['events'] }) {
  const i18n = useI18n();
  const { t, tx, lang } = i18n;
  const moment = momentFormat(lang);
  return (
    <section className="card" aria-labelledby="case-timeline">
      <h2 id="case-timeline">{t('cases.timeline')}</h2>
      <ol className="case-timeline">
        {events.map((event) => (
          <li key={event.id}>
            <p>
              <strong>{tx(`cases.event.${event.kind}`) ?? event.kind}</strong>
              {event.from && event.to && (
                <> {t('cases.fromTo', { from: statusName(i18n, event.from), to: statusName(i18n, event.to) })}</>
              )}
            </p>
            <p className="muted">
              {t('cases.byWhen', {
                name: event.by.name,
                organisation: event.organisation.name,
                when: moment.format(new Date(event.at)),
              })}
            </p>
            {factsOf(event, i18n).map((fact) => (
              <p key={fact}>{fact}</p>
            ))}
            {event.reason && (
              <p>
                {event.kind === 'answer'
                  ? t('cases.commentGiven', { comment: event.reason })
                  : t('cases.reasonGiven', { reason: event.reason })}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
