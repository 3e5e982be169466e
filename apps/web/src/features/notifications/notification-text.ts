import type { Notification, NotificationEvent, Role } from '@verity/contract';
import type { I18n } from '../../lib/i18n';

/** i18n keys cannot hold dots: `case.deadline_soon` → `notifications.events.case_deadline_soon`. */
export const eventKey = (event: NotificationEvent) => event.replace('.', '_');

/** A day (`2026-12-07`) as the reader's language writes it. */
const dayIn = (lang: string, day: string) =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** One line telling what happened, in the reader's language. */
export function notificationText(
  { t, tx, lang }: Pick<I18n, 't' | 'tx' | 'lang'>,
  n: Pick<Notification, 'event' | 'case' | 'data'>,
): string {
  const data = n.data as { verdict?: string; to?: string; responseDeadline?: string };
  return t(`notifications.events.${eventKey(n.event)}`, {
    reference: n.case?.reference ?? '',
    verdict: data.verdict ? (tx(`notifications.verdicts.${data.verdict}`) ?? data.verdict) : '',
    to: data.to ? (tx(`notifications.states.${data.to}`) ?? data.to) : '',
    deadline: data.responseDeadline ? dayIn(lang, data.responseDeadline) : '',
  });
}

/** The events a role can be told of (the others never reach it): what its choices are about. */
export function eventsFor(role: Role, all: readonly NotificationEvent[]): NotificationEvent[] {
  const rightHolder = role === 'right_holder_admin' || role === 'right_holder_editor';
  const customs = role === 'officer' || role === 'administration_admin';
  const heard: readonly NotificationEvent[] = rightHolder
    ? ['case.submitted', 'case.status', 'case.message', 'case.deadline_changed', 'case.deadline_soon', 'case.overdue']
    : customs
      ? ['case.answered', 'case.status', 'case.message', 'case.shared', 'case.deadline_changed', 'case.overdue']
      : all;
  return all.filter((e) => heard.includes(e));
}
