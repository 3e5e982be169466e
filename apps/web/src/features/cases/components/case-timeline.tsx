import type { Case } from '@verity/contract';
import { useI18n } from '../../../lib/i18n';
import { momentFormat, statusName } from '../case-display';
import { factsOf } from '../timeline-facts';

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
