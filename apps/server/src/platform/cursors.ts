import { z } from 'zod';

/** The shapes of keyset cursors (see pagination.ts): checked before any value reaches SQL. */
export const idCursor = z.tuple([z.uuid()]);
export const nameIdCursor = z.tuple([z.string().max(2000), z.uuid()]);
export const scoreIdCursor = z.tuple([z.number().finite(), z.uuid()]);
