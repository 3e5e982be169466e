import type { Role } from './roles';

/**
 * Notifications' plain values (no zod: the web app imports them through `values.ts`).
 * The events are what the cases tell the notifier (apps/server/src/cases/case-notices.ts).
 */
export const notificationEvents = [
  'case.submitted', // to the right holders of its lines
  'case.answered', // a right holder's verdict, to customs
  'case.status', // an officer's decision
  'case.message', // a message in a case's conversation
  'case.shared', // an administration was invited to a case
  'case.deadline_changed', // customs moved the answer deadline, to the right holders and the sharing administrations
  'case.deadline_soon', // two working days before the answer deadline, to right holders that have not answered
  'case.overdue', // the deadline passed without their answer
] as const;
export type NotificationEvent = (typeof notificationEvents)[number];

export const notificationChannels = ['inApp', 'email', 'push'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/** What a user gets when they have not chosen: in-app for all; e-mail for what needs action; push for officers' answers and messages. */
export function defaultNotificationPreference(
  event: NotificationEvent,
  role: Role,
): { inApp: boolean; email: boolean; push: boolean } {
  return {
    inApp: true,
    email: ['case.submitted', 'case.answered', 'case.deadline_changed', 'case.deadline_soon', 'case.overdue'].includes(
      event,
    ),
    push: role === 'officer' && (event === 'case.answered' || event === 'case.message'),
  };
}

/** Roles that may manage their organisation's webhooks. */
export const webhookManagerRoles: readonly Role[] = ['right_holder_admin', 'administration_admin'];
