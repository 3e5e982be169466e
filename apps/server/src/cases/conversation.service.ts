import type { CaseConversations, CaseMessage, CaseMessageInputSchema, CaseMessageList } from '@verity/contract';
import type { z } from 'zod';
import type { Db } from '../platform/db';
import { AppError } from '../platform/errors';
import type { Actor } from '../platform/policy';
import { loadCase, messageVisibleSql } from './case-access';
import type { CaseFilesService } from './case-files.service';
import type { CaseRow } from './cases.queries';
import { noNotices, type CaseNotifier } from './case-notices';
import * as q from './conversation.queries';

type MessageInput = z.output<typeof CaseMessageInputSchema>;
const CUSTOMS = 'customs';

/**
 * The conversations of a case: one per right holder of its lines (customs ⇄ that right holder)
 * and one among the customs administrations (the owner and those it is shared with). A right
 * holder sees and writes only in its own; `internal` messages stay on their author's side.
 * Listing marks what the reader sees as read (read receipts).
 */
export function createConversationService({
  db,
  caseFiles,
  notify = noNotices,
}: {
  db: Db;
  caseFiles: CaseFilesService;
  notify?: CaseNotifier;
}) {
  const isRightHolder = (actor: Actor) => actor.organisationKind === 'right_holder';

  /** The right holder of the conversation (null: customs only), if the actor may be in it; else CASE_CHANNEL_NOT_FOUND. */
  async function channelOf(h: Db, actor: Actor, caseId: string, channel: string): Promise<string | null> {
    if (isRightHolder(actor)) {
      if (channel === actor.organisationId) return channel;
      throw new AppError('CASE_CHANNEL_NOT_FOUND');
    }
    if (channel === CUSTOMS) return null;
    if ((await q.caseRightHolders(h, caseId)).some((r) => r.id === channel)) return channel;
    throw new AppError('CASE_CHANNEL_NOT_FOUND');
  }

  /** Closed cases are read-only; a right holder's conversation opens with the submission, customs' own at once. */
  const canPost = (row: CaseRow, rightHolderId: string | null) =>
    row.status !== 'closed' && (rightHolderId === null || row.status !== 'draft');

  async function present(h: Db, actor: Actor, caseId: string, rows: q.MessageRow[]): Promise<CaseMessage[]> {
    const ids = rows.map((r) => r.id);
    const rightHolderId = rows[0]?.rightHolderId ?? null;
    const [reads, attachments] = await Promise.all([
      q.listReads(h, ids, rightHolderId),
      caseFiles.attachmentsOf(h, caseId, ids),
    ]);
    return rows.map((row) => ({
      id: row.id,
      channel: row.rightHolderId ?? CUSTOMS,
      parentId: row.parentId,
      author: { id: row.authorId, name: row.authorName },
      organisation: { id: row.organisationId, name: row.organisationName },
      side: row.rightHolderId !== null && row.organisationId === row.rightHolderId ? 'right_holder' : 'customs',
      internal: row.internal,
      body: row.body,
      attachments: attachments.get(row.id) ?? [],
      // Only readers of another organisation than the author's matter (and none of another right holder).
      readBy: reads
        .filter((r) => r.messageId === row.id && r.organisationId !== row.organisationId)
        .map((r) => ({ name: r.name, organisation: r.organisation, at: r.at })),
      mine: row.authorId === actor.userId,
      createdAt: row.createdAt,
    }));
  }

  /** One conversation; what it shows is marked read for the reader. */
  async function listMessages(actor: Actor, caseId: string, channel: string): Promise<CaseMessageList> {
    await loadCase(db, actor, 'case.message', caseId);
    const rightHolderId = await channelOf(db, actor, caseId, channel);
    const visible = messageVisibleSql(actor);
    const before = await q.listMessages(db, caseId, rightHolderId, visible);
    await q.markRead(
      db,
      actor.userId,
      before.map((m) => m.id),
    );
    return { channel, messages: await present(db, actor, caseId, before) };
  }

  /** The conversations the actor may read, with unread counts (for the case view). */
  async function listConversations(actor: Actor, caseId: string): Promise<CaseConversations> {
    const row = await loadCase(db, actor, 'case.message', caseId);
    const [rightHolders, counts] = await Promise.all([
      q.caseRightHolders(db, caseId),
      q.countMessages(db, caseId, messageVisibleSql(actor), actor.userId),
    ]);
    const countOf = (id: string | null) => counts.find((c) => c.rightHolderId === id) ?? { messages: 0, unread: 0 };
    const channels = isRightHolder(actor)
      ? rightHolders
          .filter((r) => r.id === actor.organisationId)
          .map((r) => ({ channel: r.id, rightHolder: r, id: r.id }))
      : [
          ...rightHolders.map((r) => ({ channel: r.id, rightHolder: r, id: r.id as string | null })),
          { channel: CUSTOMS, rightHolder: null, id: null },
        ];
    return {
      channels: channels.map(({ channel, rightHolder, id }) => ({
        channel,
        rightHolder,
        ...countOf(id),
        canPost: canPost(row, id),
      })),
    };
  }

  async function postMessage(actor: Actor, caseId: string, input: MessageInput): Promise<CaseMessage> {
    const row = await loadCase(db, actor, 'case.message', caseId);
    const rightHolderId = await channelOf(db, actor, caseId, input.channel);
    if (!canPost(row, rightHolderId)) throw new AppError('CASE_STATE_INVALID', { status: row.status });
    const visible = messageVisibleSql(actor);
    let internal = input.internal;
    if (input.parentId) {
      const [parent] = await q.listMessages(db, caseId, rightHolderId, visible, input.parentId);
      if (!parent) throw new AppError('CASE_MESSAGE_PARENT_INVALID');
      // A reply to an internal note stays internal: the other side never sees half a thread.
      internal ||= parent.internal;
    }
    // Images are decoded before the transaction: it holds no lock while sharp works.
    const prepared: Awaited<ReturnType<CaseFilesService['prepareAttachment']>>[] = [];
    for (const uploadId of new Set(input.attachmentUploadIds))
      prepared.push(await caseFiles.prepareAttachment(actor, caseId, uploadId));
    return db.transaction(async (tx) => {
      const id = await q.insertMessage(tx, {
        caseId,
        rightHolderId,
        parentId: input.parentId,
        authorId: actor.userId,
        authorOrganisationId: actor.organisationId,
        internal,
        body: input.body,
      });
      for (const attachment of prepared) await caseFiles.storeAttachment(tx, actor, caseId, id, attachment);
      // Both sides of the conversation hear of it (the author is left out by the notifier);
      // an internal note only its author's side.
      const rightHolderSide = rightHolderId !== null && actor.organisationId === rightHolderId;
      await notify(tx, {
        event: 'case.message',
        caseId,
        by: actor,
        to: {
          customs: !internal || !rightHolderSide,
          rightHolders: rightHolderId && (!internal || rightHolderSide) ? [rightHolderId] : [],
        },
        data: { messageId: id, channel: rightHolderId ?? CUSTOMS, internal, excerpt: input.body.slice(0, 140) },
      });
      const [created] = await q.listMessages(tx, caseId, rightHolderId, visible, id);
      const [message] = await present(tx, actor, caseId, [created!]);
      return message!;
    });
  }

  return { listMessages, listConversations, postMessage };
}
export type ConversationService = ReturnType<typeof createConversationService>;
