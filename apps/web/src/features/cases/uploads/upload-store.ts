/**
 * Where the upload queue survives a reload or a lost connection: IndexedDB (the photos' bytes
 * as Blobs, the server's upload id and offset). An in-memory store stands in when IndexedDB is
 * not available (private windows of some browsers) and in tests.
 */
export interface StoredUpload {
  key: string;
  /** Whose it is: on a shared phone, another user's queue is neither shown nor sent. */
  userId: string;
  caseId: string;
  purpose: 'photo' | 'attachment';
  name: string;
  contentType: string;
  size: number;
  blob: Blob;
  lineId: string | null;
  uploadId: string | null;
  offset: number;
  /** `done`: an attachment uploaded, waiting for its message; `failed`: refused, with `code`. */
  state: 'waiting' | 'done' | 'failed';
  code?: string;
  createdAt: number;
}

export interface UploadStore {
  all(): Promise<StoredUpload[]>;
  put(entry: StoredUpload): Promise<void>;
  remove(key: string): Promise<void>;
}

export function memoryStore(): UploadStore {
  const entries = new Map<string, StoredUpload>();
  return {
    all: async () => [...entries.values()],
    put: async (entry) => void entries.set(entry.key, entry),
    remove: async (key) => void entries.delete(key),
  };
}

const DB = 'verity-uploads';
const STORE = 'queue';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB'));
  });
}

export async function indexedDbStore(): Promise<UploadStore> {
  const open = indexedDB.open(DB, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'key' });
  const db = await request(open);
  const store = (mode: IDBTransactionMode) => db.transaction(STORE, mode).objectStore(STORE);
  return {
    all: () => request(store('readonly').getAll() as IDBRequest<StoredUpload[]>),
    put: async (entry) => void (await request(store('readwrite').put(entry))),
    remove: async (key) => void (await request(store('readwrite').delete(key))),
  };
}
