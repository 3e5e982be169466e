import { defaultNotificationPreference, type NotificationEvent } from '@verity/contract';
import type { CaseNotice, CaseNotifier } from '../cases/case-notices';
import type { Db } from '../platform/db';
import * as q from './notifications.queries';

export const NOTIFICATIONS_CHANNEL = 'verity_notifications';

/**
 * What a right holder may read of a notice's facts: the answer deadline, the state a decision
 * moved the case to, a message's id and excerpt (a message reaches only the right holder of its
 * conversation). Never a verdict, a previous state (it would tell that others answered), an
 * organisation id or anything else that could be another right holder's.
 */
const RIGHT_HOLDER_FACTS = ['responseDeadline', 'to', 'messageId', 'excerpt'] as const;

function factsFor(side: 'customs' | 'right_holder', data: Record<string, unknown>): Record<string, unknown> {
  if (side === 'customs') return { ...data };
  return Object.fromEntries(RIGHT_HOLDER_FACTS.filter((k) => data[k] !== undefined).map((k) => [k, data[k]]));
}

/** NOTIFY payloads are limited to 8000 bytes: user ids go in chunks (an empty one wakes the workers only). */
function chunks(ids: readonly string[], size = 150): string[] {
  if (ids.length === 0) return [''];
  const out: string[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size).join(','));
  return out;
}

/**
 * The cases' notifier: inside the transaction of the change, it finds who hears of it, writes
 * each recipient's in-app notification and the outbox rows of their e-mails and pushes (by
 * their preferences), and one outbox row per webhook of the organisations concerned. The
 * NOTIFY is part of the same transaction, so streams and workers hear of it only on commit.
 */
export function createNotifier({ clock = () => new Date() }: { clock?: () => Date } = {}): CaseNotifier {
  return async (tx: Db, notice: CaseNotice) => {
    const event = notice.event as NotificationEvent;
    const facts = await q.findCaseFacts(tx, notice.caseId);
    if (!facts) return;
    const now = clock();

    const customs = notice.to.customs ? await q.customsRecipients(tx, notice.caseId) : [];
    const rightHolderIds = await q.involvedRightHolderIds(tx, notice.caseId, notice.to.rightHolders);
    const rightHolders = await q.rightHolderRecipients(tx, rightHolderIds);
    const seen = new Set<string>(notice.by ? [notice.by.userId] : []);
    const recipients = [
      ...customs.map((r) => ({ ...r, side: 'customs' as const })),
      ...rightHolders.map((r) => ({ ...r, side: 'right_holder' as const })),
    ].filter((r) => !seen.has(r.userId) && seen.add(r.userId));

    const userIds = recipients.map((r) => r.userId);
    const chosen = new Map((await q.preferencesFor(tx, event, userIds)).map((p) => [p.userId, p]));
    const wants = recipients.map((r) => {
      const choice = chosen.get(r.userId) ?? defaultNotificationPreference(event, r.role);
      return { ...r, wantsInApp: choice.inApp, wantsEmail: choice.email, wantsPush: choice.push };
    });
    const pushable = await q.usersWithPush(
      tx,
      wants.filter((r) => r.wantsPush).map((r) => r.userId),
    );

    const inserted = await q.insertNotifications(
      tx,
      wants
        .filter((r) => r.wantsInApp)
        .map((r) => ({
          userId: r.userId,
          event,
          caseId: facts.id,
          data: factsFor(r.side, notice.data),
          createdAt: now,
        })),
    );
    const notificationOf = new Map(inserted.map((n) => [n.userId, n.id]));

    const outbox: Parameters<typeof q.insertOutbox>[1] = [];
    for (const r of wants) {
      const message = {
        userId: r.userId,
        locale: r.locale,
        event,
        caseId: facts.id,
        reference: facts.reference,
        data: factsFor(r.side, notice.data),
      };
      const notificationId = notificationOf.get(r.userId) ?? null;
      if (r.wantsEmail)
        outbox.push({
          channel: 'email',
          notificationId,
          payload: { ...message, to: r.email },
          nextAttemptAt: now,
          createdAt: now,
        });
      if (r.wantsPush && pushable.has(r.userId))
        outbox.push({ channel: 'push', notificationId, payload: message, nextAttemptAt: now, createdAt: now });
    }

    // Organisations' own systems: the customs side's and the right holders' concerned, each with its own facts.
    const customsOrgs = notice.to.customs ? await q.customsOrganisationIds(tx, notice.caseId) : [];
    const sideOf = new Map<string, 'customs' | 'right_holder'>([
      ...customsOrgs.map((id) => [id, 'customs'] as const),
      ...rightHolderIds.map((id) => [id, 'right_holder'] as const),
    ]);
    for (const hook of await q.webhooksFor(tx, event, [...sideOf.keys()])) {
      outbox.push({
        channel: 'webhook',
        webhookId: hook.id,
        payload: {
          event,
          case: { id: facts.id, reference: facts.reference },
          data: factsFor(sideOf.get(hook.organisationId)!, notice.data),
          occurredAt: now.toISOString(),
        },
        nextAttemptAt: now,
        createdAt: now,
      });
    }
    await q.insertOutbox(tx, outbox);

    if (inserted.length > 0 || outbox.length > 0)
      for (const payload of chunks([...new Set(inserted.map((n) => n.userId))]))
        await q.notifyChannel(tx, NOTIFICATIONS_CHANNEL, payload);
  };
}
