import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { iso, rowsOf } from './case-access';
import { caseMessages } from './conversation.tables';

export interface MessageRow {
  id: string;
  rightHolderId: string | null;
  parentId: string | null;
  authorId: string;
  authorName: string;
  organisationId: string;
  organisationName: string;
  internal: boolean;
  body: string;
  createdAt: string;
}

const channelSql = (rightHolderId: string | null) =>
  rightHolderId ? sql`m.right_holder_id = ${rightHolderId}` : sql`m.right_holder_id is null`;

/** A conversation's messages the reader sees (`visible`, cases/case-access.ts), oldest first. */
export function listMessages(db: Db, caseId: string, rightHolderId: string | null, visible: SQL, onlyId?: string) {
  return rowsOf<MessageRow>(
    db,
    sql`select m.id, m.right_holder_id as "rightHolderId", m.parent_id as "parentId", m.author_id as "authorId",
          u.name as "authorName", m.author_organisation_id as "organisationId", o.name as "organisationName",
          m.internal, m.body, ${iso(sql`m.created_at`)} as "createdAt"
        from case_messages m
        join users u on u.id = m.author_id
        join organisations o on o.id = m.author_organisation_id
        where m.case_id = ${caseId} and ${channelSql(rightHolderId)} and ${visible}
          ${onlyId ? sql`and m.id = ${onlyId}` : sql``}
        order by m.created_at, m.id`,
  );
}

export async function insertMessage(db: Db, values: typeof caseMessages.$inferInsert): Promise<string> {
  // clock_timestamp(): messages written in one transaction keep their order.
  const [row] = await db
    .insert(caseMessages)
    .values({ ...values, createdAt: sql`clock_timestamp()` })
    .returning({ id: caseMessages.id });
  return row!.id;
}

/** Marks these messages read by the user (never its own); earlier reads keep their time. */
export async function markRead(db: Db, userId: string, messageIds: string[]) {
  if (messageIds.length === 0) return;
  await db.execute(
    sql`insert into case_message_reads (message_id, user_id)
        select m.id, ${userId}::uuid from case_messages m
        where m.id in (${sql.join(
          messageIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) and m.author_id <> ${userId}
        on conflict do nothing`,
  );
}

/**
 * Who read these messages, with the organisation they read for: the conversation's right holder
 * or a customs administration (a reader's other memberships are never shown).
 */
export function listReads(db: Db, messageIds: string[], rightHolderId: string | null) {
  if (messageIds.length === 0) return Promise.resolve([]);
  return rowsOf<{ messageId: string; name: string; organisationId: string; organisation: string; at: string }>(
    db,
    sql`select r.message_id as "messageId", u.name, o.id as "organisationId", o.name as organisation,
          ${iso(sql`r.read_at`)} as at
        from case_message_reads r
        join users u on u.id = r.user_id
        join lateral (
          select o.id, o.name from memberships ms join organisations o on o.id = ms.organisation_id
          where ms.user_id = r.user_id
            and (o.kind in ('customs', 'agency') ${rightHolderId ? sql`or o.id = ${rightHolderId}` : sql``})
          order by (o.id = ${rightHolderId ?? null}::uuid) desc nulls last, o.name limit 1
        ) o on true
        where r.message_id in (${sql.join(
          messageIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        order by r.read_at`,
  );
}

/** Per conversation of the case: the messages the reader sees and how many of them it has not read. */
export function countMessages(db: Db, caseId: string, visible: SQL, userId: string) {
  return rowsOf<{ rightHolderId: string | null; messages: number; unread: number }>(
    db,
    sql`select m.right_holder_id as "rightHolderId", count(*)::int as messages,
          (count(*) filter (where m.author_id <> ${userId} and not exists (
            select 1 from case_message_reads r where r.message_id = m.id and r.user_id = ${userId})))::int as unread
        from case_messages m
        where m.case_id = ${caseId} and ${visible}
        group by m.right_holder_id`,
  );
}

/** The right holders with a line in the case (one conversation each), with their names. */
export function caseRightHolders(db: Db, caseId: string) {
  return rowsOf<{ id: string; name: string }>(
    db,
    sql`select o.id, o.name from organisations o
        where o.id in (select l.right_holder_id from case_lines l where l.case_id = ${caseId} and l.right_holder_id is not null)
        order by o.name`,
  );
}
