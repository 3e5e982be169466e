import type { FastifyReply } from 'fastify';
import type { Notification } from '@verity/contract';
import type { Db } from '../platform/db';
import * as q from './notifications.queries';

const HEARTBEAT_MS = 25_000;
/** At most this many missed notifications are replayed on a resume (the list has the rest). */
const REPLAY_LIMIT = 100;

export function presentNotification(row: q.NotificationRow): Notification {
  return {
    id: row.id,
    event: row.event,
    case: row.caseId && row.reference ? { id: row.caseId, reference: row.reference } : null,
    data: row.data ?? {},
    readAt: row.readAt,
    createdAt: row.createdAt,
  };
}

interface Stream {
  userId: string;
  reply: FastifyReply;
  /** The last notification this stream sent (or that existed when it opened). */
  lastId: string | null;
  queue: Promise<void>;
  waiting: boolean;
  closed: boolean;
}

/**
 * Server-sent events: each open `/notifications/stream` of this process, by user. The process
 * LISTENs once on `verity_notifications` (whatever the number of its streams); a NOTIFY naming
 * a user makes each of that user's streams here send what it has not sent yet, then the
 * unread count. Every process does the same for its own streams, so a change made through any
 * process reaches a stream on any other.
 */
export function createStreamHub({ db }: { db: Db }) {
  const byUser = new Map<string, Set<Stream>>();
  let heartbeat: NodeJS.Timeout | undefined;
  let shuttingDown = false;

  const write = (stream: Stream, chunk: string) => {
    if (!stream.closed) stream.reply.raw.write(chunk);
  };
  const eventOf = (name: string, data: unknown, id?: string) =>
    `${id ? `id: ${id}\n` : ''}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

  async function refresh(stream: Stream): Promise<void> {
    if (stream.closed) return;
    const rows = await q.notificationsAfter(db, stream.userId, stream.lastId, REPLAY_LIMIT);
    for (const row of rows) {
      write(stream, eventOf('notification', presentNotification(row), row.id));
      stream.lastId = row.id;
    }
    write(stream, eventOf('unread', { unread: await q.countUnread(db, stream.userId) }));
  }

  /** One refresh waiting at most per stream: a burst of NOTIFYs makes one query, not one each. */
  function enqueue(stream: Stream) {
    if (stream.waiting) return;
    stream.waiting = true;
    const run = () => {
      stream.waiting = false;
      return refresh(stream);
    };
    stream.queue = stream.queue.then(run, run);
    stream.queue.catch((error: unknown) => stream.reply.log.warn({ err: error }, 'notification stream refresh failed'));
  }

  function remove(stream: Stream) {
    stream.closed = true;
    // Finish the response too, so the connection is idle and a shutdown need not wait for it.
    if (!stream.reply.raw.writableEnded) stream.reply.raw.end();
    const set = byUser.get(stream.userId);
    set?.delete(stream);
    if (set?.size === 0) byUser.delete(stream.userId);
  }

  /** Opens a stream for the signed-in user; `lastEventId` resumes after that notification. */
  async function open(reply: FastifyReply, userId: string, lastEventId?: string) {
    const resumeFrom = lastEventId && (await q.notificationExists(db, userId, lastEventId)) ? lastEventId : null;
    const lastId = resumeFrom ?? (await q.latestNotificationId(db, userId));
    reply.hijack();
    reply.raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no', // proxies (nginx) must not buffer the stream
    });
    const stream: Stream = { userId, reply, lastId, queue: Promise.resolve(), waiting: false, closed: false };
    if (shuttingDown) {
      reply.raw.end();
      return;
    }
    if (!byUser.has(userId)) byUser.set(userId, new Set());
    byUser.get(userId)!.add(stream);
    // The response's close: the browser went away (or the stream was ended here).
    reply.raw.on('close', () => remove(stream));
    reply.raw.on('error', () => remove(stream));
    reply.raw.write('retry: 5000\n\n');
    enqueue(stream); // what was missed since lastEventId (if any), and the unread count
  }

  /** A NOTIFY's payload: user ids separated by commas (empty: only the outbox workers care). */
  function notified(payload: string) {
    if (!payload) return;
    for (const userId of payload.split(',')) byUser.get(userId)?.forEach(enqueue);
  }

  return {
    open,
    notified,
    start() {
      heartbeat = setInterval(() => {
        for (const set of byUser.values()) for (const stream of set) write(stream, ': heartbeat\n\n');
      }, HEARTBEAT_MS);
      heartbeat.unref();
    },
    /** Ends every stream cleanly (the browsers reconnect, to another process if this one goes). */
    close() {
      shuttingDown = true;
      if (heartbeat) clearInterval(heartbeat);
      for (const set of byUser.values())
        for (const stream of set) {
          stream.closed = true;
          stream.reply.raw.end();
        }
      byUser.clear();
    },
    get size() {
      let n = 0;
      for (const set of byUser.values()) n += set.size;
      return n;
    },
  };
}
export type StreamHub = ReturnType<typeof createStreamHub>;
