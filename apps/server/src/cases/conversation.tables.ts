import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../organisations/organisations.tables';
import { files } from '../catalog/catalog.tables';
import { caseLines, cases } from './cases.tables';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({ dataType: () => 'bytea' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/**
 * A message about a case. A case has one conversation per right holder (customs ⇄ that right
 * holder: `right_holder_id`), and one among the customs administrations alone (`right_holder_id`
 * null). `internal` messages stay on their author's side. `parent_id` makes threads (replies).
 */
export const caseMessages = pgTable(
  'case_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    rightHolderId: uuid('right_holder_id').references(() => organisations.id),
    parentId: uuid('parent_id'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    authorOrganisationId: uuid('author_organisation_id')
      .notNull()
      .references(() => organisations.id),
    internal: boolean('internal').notNull().default(false),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('case_messages_case_idx').on(t.caseId, t.rightHolderId, t.createdAt),
    index('case_messages_parent_idx').on(t.parentId),
  ],
);

/** Read receipts: who read which message, when (one row per reader and message). */
export const caseMessageReads = pgTable(
  'case_message_reads',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => caseMessages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.userId] })],
);

/**
 * Photos and attachments of a case. A photo tied to a line is seen by that line's right holder
 * only; an attachment of a message is seen by whoever sees the message.
 */
export const caseFiles = pgTable(
  'case_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'photo' | 'attachment'>().notNull(),
    lineId: uuid('line_id').references(() => caseLines.id, { onDelete: 'set null' }),
    messageId: uuid('message_id').references(() => caseMessages.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    thumbnailFileId: uuid('thumbnail_file_id').references(() => files.id),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    width: integer('width'),
    height: integer('height'),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('case_files_case_idx').on(t.caseId, t.createdAt),
    index('case_files_message_idx').on(t.messageId),
    check('case_files_kind_check', sql`${t.kind} in ('photo','attachment')`),
  ],
);

/**
 * A resumable upload (tus-like): the client says the size, then sends chunks at the offset the
 * server has; after a lost connection it asks the offset and goes on. Chunks are committed one
 * by one, so what the server acknowledged survives a crash.
 */
export const uploads = pgTable(
  'uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    received: integer('received').notNull().default(0),
    /** The case file made from it once complete (a retried completion gets the same one). */
    caseFileId: uuid('case_file_id').references(() => caseFiles.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('uploads_user_idx').on(t.userId, t.createdAt),
    check('uploads_received_check', sql`${t.received} >= 0 and ${t.received} <= ${t.size}`),
  ],
);

export const uploadChunks = pgTable(
  'upload_chunks',
  {
    uploadId: uuid('upload_id')
      .notNull()
      .references(() => uploads.id, { onDelete: 'cascade' }),
    offset: bigint('offset', { mode: 'number' }).notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.offset] })],
);
