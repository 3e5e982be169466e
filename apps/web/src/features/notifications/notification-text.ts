import type { Notification, NotificationEvent } from '@verity/contract';
import type { I18n } from '../../lib/i18n';

/** i18n keys cannot hold dots: `case.deadline_soon` → `notifications.events.case_deadline_soon`. */
export const eventKey = (event: NotificationEvent) => event.replace('.', '_');

/** One line telling what happened, in the reader's language. */
export function notificationText(
  { t, tx }: Pick<I18n, 't' | 'tx'>,
  n: Pick<Notification, 'event' | 'case' | 'data'>,
): string {
  const data = n.data as { verdict?: string; to?: string; responseDeadline?: string };
  return t(`notifications.events.${eventKey(n.event)}`, {
    reference: n.case?.reference ?? '',
    verdict: data.verdict ? (tx(`notifications.verdicts.${data.verdict}`) ?? data.verdict) : '',
    to: data.to ? (tx(`notifications.states.${data.to}`) ?? data.to) : '',
    deadline: data.responseDeadline ?? '',
  });
}
