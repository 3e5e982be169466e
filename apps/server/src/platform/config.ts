import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Everything the server can be told, parsed once from the environment in main.ts and
 * passed down frozen. Tests build a Config with `testConfig()` instead of touching env.
 */
export const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().default('127.0.0.1'),
  /** `demo` loads demo data (with known passwords) on first start; `production` never does. */
  mode: z.enum(['demo', 'production']),
  /** Set: use this PostgreSQL server. Unset: embedded PGlite in `dataDir`. */
  databaseUrl: z.string().url().optional(),
  dataDir: z.string().default('./data'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Behind a TLS-terminating proxy, trust its X-Forwarded-* headers (Secure cookies, client ip). */
  trustProxy: z.boolean().default(false),
  /** Extra origins allowed to send cookie-authenticated writes (besides the server's own). */
  allowedOrigins: z.array(z.string()).default([]),
  sessionTtlHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  maxImageBytes: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  maxImportBytes: z.coerce
    .number()
    .int()
    .min(1024)
    .default(512 * 1024 * 1024),
  /** The built web app (apps/web/dist); served at `/` when it exists. */
  webDir: z.string().optional(),
  /** PostgreSQL pool size per process (server mode). */
  dbPoolSize: z.coerce.number().int().min(1).max(200).default(20),
  /**
   * HTTPS: off; `self-signed` (a certificate made for localhost and the LAN addresses, so a
   * phone on the same network can use its camera); or the PEM files of a real certificate.
   */
  https: z
    .union([
      z.enum(['off', 'self-signed']),
      z.strictObject({ certFile: z.string().min(1), keyFile: z.string().min(1) }),
    ])
    .default('off'),
  /**
   * Notifications (notifications/). E-mail: through this SMTP server (`smtp://user:pass@host:587`,
   * `smtps://…`); without it, each mail is written to `mailDir` as `<outbox id>.eml`.
   */
  smtpUrl: z.string().url().optional(),
  mailFrom: z.string().min(3).default('Verity <notifications@verity.invalid>'),
  /** Where mails go without SMTP (default `<dataDir>/mail`). */
  mailDir: z.string().optional(),
  /** The address people open the app at, for links in e-mails and push (default http://localhost:<port>). */
  publicUrl: z.string().url().optional(),
  /** Web Push (VAPID). Without keys, a pair is made once and kept in `<dataDir>/vapid.json`. */
  vapidPublicKey: z.string().min(1).optional(),
  vapidPrivateKey: z.string().min(1).optional(),
  vapidSubject: z
    .string()
    .regex(/^(mailto:|https:)/, 'mailto: or https: URL')
    .default('mailto:admin@verity.invalid'),
  /** Run the outbox worker and the reminders in this process (on by default; every process may). */
  notificationWorker: z.boolean().default(true),
  /**
   * How long a claimed delivery is kept from other workers (seconds); after a crash it is
   * retried when this runs out. Longer than a delivery's timeouts (10 s webhooks and push, 20 s SMTP).
   */
  outboxLeaseSeconds: z.coerce.number().int().min(1).max(3600).default(30),
});
export type Config = Readonly<z.infer<typeof ConfigSchema>>;

const bool = (v: string | undefined) => (v === undefined ? undefined : ['1', 'true', 'yes'].includes(v.toLowerCase()));

/** The one place that reads process.env (called from main.ts and the CLI only). */
export function configFromEnv(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse({
    port: env.PORT,
    host: env.HOST,
    mode: env.VERITY_MODE ?? (env.NODE_ENV === 'production' ? 'production' : 'demo'),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.VERITY_DATA_DIR,
    logLevel: env.LOG_LEVEL,
    trustProxy: bool(env.TRUST_PROXY),
    allowedOrigins: env.ALLOWED_ORIGINS ? env.ALLOWED_ORIGINS.split(',').map((s) => s.trim()) : undefined,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    maxImageBytes: env.MAX_IMAGE_BYTES,
    maxImportBytes: env.MAX_IMPORT_BYTES,
    webDir: env.VERITY_WEB_DIR ?? fileURLToPath(new URL('../../../web/dist', import.meta.url)),
    dbPoolSize: env.DB_POOL_SIZE,
    https:
      env.TLS_CERT_FILE || env.TLS_KEY_FILE
        ? { certFile: env.TLS_CERT_FILE, keyFile: env.TLS_KEY_FILE }
        : ['', 'off', 'false', '0', 'no'].includes(env.HTTPS?.toLowerCase() ?? '')
          ? 'off'
          : env.HTTPS,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || undefined,
    mailDir: env.MAIL_DIR || undefined,
    publicUrl: env.PUBLIC_URL || undefined,
    vapidPublicKey: env.VAPID_PUBLIC_KEY || undefined,
    vapidPrivateKey: env.VAPID_PRIVATE_KEY || undefined,
    vapidSubject: env.VAPID_SUBJECT || undefined,
    notificationWorker: bool(env.NOTIFICATION_WORKER),
    outboxLeaseSeconds: env.OUTBOX_LEASE_SECONDS,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(parsed.data);
}
