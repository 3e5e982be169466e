import { sql } from 'drizzle-orm';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * E-mail through SMTP (SMTP_URL): a minimal SMTP server on 127.0.0.1 receives what the outbox
 * worker sends, or refuses it (the row is then retried later).
 */
interface Received {
  from: string;
  to: string[];
  data: string;
}
let refuse = false;
const received: Received[] = [];
let smtp: Server;
let t: TestApp;

function startSmtp(): Promise<number> {
  smtp = createServer((socket) => {
    let mail: Received = { from: '', to: [], data: '' };
    let inData = false;
    let buffer = '';
    socket.write('220 test.local ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let cut: number;
      while ((cut = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            if (refuse) socket.write('451 try again later\r\n');
            else {
              received.push(mail);
              socket.write('250 queued\r\n');
            }
            mail = { from: '', to: [], data: '' };
          } else mail.data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'MAIL') mail.from = line;
        if (verb === 'RCPT') mail.to.push(line);
        if (verb === 'DATA') inData = true;
        if (verb === 'QUIT') socket.end('221 bye\r\n');
        else
          socket.write(
            verb === 'DATA'
              ? '354 go on\r\n'
              : verb === 'EHLO' || verb === 'HELO'
                ? '250 test.local\r\n'
                : '250 ok\r\n',
          );
      }
    });
    socket.on('error', () => {});
  });
  return new Promise((resolve) =>
    smtp.listen(0, '127.0.0.1', () => resolve((smtp.address() as { port: number }).port)),
  );
}

beforeAll(async () => {
  const port = await startSmtp();
  t = await createTestApp({
    smtpUrl: `smtp://127.0.0.1:${port}`,
    notificationWorker: false,
    mailFrom: 'Verity <no-reply@verity.test>',
  });
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => smtp.close(resolve));
});

async function submittedCaseFor(rhLocale: 'es' | 'en') {
  const rh = await t.factories.user('right_holder_admin', undefined, { locale: rhLocale });
  const officer = await t.factories.user('officer');
  const product = await t.factories.product(rh);
  const created = await officer.request('POST', '/api/v1/cases', { lines: [{ productId: product.id, quantity: 1 }] });
  const submitted = await officer.request('POST', `/api/v1/cases/${created.json().id}/submit`);
  expect(submitted.statusCode, submitted.body).toBe(200);
  const row = await t.db.execute(
    sql`select id from notification_outbox where channel = 'email' and payload->>'userId' = ${rh.userId}`,
  );
  return { rh, caseId: created.json().id as string, outboxId: (row.rows[0] as { id: string }).id };
}

/** A quoted-printable body with its soft line breaks and =XX escapes undone (ASCII is enough here). */
const unfolded = (mail: string) =>
  mail.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe('e-mail over SMTP', () => {
  it('sends each mail with the outbox id as Message-ID, to the recipient, in their language', async () => {
    const { rh, caseId, outboxId } = await submittedCaseFor('es');
    await t.app.notifications.worker.runOnce([outboxId]);
    const mail = received.find((m) => m.data.includes(`<${outboxId}@verity>`));
    expect(mail).toBeDefined();
    expect(mail!.to).toEqual([`RCPT TO:<${rh.email}>`]);
    expect(mail!.from).toBe('MAIL FROM:<no-reply@verity.test>');
    expect(mail!.data).toMatch(/^Message-ID: <[0-9a-f-]{36}@verity>$/m);
    expect(mail!.data).toMatch(/Subject: (=\?UTF-8\?Q\?)?Expediente/);
    expect(unfolded(mail!.data)).toContain(`/cases/${caseId}`); // quoted-printable folds long lines
    const row = await t.db.execute(
      sql`select sent_at is not null as sent from notification_outbox where id = ${outboxId}`,
    );
    expect(row.rows[0]).toEqual({ sent: true });
  });

  it('a refusal by the SMTP server leaves the row to be retried after a back-off', async () => {
    refuse = true;
    try {
      const { outboxId } = await submittedCaseFor('en');
      await t.app.notifications.worker.runOnce([outboxId]);
      const row = await t.db.execute(
        sql`select sent_at, attempts, last_error, next_attempt_at > now() + interval '20 seconds' as later
            from notification_outbox where id = ${outboxId}`,
      );
      expect(row.rows[0]).toMatchObject({ sent_at: null, attempts: 1, later: true });
      expect(String((row.rows[0] as { last_error: string }).last_error)).toContain('451');
    } finally {
      refuse = false;
    }
  });
});
