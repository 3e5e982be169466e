import type { DecodeJob, DecoderEngine, DecoderFailure, DecoderReply } from './decoder-protocol';
import type { DecodedCode } from './scanned-text';

/** A request the worker could not fulfil: why, and its technical detail (shown to the officer). */
export class DecoderError extends Error {
  constructor(
    readonly failure: DecoderFailure,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'DecoderError';
  }
}

export interface DecoderClient {
  /** Loads the decoder; resolves with the engine the worker chose. */
  prepare(): Promise<DecoderEngine>;
  /** Decodes a camera frame (transferred: the caller must not use it again) or a photo. */
  decode(job: DecodeJob): Promise<DecodedCode | null>;
  /** Ends the worker; pending requests reject. */
  stop(): void;
}

/** Starts the decoder worker (its code, and zxing's, are fetched now: never with the page). */
export function startDecoder(): DecoderClient {
  const worker = new Worker(new URL('./decoder.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve: (reply: DecoderReply) => void; reject: (error: Error) => void }>();
  let nextId = 1;

  const failAll = (error: DecoderError) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.onmessage = (event: MessageEvent<DecoderReply>) => {
    const waiting = pending.get(event.data.id);
    pending.delete(event.data.id);
    waiting?.resolve(event.data);
  };
  // The worker's script itself failed (not found, or threw while loading): every request fails.
  worker.onerror = (event) => {
    event.preventDefault();
    failAll(new DecoderError('decoder-failed', event.message || 'The decoder worker could not be started'));
  };
  worker.onmessageerror = () =>
    failAll(new DecoderError('decoder-failed', 'A message from the decoder was unreadable'));

  const send = (request: DecodeJob | { kind: 'prepare' }): Promise<DecoderReply> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const transfer = request.kind === 'frame' ? [request.image] : [];
      worker.postMessage({ ...request, id }, transfer);
    });

  const unwrap = (reply: DecoderReply) => {
    if (!reply.ok) throw new DecoderError(reply.failure, reply.detail);
    return reply;
  };

  return {
    prepare: async () => unwrap(await send({ kind: 'prepare' })).engine,
    decode: async (job) => unwrap(await send(job)).code,
    stop: () => {
      worker.terminate();
      failAll(new DecoderError('decoder-failed', 'The scanner was closed'));
    },
  };
}
