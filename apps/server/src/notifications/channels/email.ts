import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  /** Sends one mail; `outboxId` is its Message-ID (`<outbox-id@verity>`) and, in folder mode, its file name. */
  send(outboxId: string, mail: Mail): Promise<void>;
  close(): void;
  readonly mode: 'smtp' | 'folder';
}

/**
 * E-mail through SMTP (`SMTP_URL`) or, without it, into a folder: each mail is written as
 * `<outbox id>.eml` through a temporary file and a rename, so a repeated delivery overwrites
 * the same file and a crash never leaves half a mail behind.
 */
export function createMailer({ smtpUrl, mailDir, from }: { smtpUrl?: string; mailDir: string; from: string }): Mailer {
  if (smtpUrl) {
    const transport = createTransport({
      url: smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    return {
      mode: 'smtp',
      async send(outboxId, mail) {
        await transport.sendMail({ from, ...mail, messageId: `<${outboxId}@verity>` });
      },
      close: () => transport.close(),
    };
  }
  const composer = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let made = false;
  return {
    mode: 'folder',
    async send(outboxId, mail) {
      const info = await composer.sendMail({ from, ...mail, messageId: `<${outboxId}@verity>` });
      if (!made) {
        mkdirSync(mailDir, { recursive: true });
        made = true;
      }
      const file = join(mailDir, `${outboxId}.eml`);
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, info.message as Buffer);
      renameSync(temporary, file);
    },
    close: () => composer.close(),
  };
}
