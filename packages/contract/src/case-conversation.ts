import { z } from 'zod';
import { IdSchema } from './common';

export * from './case-conversation-values';

/**
 * A case's photos, resumable uploads and conversations. See ARCHITECTURE.md, "Cases".
 *
 * Uploads are tus-like: `POST /cases/{id}/uploads` says the size, `PATCH /uploads/{id}` sends a
 * chunk at the offset the server has (`Upload-Offset`), `GET /uploads/{id}` tells that offset
 * after a lost connection. A complete upload becomes a photo (`POST /cases/{id}/photos`) or a
 * message's attachment (`attachmentUploadIds`).
 */
const Named = z.object({ id: IdSchema, name: z.string() });

export const UploadInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).describe('The file’s name, shown to readers'),
  contentType: z.string().trim().toLowerCase().min(1).max(200).describe('One of the accepted types'),
  size: z.number().int().positive().describe('Bytes; at most the server’s image limit'),
});
export type UploadInput = z.input<typeof UploadInputSchema>;

export const UploadSchema = z.object({
  id: IdSchema,
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  offset: z.number().int().describe('Bytes the server has committed; the next chunk starts here'),
  complete: z.boolean(),
});
export type Upload = z.infer<typeof UploadSchema>;

export const UploadOffsetHeadersSchema = z.looseObject({
  'upload-offset': z
    .string()
    .regex(/^\d{1,12}$/, 'a byte offset')
    .transform(Number)
    .describe('Where this chunk starts: must equal the offset the server has'),
});

export const CasePhotoInputSchema = z.strictObject({
  uploadId: IdSchema.describe('A complete upload of the caller to this case'),
  lineId: IdSchema.nullable()
    .default(null)
    .describe('The line the photo shows: only that line’s right holder sees it (none: every right holder of the case)'),
});

export const CasePhotoSchema = z.object({
  id: IdSchema,
  lineId: IdSchema.nullable(),
  name: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  url: z.string(),
  thumbnailUrl: z.string(),
  uploadedBy: Named,
  createdAt: z.iso.datetime(),
});
export type CasePhoto = z.infer<typeof CasePhotoSchema>;

export const CaseFileParamsSchema = z.strictObject({ id: IdSchema, fileId: IdSchema });

/** `customs`: among the customs administrations; a right holder's id: customs ⇄ that right holder. */
export const CaseChannelSchema = z
  .union([z.literal('customs'), IdSchema])
  .describe('`customs` (customs administrations only) or the id of a right holder of the case');

export const CaseMessagesQuerySchema = z.strictObject({ channel: CaseChannelSchema });

export const CaseMessageInputSchema = z.strictObject({
  channel: CaseChannelSchema,
  body: z.string().trim().min(1).max(10_000),
  parentId: IdSchema.nullable().default(null).describe('Reply to this message (of the same conversation)'),
  internal: z.boolean().default(false).describe('Seen only on the author’s side (its organisation, or customs)'),
  attachmentUploadIds: z.array(IdSchema).max(10).default([]),
});
export type CaseMessageInput = z.input<typeof CaseMessageInputSchema>;

export const CaseAttachmentSchema = z.object({
  id: IdSchema,
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  url: z.string(),
  thumbnailUrl: z.string().nullable(),
});

export const CaseMessageSchema = z.object({
  id: IdSchema,
  channel: z.string(),
  parentId: IdSchema.nullable(),
  author: Named,
  organisation: Named,
  side: z.enum(['customs', 'right_holder']),
  internal: z.boolean(),
  body: z.string(),
  attachments: z.array(CaseAttachmentSchema),
  readBy: z
    .array(z.object({ name: z.string(), organisation: z.string(), at: z.iso.datetime() }))
    .describe('Who of another organisation than the author’s has read it'),
  mine: z.boolean().describe('Written by the caller'),
  createdAt: z.iso.datetime(),
});
export type CaseMessage = z.infer<typeof CaseMessageSchema>;

export const CaseMessageListSchema = z.object({ channel: z.string(), messages: z.array(CaseMessageSchema) });
export type CaseMessageList = z.infer<typeof CaseMessageListSchema>;

export const CaseConversationsSchema = z.object({
  channels: z.array(
    z.object({
      channel: z.string(),
      rightHolder: Named.nullable().describe('null: among customs only'),
      messages: z.number().int(),
      unread: z.number().int(),
      canPost: z.boolean(),
    }),
  ),
});
export type CaseConversations = z.infer<typeof CaseConversationsSchema>;
