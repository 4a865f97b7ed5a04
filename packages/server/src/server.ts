// SPDX-License-Identifier: EUPL-1.2
/**
 * A running GUSP server: database opened and migrated, the core service over
 * the SQL store, the HTTP API listening. `close()` stops in the order that
 * lets Node exit: HTTP first (no new command), then the database.
 */
import type { AddressInfo } from 'node:net';
import { createGusp, valence, type CityProfile, type Gusp } from '@gusp/core';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createApp } from './app.js';
import type { Env } from './http/context.js';
import { authenticate } from './auth.js';
import { createNotifier, type Notifier, type NotifierOptions } from './notify/notifier.js';
import { failedNotifications } from './notify/outbox.js';
import { loadPhoto, photoExists, replacePhoto, storePhoto } from './photos.js';
import { erasePersonalData, exportPersonalData, purgePersonalData, sweepOrphanPhotos } from './privacy.js';
import { openDatabase, type Database, type OpenDatabaseOptions } from './db.js';
import type { RateLimitOptions } from './http/rate-limit.js';
import { proofOfWork, type ProofOfWorkOptions } from './http/challenge.js';
import { migrate } from './store/migrate.js';
import { openReadModels, type ReadModels } from './read/read-models.js';
import { sqlStore } from './store/sql-store.js';
import { listenAdminChannel } from './staff/admin-channel.js';
import { runAdminCommand } from './staff/admin-commands.js';
import { staffService, type StaffService, type StaffServiceOptions } from './staff/service.js';

export interface StartOptions extends OpenDatabaseOptions {
  /** 0 picks a free port. */
  readonly port?: number | undefined;
  /** Interface to listen on (default 127.0.0.1: loopback only). */
  readonly host?: string | undefined;
  readonly city?: CityProfile | undefined;
  /** An already open database (tests share one between servers). */
  readonly database?: Database | undefined;
  /** Runs once the service is ready and before the port opens (seeding). */
  readonly beforeListen?: ((gusp: Gusp, db: Database) => Promise<void>) | undefined;
  readonly maxBodyBytes?: number | undefined;
  readonly corsOrigins?: readonly string[] | undefined;
  readonly rateLimit?: RateLimitOptions | undefined;
  readonly log?: ((record: Record<string, unknown>) => void) | undefined;
  /**
   * Where people reach this server, e.g. `https://gusp.valence.fr`: every absolute URL it writes
   * (photos in Open311, GeoJSON and CSV; cancel links; emails) starts with it. Required when `host`
   * is not a loopback address (`startServer` refuses to start without it: the `Host` of requests is
   * never used, any client writes it); on loopback, the server's own URL by default.
   */
  readonly publicUrl?: string | undefined;
  /** Behind a trusted reverse proxy: the per-IP rate limit reads `X-Forwarded-For` (see `AppOptions`). */
  readonly trustProxy?: boolean | undefined;
  /** CSP `frame-ancestors` of the HTML pages (`'self'` by default). */
  readonly frameAncestors?: readonly string[] | undefined;
  /**
   * Public writes need a solved proof-of-work challenge (`GET /api/challenge`, `X-Altcha`; staff
   * tokens are exempt): `true`, `false`, or its options (difficulty, expiry). By default on when
   * the server is public — `host` is not a loopback address, or `publicUrl` names another host (a
   * reverse proxy in front) — and off otherwise (the demo, a laptop).
   */
  readonly proofOfWork?: boolean | ProofOfWorkOptions | undefined;
  /** Emails through SMTP (none without it). `publicUrl` defaults to the server's public URL. */
  readonly notifications?:
    (Omit<NotifierOptions, 'gusp' | 'sql' | 'publicUrl' | 'log' | 'readModels'> & { readonly publicUrl?: string | undefined }) | undefined;
  /** Directory of `@gusp/elements`' bundles for the demo page (the installed package's by default). */
  readonly elementsDir?: string | undefined;
  /** Logs every request through `log` (method, path, status, duration; never bodies or queries). */
  readonly accessLog?: boolean | undefined;
  /**
   * Deletes photos sent more than a day ago and attached to no observation: once when the server
   * starts, then every `everyMs` (an hour by default). `false` turns it off (tests that keep orphans).
   */
  readonly photoSweep?: { readonly everyMs?: number | undefined } | false | undefined;
  /** Staff sessions' idle expiry, the sign-in rate limits and the OpenID Connect provider (staff/service.ts). */
  readonly staff?: Pick<StaffServiceOptions, 'sessionIdleMs' | 'signInLimits' | 'oidc'> | undefined;
}

/** How often a running server deletes orphan photos by default. */
export const PHOTO_SWEEP_MS = 3_600_000;

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly gusp: Gusp;
  readonly database: Database;
  readonly notifier?: Notifier | undefined;
  /** Staff accounts, sign-in, sessions and tokens over this server's database. */
  readonly staff: StaffService;
  /** The admin channel's socket (`staff invite`, `token create|revoke` while it runs), with a data directory. */
  readonly adminSocket?: string | undefined;
  /** The read models its lists, statistics and exports answer from (`rebuild()` writes them again from the journal). */
  readonly readModels: ReadModels;
  /** The Hono app it serves (its `routes`; requests without a socket with `app.request`). */
  readonly app: Hono<Env>;
  close(): Promise<void>;
}

/** Opens (and migrates) the database named by `options`. */
export async function openMigratedDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const db = await openDatabase(options);
  try {
    await migrate(db.sql);
    return db;
  } catch (e) {
    await db.close();
    throw e;
  }
}

/** Whether `host` only listens on this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/**
 * Whether a server is reachable from other machines: it listens beyond loopback, or people reach it
 * through a public URL on another host (a reverse proxy in front of a loopback listener).
 */
export function isPublic(host: string, publicUrl: string | undefined): boolean {
  return !isLoopback(host) || (publicUrl !== undefined && !isLoopback(new URL(publicUrl).hostname));
}

/** The public URL, checked: an absolute http(s) URL without query or fragment, no trailing slash. */
export function checkPublicUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Invalid public URL / URL publique invalide: ${url}`);
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.search || parsed.hash || parsed.username)
    throw new Error(`Invalid public URL / URL publique invalide (http(s)://host[:port][/path]): ${url}`);
  return parsed.href.replace(/\/+$/, '');
}

/** Why a server on `host` cannot start without a public URL. */
export const publicUrlRequired = (host: string) =>
  `--public-url is required when --host is not loopback (${host}): photo and cancel links are built from it, never from the Host header / --public-url est obligatoire quand --host n’est pas une adresse locale (${host}) : les liens des photos et d’annulation sont construits à partir d’elle, jamais de l’en-tête Host`;

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? (() => {});
  const host = options.host ?? '127.0.0.1';
  if (options.publicUrl === undefined && !isLoopback(host)) throw new Error(publicUrlRequired(host));
  const configuredUrl = options.publicUrl === undefined ? undefined : checkPublicUrl(options.publicUrl);
  // Known once the port is open (port 0 picks one); nothing is served before.
  let publicUrl = configuredUrl ?? 'http://localhost';
  const ownsDatabase = options.database === undefined;
  const database = options.database ?? (await openMigratedDatabase(options));
  let opened: ReadModels | undefined;
  try {
    const city = options.city ?? valence;
    // Read models first: rebuilt if their version changed, caught up on what a crash left behind.
    const readModels = await openReadModels(database.sql, { city, log });
    opened = readModels;
    const store = sqlStore(database.sql);
    // Each append nudges the follower (after it: the append never waits for the read models).
    const gusp = createGusp({
      city,
      store: {
        ...store,
        append: async (...args) => {
          const appended = await store.append(...args);
          if (appended.ok) readModels.nudge();
          return appended;
        },
      },
    });
    await options.beforeListen?.(gusp, database);
    const pow =
      (options.proofOfWork ?? isPublic(host, configuredUrl))
        ? proofOfWork(database.sql, typeof options.proofOfWork === 'object' ? options.proofOfWork : {})
        : undefined;
    const staff = staffService({ sql: database.sql, city, publicUrl: () => publicUrl, ...options.staff });
    const app = createApp({
      gusp,
      readModels,
      authenticate: (header) => authenticate(database.sql, header),
      staffAccounts: staff,
      photos: {
        store: (type, bytes) => storePhoto(database.sql, type, bytes),
        load: (id) => loadPhoto(database.sql, id),
        existing: (ids) => photoExists(database.sql, ids),
        replace: (id, bytes) => replacePhoto(database.sql, id, bytes),
      },
      purge: (months, actor) => purgePersonalData(gusp, database.sql, { months, ...(actor ? { actor } : {}) }),
      erase: (email, actor) => erasePersonalData(gusp, database.sql, email, actor),
      exportPerson: (email) => exportPersonalData(gusp, email, database.sql),
      ping: async () => {
        await database.sql.query('SELECT 1');
      },
      failedNotifications: () => failedNotifications(database.sql),
      publicUrl: () => publicUrl,
      ...(options.trustProxy ? { trustProxy: true } : {}),
      ...(options.frameAncestors ? { frameAncestors: options.frameAncestors } : {}),
      ...(pow ? { proofOfWork: pow } : {}),
      ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
      ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
      ...(options.elementsDir ? { elementsDir: options.elementsDir } : {}),
      ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
      ...(options.accessLog ? { onRequest: (r: Record<string, unknown>) => log({ level: 'info', msg: 'request', ...r }) } : {}),
      onUnexpectedError: (error, c) =>
        log({
          level: 'error',
          msg: 'unexpected error',
          method: c.req.method,
          path: c.req.path,
          error: String((error as Error)?.stack ?? error),
        }),
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(s));
      s.once('error', reject);
    });
    const port = (server.address() as AddressInfo).port;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    publicUrl = configuredUrl ?? url;
    log({
      level: 'info',
      msg: 'listening',
      url,
      publicUrl,
      database: database.kind,
      proofOfWork: pow ? { maxNumber: pow.maxNumber } : false,
    });
    const notifier = options.notifications
      ? createNotifier({
          ...options.notifications,
          publicUrl: options.notifications.publicUrl ?? publicUrl,
          gusp,
          sql: database.sql,
          readModels,
          log,
        })
      : undefined;
    notifier?.start();
    // `gusp-server staff invite` and `token …` while this server holds the data directory (staff/admin-channel.ts).
    const admin =
      options.dataDir && ownsDatabase
        ? await listenAdminChannel(options.dataDir, (c, i) => runAdminCommand(staff, c, i)).catch((error: unknown) => {
            log({ level: 'warn', msg: 'no admin channel: stop the server to run staff invite and token commands', error: String(error) });
            return undefined;
          })
        : undefined;
    let sweeping: Promise<void> | undefined;
    const sweep = () => {
      // One sweep at a time; a failed one is logged and the next hour tries again.
      sweeping ??= sweepOrphanPhotos(gusp, database.sql)
        .then(
          (deleted) => {
            if (deleted > 0) log({ level: 'info', msg: 'orphan photos deleted', deleted });
          },
          (error: unknown) => log({ level: 'error', msg: 'orphan photo sweep failed', error: String(error) }),
        )
        .finally(() => {
          sweeping = undefined;
        });
    };
    const sweepTimer = options.photoSweep === false ? undefined : setInterval(sweep, options.photoSweep?.everyMs ?? PHOTO_SWEEP_MS).unref();
    if (sweepTimer) sweep();
    let closing: Promise<void> | undefined;
    return {
      url,
      port,
      gusp,
      database,
      notifier,
      staff,
      adminSocket: admin?.path,
      readModels,
      app,
      close() {
        closing ??= (async () => {
          await admin?.close();
          await notifier?.stop();
          clearInterval(sweepTimer);
          await sweeping;
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            // Keep-alive sockets would hold close() open.
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          });
          // Sign-in emails still being written (their requests were answered before): before the database closes.
          await staff.idle();
          await readModels.close();
          if (ownsDatabase) await database.close();
        })();
        return closing;
      },
    };
  } catch (e) {
    await opened?.close();
    if (ownsDatabase) await database.close();
    throw e;
  }
}
