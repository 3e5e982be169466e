import { describe, expect, it } from 'vitest';
import type { CasePhoto, Upload } from '@verity/contract';
import { UploadError, type UploadHttp } from './upload-http';
import { CHUNK_BYTES, UploadQueue } from './upload-queue';
import { memoryStore } from './upload-store';

/** A server keeping what it acknowledged; `failNext` makes the next calls fail like a lost connection. */
function fakeServer() {
  const uploads = new Map<string, { size: number; bytes: Uint8Array[]; offset: number }>();
  const calls: string[] = [];
  let failNext = 0;
  let n = 0;
  const present = (id: string): Upload => {
    const u = uploads.get(id)!;
    return {
      id,
      name: 'p.jpg',
      contentType: 'image/jpeg',
      size: u.size,
      offset: u.offset,
      complete: u.offset === u.size,
    };
  };
  const maybeFail = () => {
    if (failNext > 0) {
      failNext--;
      throw new UploadError('NETWORK_ERROR', 0);
    }
  };
  const http: UploadHttp = {
    start: async (_caseId, input) => {
      calls.push('start');
      maybeFail();
      const id = `u${++n}`;
      uploads.set(id, { size: input.size, bytes: [], offset: 0 });
      return present(id);
    },
    status: async (id) => {
      calls.push('status');
      maybeFail();
      return present(id);
    },
    chunk: async (id, offset, blob) => {
      calls.push(`chunk@${offset}`);
      maybeFail();
      const u = uploads.get(id)!;
      if (offset !== u.offset) throw new UploadError('UPLOAD_OFFSET_MISMATCH', 409, { offset: u.offset });
      u.bytes.push(new Uint8Array(await blob.arrayBuffer()));
      u.offset += blob.size;
      return present(id);
    },
    photo: async (caseId, body) => {
      calls.push(`photo:${body.lineId}`);
      maybeFail();
      if (uploads.get(body.uploadId)!.offset !== uploads.get(body.uploadId)!.size)
        throw new UploadError('UPLOAD_INCOMPLETE', 409);
      return { id: `photo-${body.uploadId}`, lineId: body.lineId, caseId } as unknown as CasePhoto;
    },
  };
  return { http, uploads, calls, fail: (count: number) => (failNext = count) };
}

const noWait = async () => {};
const settle = async (queue: UploadQueue) => {
  for (let i = 0; i < 200; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (queue.list('c1').every((e) => e.state !== 'waiting' && e.state !== 'uploading' && e.state !== 'retrying'))
      return;
  }
};
const photoBlob = (size: number) => new Blob([new Uint8Array(size).fill(7)], { type: 'image/jpeg' });

describe('the upload queue', () => {
  it('sends a photo in 256 KiB chunks, then makes the photo with the line chosen meanwhile', async () => {
    const server = fakeServer();
    const queue = new UploadQueue(memoryStore(), server.http, noWait);
    const photos: CasePhoto[] = [];
    queue.onPhoto((_caseId, photo) => photos.push(photo));
    await queue.ready;
    queue.setUser('me');
    const size = CHUNK_BYTES * 2 + 100;
    server.fail(0);
    const entry = await queue.add({
      userId: 'me',
      caseId: 'c1',
      purpose: 'photo',
      name: 'p.jpg',
      blob: photoBlob(size),
    });
    await queue.setLine(entry.key, 'line-1');
    server.fail(0);
    await settle(queue);
    expect(photos).toHaveLength(1);
    expect(photos[0]!.lineId).toBe('line-1');
    expect(server.uploads.get('u1')!.offset).toBe(size);
    expect(server.calls.filter((c) => c.startsWith('chunk'))).toEqual([
      'chunk@0',
      `chunk@${CHUNK_BYTES}`,
      `chunk@${CHUNK_BYTES * 2}`,
    ]);
    expect(queue.list('c1')).toEqual([]);
  });

  it('a lost connection mid-way is retried; after a reload the queue asks the server’s offset and goes on', async () => {
    const server = fakeServer();
    const store = memoryStore();
    const first = new UploadQueue(store, server.http, noWait);
    await first.ready;
    first.setUser('me');
    const size = CHUNK_BYTES * 3;
    // The page is closed after the first chunk: simulate it by failing "forever" then dropping the queue.
    server.fail(0);
    const added = await first.add({
      userId: 'me',
      caseId: 'c1',
      purpose: 'attachment',
      name: 'r.pdf',
      blob: photoBlob(size),
    });
    await settle(first);
    expect(first.list('c1')[0]).toMatchObject({ state: 'done', offset: size });

    // A second file: the server acknowledges one chunk, then the page reloads.
    const stored = (await store.all()).find((e) => e.key === added.key)!;
    await store.put({ ...stored, key: 'k2', uploadId: null, offset: 0, state: 'waiting' });
    server.calls.length = 0;
    const u = await server.http.start('c1', { name: 'x', contentType: 'image/jpeg', size });
    await server.http.chunk(u.id, 0, photoBlob(CHUNK_BYTES));
    await store.put({ ...stored, key: 'k3', uploadId: u.id, offset: 0, state: 'waiting', createdAt: Date.now() + 1 });
    await store.remove('k2');
    server.calls.length = 0;
    server.fail(1); // and the connection is still flaky
    const reloaded = new UploadQueue(store, server.http, noWait);
    await reloaded.ready;
    reloaded.setUser('me');
    await settle(reloaded);
    expect(server.calls).toEqual(['status', 'status', `chunk@${CHUNK_BYTES}`, `chunk@${CHUNK_BYTES * 2}`]);
    expect(server.uploads.get(u.id)!.offset).toBe(size);
    expect(reloaded.list('c1').map((e) => e.state)).toEqual(['done', 'done']);
  });

  it('a refusal stops the file with its code; retry sends it again', async () => {
    const server = fakeServer();
    const queue = new UploadQueue(
      memoryStore(),
      {
        ...server.http,
        start: async () => {
          throw new UploadError('UPLOAD_TOO_LARGE', 413, { maxBytes: 10 });
        },
      },
      noWait,
    );
    await queue.ready;
    queue.setUser('me');
    const entry = await queue.add({
      userId: 'me',
      caseId: 'c1',
      purpose: 'photo',
      name: 'big.jpg',
      blob: photoBlob(100),
    });
    await settle(queue);
    expect(queue.list('c1')).toMatchObject([{ key: entry.key, state: 'failed', code: 'UPLOAD_TOO_LARGE' }]);
    await queue.remove(entry.key);
    expect(queue.list('c1')).toEqual([]);
  });

  it('on a shared phone, another user’s files are neither listed nor sent until that user is back', async () => {
    const server = fakeServer();
    const store = memoryStore();
    await store.put({
      key: 'theirs',
      userId: 'someone-else',
      caseId: 'c1',
      purpose: 'photo',
      name: 'p.jpg',
      contentType: 'image/jpeg',
      size: 10,
      blob: photoBlob(10),
      lineId: null,
      uploadId: null,
      offset: 0,
      state: 'waiting',
      createdAt: 1,
    });
    const queue = new UploadQueue(store, server.http, noWait);
    await queue.ready;
    queue.setUser('me');
    await settle(queue);
    expect(queue.list('c1')).toEqual([]);
    expect(server.calls).toEqual([]);
    queue.setUser('someone-else');
    await settle(queue);
    expect(server.calls).toEqual(['start', 'chunk@0', 'photo:null']);
  });
});
