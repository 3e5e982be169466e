import { z } from 'zod';

/** The shapes of keyset cursors (see pagination.ts): checked before any value reaches SQL. */
export const idCursor = z.tuple([z.uuid()]);
export const nameIdCursor = z.tuple([z.string().max(2000), z.uuid()]);
/** Product search: [order, match, key, id]; the key is a rank (number) or a name (string). */
export const searchCursor = z.union([
  z.tuple([z.literal('rank'), z.enum(['words', 'similar']), z.number().finite(), z.uuid()]),
  z.tuple([z.enum(['name', 'id']), z.enum(['words', 'similar']), z.string().max(2000), z.uuid()]),
]);
