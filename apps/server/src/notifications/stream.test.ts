import { get, type ClientRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/test-app';

/**
 * The server-sent event stream, over real HTTP: live notifications, resuming with
 * Last-Event-ID, a clean end on shutdown, and (on a PostgreSQL server) a change made through
 * one server process reaching a stream held by another.
 */
interface SseEvent {
  event: string;
  id?: string;
  data: unknown;
}

/**
 * An EventSource-like reader over node:http (undici's fetch, aborted, leaves its connection
 * counted by the server, which then waits for it on close; browsers close theirs).
 */
async function openStream(baseUrl: string, cookie: string, lastEventId?: string) {
  const events: SseEvent[] = [];
  let ended = false;
  let comments = 0;
  let buffer = '';
  const { response, request } = await new Promise<{ response: IncomingMessage; request: ClientRequest }>(
    (resolve, reject) => {
      const request = get(
        `${baseUrl}/api/v1/notifications/stream`,
        { headers: { cookie, accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) } },
        (response) => resolve({ response, request }),
      );
      request.on('error', reject);
    },
  );
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    buffer += chunk;
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const fields: Record<string, string> = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) comments++;
        const at = line.indexOf(': ');
        if (at > 0) fields[line.slice(0, at)] = line.slice(at + 2);
      }
      if (fields.event) events.push({ event: fields.event, id: fields.id, data: JSON.parse(fields.data ?? 'null') });
    }
  });
  response.on('end', () => (ended = true));
  response.on('close', () => (ended = true));
  const waitFor = async (predicate: (e: SseEvent[]) => boolean, ms = 5000) => {
    const end = Date.now() + ms;
    while (!predicate(events)) {
      if (Date.now() > end) throw new Error(`no such event in time; got ${JSON.stringify(events)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  return {
    response: { status: response.statusCode, headers: { get: (name: string) => String(response.headers[name] ?? '') } },
    events,
    waitFor,
    notifications: () => events.filter((e) => e.event === 'notification'),
    get ended() {
      return ended;
    },
    get comments() {
      return comments;
    },
    close: () => request.destroy(),
  };
}

async function listening(t: TestApp) {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
}

async function submitCase(officer: Session, productId: string) {
  const created = await officer.request('POST', '/api/v1/cases', { lines: [{ productId, quantity: 1 }] });
  const submitted = await officer.request('POST', `/api/v1/cases/${created.json().id}/submit`);
  expect(submitted.statusCode, submitted.body).toBe(200);
  return submitted.json<{ id: string; reference: string }>();
}

let t: TestApp;
let base: string;
let officer: Session;
let rh: Session;
let product: { id: string };

beforeAll(async () => {
  t = await createTestApp({ notificationWorker: false });
  base = await listening(t);
  officer = await t.factories.user('officer');
  rh = await t.factories.user('right_holder_editor');
  product = await t.factories.product(await t.factories.user('right_holder_admin', rh.organisationId));
});
afterAll(() => t.close());

describe('the notification stream', () => {
  it('needs a session', async () => {
    const response = await fetch(`${base}/api/v1/notifications/stream`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('AUTH_REQUIRED');
  });

  it('sends a new notification as it is committed, then the unread count', async () => {
    const stream = await openStream(base, rh.cookie);
    try {
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(stream.response.headers.get('cache-control')).toBe('no-store');
      await stream.waitFor((e) => e.some((x) => x.event === 'unread'));
      const before = stream.events.length;
      const c = await submitCase(officer, product.id);
      await stream.waitFor((e) => e.some((x) => x.event === 'notification'));
      const [n] = stream.notifications();
      expect(n!.data).toMatchObject({
        event: 'case.submitted',
        case: { id: c.id, reference: c.reference },
        readAt: null,
      });
      expect(n!.id).toBe((n!.data as { id: string }).id);
      await stream.waitFor((e) =>
        e.slice(before).some((x) => x.event === 'unread' && (x.data as { unread: number }).unread >= 1),
      );
      // Marking read (say on another device) updates the count on this one.
      await rh.request('POST', '/api/v1/notifications/read', { all: true });
      await stream.waitFor((e) => {
        const last = e.filter((x) => x.event === 'unread').at(-1);
        return (last?.data as { unread: number } | undefined)?.unread === 0;
      });
    } finally {
      stream.close();
    }
  });

  it('Last-Event-ID resumes: what came while disconnected is sent on reconnect, in order, and nothing twice', async () => {
    const first = await openStream(base, rh.cookie);
    await first.waitFor((e) => e.some((x) => x.event === 'unread'));
    await submitCase(officer, product.id);
    await first.waitFor((e) => e.some((x) => x.event === 'notification'));
    const lastSeen = first.notifications().at(-1)!.id!;
    first.close();
    const missed = [await submitCase(officer, product.id), await submitCase(officer, product.id)];
    const again = await openStream(base, rh.cookie, lastSeen);
    try {
      await again.waitFor((e) => e.filter((x) => x.event === 'notification').length >= 2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(again.notifications().map((n) => (n.data as { case: { id: string } }).case.id)).toEqual(
        missed.map((c) => c.id),
      );
    } finally {
      again.close();
    }
    // Without Last-Event-ID: only what comes next.
    const fresh = await openStream(base, rh.cookie);
    try {
      await fresh.waitFor((e) => e.some((x) => x.event === 'unread'));
      expect(fresh.notifications()).toEqual([]);
    } finally {
      fresh.close();
    }
  });

  it('a bad lastEventId parameter is a 400; a bad Last-Event-ID header is ignored', async () => {
    const bad = await rh.request('GET', '/api/v1/notifications/stream?lastEventId=nope');
    expect(bad.statusCode).toBe(400);
    const stream = await openStream(base, rh.cookie, 'nope');
    try {
      expect(stream.response.status).toBe(200);
    } finally {
      stream.close();
    }
  });

  it('closing the server ends its streams cleanly (the browser reconnects elsewhere)', async () => {
    const other = await createTestApp({ notificationWorker: false });
    const otherBase = await listening(other);
    const user = await other.factories.user('officer');
    const stream = await openStream(otherBase, user.cookie);
    await stream.waitFor((e) => e.some((x) => x.event === 'unread'));
    const closed = Date.now();
    await other.close();
    expect(Date.now() - closed).toBeLessThan(5000);
    const end = Date.now() + 2000;
    while (!stream.ended && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stream.ended).toBe(true);
  });
});

const shared = !!process.env.TEST_DATABASE_URL;
describe.skipIf(!shared)('across server processes (PostgreSQL LISTEN/NOTIFY)', () => {
  it('a submission through instance A reaches a stream held by instance B', async () => {
    const a = await createTestApp({ notificationWorker: false });
    const b = await createTestApp({ notificationWorker: false });
    try {
      const baseB = await listening(b);
      const officerOnA = await a.factories.user('officer');
      const rhAdmin = await a.factories.user('right_holder_admin');
      const p = await a.factories.product(rhAdmin);
      const rhOnB = await b.factories.user('right_holder_editor', rhAdmin.organisationId);
      const stream = await openStream(baseB, rhOnB.cookie);
      try {
        await stream.waitFor((e) => e.some((x) => x.event === 'unread'));
        const c = await submitCase(officerOnA, p.id);
        const answered = performance.now();
        await stream.waitFor((e) => e.some((x) => x.event === 'notification'), 5000);
        expect(stream.notifications()[0]!.data).toMatchObject({ event: 'case.submitted', case: { id: c.id } });
        // For the record (polled every 25 ms, so an upper bound).
        process.stdout.write(
          `stream across processes: event on B ≤ ${Math.ceil(performance.now() - answered)} ms after A answered\n`,
        );
      } finally {
        stream.close();
      }
    } finally {
      await a.close();
      await b.close();
    }
  });
});
