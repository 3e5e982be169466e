import type { CasePhoto } from '@verity/contract';
import { isTransient, UploadError, type UploadHttp } from './upload-http';
import type { StoredUpload, UploadStore } from './upload-store';

/** Chunks of 256 KiB: small enough to finish on a weak signal, few enough requests for a photo. */
export const CHUNK_BYTES = 256 * 1024;
const MAX_DELAY = 30_000;

export interface QueuedUpload extends Omit<StoredUpload, 'state'> {
  state: StoredUpload['state'] | 'uploading' | 'retrying';
}

export interface NewUpload {
  userId: string;
  caseId: string;
  purpose: 'photo' | 'attachment';
  name: string;
  blob: Blob;
  lineId?: string | null;
}

/**
 * The background upload queue: one file at a time, in chunks, each acknowledged by the server
 * before the next; the queue (bytes, upload id, offset) is kept in the store, so after a reload
 * or a lost connection it asks the server for its offset and goes on from there. A connection
 * problem waits (1 s, 2 s, 4 s… up to 30 s, or until the browser is back online) and retries;
 * a refusal (type, size, state) stops that file with its code.
 */
export class UploadQueue {
  private readonly entries = new Map<string, QueuedUpload>();
  private readonly listeners = new Set<() => void>();
  private readonly photoListeners = new Set<(caseId: string, photo: CasePhoto) => void>();
  private running = false;
  private version = 0;
  private wake: (() => void) | null = null;
  /** The signed-in user: only its entries are listed and sent. */
  private user: string | null = null;
  readonly ready: Promise<void>;

  constructor(
    private readonly store: UploadStore,
    private readonly http: UploadHttp,
    private readonly sleep: (ms: number, wake: Promise<void>) => Promise<void> = defaultSleep,
  ) {
    this.ready = store.all().then(
      (stored) => {
        for (const entry of stored) this.entries.set(entry.key, { ...entry });
        this.changed();
        void this.run();
      },
      () => undefined,
    );
  }

  /** Whose queue this page sends (the signed-in user); another user's entries wait for them. */
  setUser(userId: string) {
    if (this.user === userId) return;
    this.user = userId;
    this.changed();
    void this.run();
  }

  /** The user's entries of a case, oldest first (a new array when anything changed, for React). */
  list(caseId: string): QueuedUpload[] {
    return [...this.entries.values()]
      .filter((e) => e.caseId === caseId && e.userId === this.user)
      .sort((a, b) => a.createdAt - b.createdAt);
  }
  get changes() {
    return this.version;
  }

  subscribe(listener: () => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  onPhoto(listener: (caseId: string, photo: CasePhoto) => void) {
    this.photoListeners.add(listener);
    return () => void this.photoListeners.delete(listener);
  }

  async add(input: NewUpload): Promise<QueuedUpload> {
    const entry: QueuedUpload = {
      key: crypto.randomUUID(),
      userId: input.userId,
      caseId: input.caseId,
      purpose: input.purpose,
      name: input.name,
      contentType: input.blob.type || 'application/octet-stream',
      size: input.blob.size,
      blob: input.blob,
      lineId: input.lineId ?? null,
      uploadId: null,
      offset: 0,
      state: 'waiting',
      createdAt: Date.now(),
    };
    this.entries.set(entry.key, entry);
    await this.save(entry);
    this.changed();
    void this.run();
    return entry;
  }

  /** Drops a file from the queue (a sent attachment, a refused photo, a change of mind). */
  async remove(key: string) {
    this.entries.delete(key);
    this.changed();
    await this.store.remove(key).catch(() => undefined);
  }

  async retry(key: string) {
    const entry = this.entries.get(key);
    if (!entry || entry.state !== 'failed') return;
    this.update(entry, { state: 'waiting', code: undefined });
    await this.save(entry);
    void this.run();
  }

  /** Which line a photo shows; kept until the photo is made. */
  async setLine(key: string, lineId: string | null) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.update(entry, { lineId });
    await this.save(entry);
  }

  /** Now, rather than after the back-off (the browser is back online, the user asked). */
  kick() {
    this.wake?.();
    void this.run();
  }

  private changed() {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /** Changes the caller's copy and the queue's (a new object, for React); nothing once removed. */
  private update(entry: QueuedUpload, change: Partial<QueuedUpload>) {
    Object.assign(entry, change);
    const current = this.entries.get(entry.key);
    if (!current) return;
    this.entries.set(entry.key, { ...current, ...change });
    this.changed();
  }

  /** Writes the queue's copy of the entry to the store (a running upload is stored as waiting). */
  private async save({ key }: { key: string }) {
    const entry = this.entries.get(key);
    if (!entry) return;
    const state = entry.state === 'uploading' || entry.state === 'retrying' ? 'waiting' : entry.state;
    await this.store.put({ ...entry, state }).catch(() => undefined);
  }

  private async run() {
    if (this.running) return;
    this.running = true;
    try {
      let delay = 1000;
      for (;;) {
        const next = [...this.entries.values()]
          .filter((e) => e.state === 'waiting' && e.userId === this.user)
          .sort((a, b) => a.createdAt - b.createdAt)[0];
        if (!next) return;
        const entry = { ...next };
        try {
          await this.send(entry);
          delay = 1000;
        } catch (error) {
          if (!this.entries.has(entry.key)) continue;
          if (isTransient(error)) {
            this.update(entry, { state: 'retrying' });
            await this.sleep(delay, new Promise((resolve) => (this.wake = () => resolve())));
            this.wake = null;
            delay = Math.min(delay * 2, MAX_DELAY);
            if (this.entries.has(entry.key)) this.update(entry, { state: 'waiting' });
          } else {
            const code = error instanceof UploadError ? error.code : 'UNEXPECTED_RESPONSE';
            this.update(entry, { state: 'failed', code });
            await this.save(entry);
          }
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async send(entry: QueuedUpload) {
    this.update(entry, { state: 'uploading' });
    if (!entry.uploadId) {
      const started = await this.http.start(entry.caseId, {
        name: entry.name,
        contentType: entry.contentType,
        size: entry.size,
      });
      this.update(entry, { uploadId: started.id, offset: started.offset });
      await this.save(entry);
    } else {
      // After a reload or a lost answer: the server says how far it got.
      this.update(entry, { offset: (await this.http.status(entry.uploadId)).offset });
    }
    while (entry.offset < entry.size) {
      if (!this.entries.has(entry.key)) return;
      try {
        const sent = await this.http.chunk(
          entry.uploadId!,
          entry.offset,
          entry.blob.slice(entry.offset, entry.offset + CHUNK_BYTES),
        );
        this.update(entry, { offset: sent.offset });
      } catch (error) {
        const offset = (error as UploadError).details as { offset?: unknown } | undefined;
        if (
          error instanceof UploadError &&
          error.code === 'UPLOAD_OFFSET_MISMATCH' &&
          typeof offset?.offset === 'number'
        )
          this.update(entry, { offset: offset.offset });
        else throw error;
      }
      await this.save(entry);
    }
    if (entry.purpose === 'photo') {
      // The line may have been chosen while the photo was on its way.
      const lineId = this.entries.get(entry.key)?.lineId ?? entry.lineId;
      const photo = await this.http.photo(entry.caseId, { uploadId: entry.uploadId!, lineId });
      for (const listener of this.photoListeners) listener(entry.caseId, photo);
      await this.remove(entry.key);
    } else {
      this.update(entry, { state: 'done' });
      await this.save(entry);
    }
  }
}

function defaultSleep(ms: number, wake: Promise<void>) {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    const online = () => resolve();
    window.addEventListener('online', online, { once: true });
    void wake.then(() => {
      clearTimeout(timer);
      window.removeEventListener('online', online);
      resolve();
    });
  });
}
