import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useAppContext } from '../../../lib/app-context';
import { uploadHttp } from './upload-http';
import { UploadQueue, type QueuedUpload } from './upload-queue';
import { indexedDbStore, memoryStore } from './upload-store';

let queue: UploadQueue | null = null;

/** The page's one upload queue, on IndexedDB when the browser has it. */
export function uploadQueue(): UploadQueue {
  if (!queue) {
    const store = indexedDbStore().catch(() => memoryStore());
    queue = new UploadQueue(
      {
        all: async () => (await store).all(),
        put: async (entry) => (await store).put(entry),
        remove: async (key) => (await store).remove(key),
      },
      uploadHttp,
    );
    window.addEventListener('online', () => queue?.kick());
  }
  return queue;
}

/** The uploads of a case (photos or attachments), kept up to date as they progress. */
export function useUploads(caseId: string, purpose: QueuedUpload['purpose']) {
  const q = uploadQueue();
  const userId = useAppContext().me.user.id;
  useEffect(() => q.setUser(userId), [q, userId]);
  const version = useSyncExternalStore(
    useCallback((listener) => q.subscribe(listener), [q]),
    () => q.changes,
  );
  void version;
  const entries = q.list(caseId).filter((e) => e.purpose === purpose);
  return { entries, queue: q, userId };
}

/** Calls `onPhoto` with each photo the queue turns into a case photo. */
export function usePhotoArrivals(caseId: string, onPhoto: Parameters<UploadQueue['onPhoto']>[0]) {
  useEffect(() => {
    const q = uploadQueue();
    return q.onPhoto((id, photo) => {
      if (id === caseId) onPhoto(id, photo);
    });
  }, [caseId, onPhoto]);
}
