import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { AppError } from '../platform/errors';
import { authorize, scopeOf, type Action, type Actor } from '../platform/policy';
import * as q from './cases.queries';
import { caseScopeSql } from './cases.scope';

/**
 * The case for an action of photos, uploads or conversations (the same rule as the cases
 * service's own `load`): FORBIDDEN when the role may never do it, or when the actor sees the
 * case but may not do this to it; CASE_NOT_FOUND when the case lies outside what it sees.
 * Photos and messages reach the cases shared with the actor's administration.
 */
export async function loadCase(db: Db, actor: Actor, action: Action, id: string): Promise<q.CaseRow> {
  const scope = authorize(actor, action);
  const today = new Date().toISOString().slice(0, 10);
  const row = await q.findCase(db, id, caseScopeSql(actor, scope, { withShared: true }), today);
  if (row) return row;
  const readScope = action === 'case.read' ? undefined : scopeOf(actor, 'case.read');
  if (readScope) {
    const readable = { scope: readScope, organisationId: actor.organisationId };
    if (await q.findCase(db, id, caseScopeSql(actor, readable, { withShared: true }), today))
      throw new AppError('FORBIDDEN', { action });
  }
  throw new AppError('CASE_NOT_FOUND');
}

/** A closed case is read-only: no photos, uploads or messages. */
export function assertOpen(row: q.CaseRow) {
  if (row.status === 'closed') throw new AppError('CASE_STATE_INVALID', { status: row.status });
}

/** A timestamp as ISO 8601 in UTC, the same on every driver. */
export const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return result.rows as T[];
}

/** bytea as a Buffer, whichever driver read it. */
export const bufferOf = (bytes: Buffer | Uint8Array) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes));

/**
 * The messages (alias `m`) an actor sees in a case it reads. A right holder: its own
 * conversation, without customs' internal notes. Customs: every conversation, without a right
 * holder's internal notes. A message is on the right holder's side when its author wrote for
 * the right holder of its conversation.
 */
export function messageVisibleSql(actor: Actor): SQL {
  if (actor.organisationKind === 'right_holder')
    return sql`(m.right_holder_id = ${actor.organisationId} and (not m.internal or m.author_organisation_id = ${actor.organisationId}))`;
  return sql`(not m.internal or m.right_holder_id is null or m.author_organisation_id is distinct from m.right_holder_id)`;
}

/**
 * The case files (alias `f`) an actor sees in a case it reads: customs every photo; a right
 * holder the photos of its lines and those tied to no line; attachments whoever sees their message.
 */
export function caseFileVisibleSql(actor: Actor): SQL {
  const photos =
    actor.organisationKind === 'right_holder'
      ? sql`(f.line_id is null or exists (select 1 from case_lines l where l.id = f.line_id and l.right_holder_id = ${actor.organisationId}))`
      : sql`true`;
  return sql`(case when f.kind = 'photo' then ${photos}
    else exists (select 1 from case_messages m where m.id = f.message_id and ${messageVisibleSql(actor)}) end)`;
}
