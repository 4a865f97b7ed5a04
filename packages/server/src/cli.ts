#!/usr/bin/env node
// SPDX-License-Identifier: EUPL-1.2
/**
 * `gusp-server`: the command line of the reference server. Each command is
 * one row of {@linkcode COMMANDS}: its words, its usage lines, its run; the
 * usage text is made from the table (`gusp-server help`). Commands parse
 * their options and call the server's modules: no SQL here.
 *
 * `--city` (or `GUSP_CITY_PROFILE`) names a city profile file (JSON, checked
 * with @gusp/core's `parseCity`; every problem listed, exit code 2); without
 * it the city is Valence. With PGlite, `token create` needs the data directory
 * free: stop the server first. Without `--database-url` (or `DATABASE_URL`),
 * data lives in embedded PGlite under `--data-dir`. Logs are JSON lines on stdout.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { basename, resolve } from 'node:path';
import type { CityProfile, Observation } from '@gusp/core';
import type { StaffRole } from './auth.js';
import { sharedBuffersOf, type Database, type OpenDatabaseOptions } from './db.js';
import { printAnswer, printRefusal, STAFF_INVITE_OPTIONS, staffInviteInput, viaAdminChannel } from './staff/cli-admin.js';

// `staff invite` and `token create|revoke` against a running server go through its admin channel
// (staff/admin-channel.ts) before the rest loads: the modules below take seconds to load (most of a
// command's time under tsx), and these commands answer in well under 2 s.
const early = await viaAdminChannel(process.argv.slice(2));
if (early !== undefined) process.exit(early);

const { createGusp, engagementsToCSV, observationsToCSV, parseCity, quartiersToGeoJSON, toGeoJSON, valence, walksToGeoJSON } =
  await import('@gusp/core');
const { publicObservation } = await import('./http/public-views.js');
const { createToken, revokeToken, STAFF_ROLES } = await import('./auth.js');
const { DataDirLockedError } = await import('./db.js');
const { DEFAULT_PROOF_OF_WORK_MAX_NUMBER } = await import('./http/challenge.js');
const { DEFAULT_SIGNUPS_PER_CLIENT } = await import('./http/rate-limit.js');
const { checkPublicUrl, isLoopback, isPublic, openMigratedDatabase, publicUrlRequired, startServer } = await import('./server.js');
const { photoExists, photoIdOf, withoutDeletedPhotos, withPhotoUrls } = await import('./photos.js');
const { purgePersonalData } = await import('./privacy.js');
const { seedValence } = await import('./seed/valence.js');
const { journalIsEmpty, sqlStore } = await import('./store/sql-store.js');
const { notifyNothingSoFar } = await import('./notify/outbox.js');
const { copyDatabase, CopyRefused } = await import('./store/copy-database.js');
const { openReadModels } = await import('./read/read-models.js');
const { runAdminCommand } = await import('./staff/admin-commands.js');
const { staffService } = await import('./staff/service.js');

/** The language of the profile's problems: from LC_ALL, LC_MESSAGES or LANG (French unless English). */
const cliLocale = (): 'fr' | 'en' =>
  (process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '').toLowerCase().startsWith('en') ? 'en' : 'fr';

/**
 * The city profile named by `--city` (or GUSP_CITY_PROFILE), checked with
 * `parseCity`; Valence without one. An unreadable file, bad JSON or an
 * invalid profile is a {@linkcode CityProfileFileError}: every problem listed.
 */
function loadCity(file: string | undefined): CityProfile {
  if (!file) return valence;
  const locale = cliLocale();
  const en = locale === 'en';
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const reason =
      (e as NodeJS.ErrnoException).code === 'ENOENT' ? (en ? 'no such file' : 'fichier introuvable') : String((e as Error).message);
    throw new CityProfileFileError(`${en ? 'Cannot read the city profile' : 'Impossible de lire le profil de ville'} ${file}: ${reason}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CityProfileFileError(
      `${en ? 'The city profile is not valid JSON' : 'Le profil de ville n’est pas du JSON valide'} (${file}): ${(e as Error).message}`,
    );
  }
  const parsed = parseCity(json, locale);
  if (parsed.ok) return parsed.value;
  const issues = (parsed.error.details.issues as { path: string; code: string; message: string }[]) ?? [];
  throw new CityProfileFileError(
    [
      `${file}: ${parsed.error.message}`,
      ...issues.map((i) => `  - ${i.path || (en ? '(profile)' : '(profil)')}: ${i.message} [${i.code}]`),
    ].join('\n'),
  );
}

const log = (record: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...record })}\n`);

/** `--data-dir` (embedded PGlite) or `--database-url` (PostgreSQL): where every command finds the data. */
const DATABASE_OPTIONS = {
  'data-dir': { type: 'string', default: process.env.GUSP_DATA_DIR ?? '.gusp-data' },
  'database-url': { type: 'string', default: process.env.DATABASE_URL },
} as const;

/** `--city <profile.json>`: the city profile; Valence without it. */
const CITY_OPTION = { city: { type: 'string', default: process.env.GUSP_CITY_PROFILE } } as const;

interface DatabaseValues {
  readonly 'data-dir'?: string | undefined;
  readonly 'database-url'?: string | undefined;
}

/** The database those options name: PostgreSQL when a URL is given, else PGlite in the data directory. */
function databaseOf(values: DatabaseValues): OpenDatabaseOptions {
  const databaseUrl = values['database-url'] || undefined;
  return databaseUrl ? { databaseUrl } : { dataDir: resolve(values['data-dir'] ?? '.gusp-data') };
}

/** Opens (and migrates) the database those options name, runs `work` on it, closes it. */
async function withDatabase<T>(values: DatabaseValues, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openMigratedDatabase(databaseOf(values));
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

async function start(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: process.env.PORT ?? '8787' },
      host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
      ...DATABASE_OPTIONS,
      'pool-size': { type: 'string', default: process.env.GUSP_DB_POOL_SIZE },
      'pglite-shared-buffers': { type: 'string', default: process.env.GUSP_PGLITE_SHARED_BUFFERS },
      ...CITY_OPTION,
      seed: { type: 'string' },
      'cors-origin': { type: 'string', multiple: true, default: (process.env.GUSP_CORS_ORIGINS ?? '').split(',').filter(Boolean) },
      'rate-limit': { type: 'string', default: process.env.GUSP_RATE_LIMIT ?? '60' },
      'signups-per-client': { type: 'string', default: process.env.GUSP_SIGNUPS_PER_CLIENT ?? String(DEFAULT_SIGNUPS_PER_CLIENT) },
      'smtp-url': { type: 'string', default: process.env.SMTP_URL },
      'mail-from': { type: 'string', default: process.env.GUSP_MAIL_FROM ?? 'GUSP <no-reply@localhost>' },
      'public-url': { type: 'string', default: process.env.GUSP_PUBLIC_URL },
      'trust-proxy': { type: 'boolean', default: process.env.GUSP_TRUST_PROXY === 'true' },
      'frame-ancestors': { type: 'string', default: process.env.GUSP_FRAME_ANCESTORS ?? "'self'" },
      'proof-of-work': { type: 'string', default: process.env.GUSP_PROOF_OF_WORK ?? 'auto' },
      'proof-of-work-max-number': {
        type: 'string',
        default: process.env.GUSP_PROOF_OF_WORK_MAX_NUMBER ?? String(DEFAULT_PROOF_OF_WORK_MAX_NUMBER),
      },
      // Staff sign-in through the city's OpenID Connect provider (staff/oidc.ts); the secret rather from the environment.
      'oidc-issuer': { type: 'string', default: process.env.GUSP_OIDC_ISSUER },
      'oidc-client-id': { type: 'string', default: process.env.GUSP_OIDC_CLIENT_ID },
      'oidc-client-secret': { type: 'string', default: process.env.GUSP_OIDC_CLIENT_SECRET },
      'oidc-name': { type: 'string', default: process.env.GUSP_OIDC_NAME },
      'oidc-scope': { type: 'string', default: process.env.GUSP_OIDC_SCOPE },
    },
    strict: true,
  });
  // Refused before the database opens: a server on a public interface without its public URL would write links to any Host.
  const publicUrlText = values['public-url'] || undefined;
  if (publicUrlText === undefined && !isLoopback(values.host)) throw new UsageError(publicUrlRequired(values.host));
  let publicUrl: string | undefined;
  try {
    publicUrl = publicUrlText === undefined ? undefined : checkPublicUrl(publicUrlText);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  // CSP sources: one header value, so nothing that ends a directive or a header.
  const frameAncestors = values['frame-ancestors'].split(/\s+/).filter(Boolean);
  if (frameAncestors.length === 0 || frameAncestors.some((source) => !/^[\x21-\x7e]+$/.test(source) || /[;,]/.test(source)))
    throw new UsageError(
      `Invalid --frame-ancestors / sources invalides: ${values['frame-ancestors']} (e.g. "'self' https://www.ville.fr")`,
    );
  const perMinute = Number(values['rate-limit']);
  if (!Number.isInteger(perMinute) || perMinute < 0)
    throw new UsageError(`Invalid --rate-limit / limite invalide: ${values['rate-limit']}`);
  const signupsPerClient = Number(values['signups-per-client']);
  if (!Number.isInteger(signupsPerClient) || signupsPerClient < 0)
    throw new UsageError(`Invalid --signups-per-client / limite invalide: ${values['signups-per-client']}`);
  // auto: on when the server is reachable beyond this machine — it listens beyond loopback, or its
  // public URL names another host (behind a reverse proxy it listens on loopback yet is public);
  // off for the demo and a laptop.
  const proofOfWorkMode = values['proof-of-work'];
  if (!['auto', 'on', 'off'].includes(proofOfWorkMode))
    throw new UsageError(`Invalid --proof-of-work / valeur invalide: ${proofOfWorkMode} (auto | on | off)`);
  const maxNumber = Number(values['proof-of-work-max-number']);
  if (!Number.isInteger(maxNumber) || maxNumber < 1 || maxNumber > 100_000_000)
    throw new UsageError(`Invalid --proof-of-work-max-number / difficulté invalide: ${values['proof-of-work-max-number']} (1..100000000)`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`Invalid port / port invalide: ${values.port}`);
  if (values.seed !== undefined && values.seed !== 'valence')
    throw new UsageError(`Unknown seed / jeu de données inconnu: ${values.seed} (valence)`);
  const poolSize = values['pool-size'] === undefined || values['pool-size'] === '' ? undefined : Number(values['pool-size']);
  if (poolSize !== undefined && (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 1000))
    throw new UsageError(`Invalid --pool-size / taille invalide: ${values['pool-size']}`);
  let sharedBuffers: string;
  try {
    sharedBuffers = sharedBuffersOf(values['pglite-shared-buffers']);
  } catch (e) {
    throw new UsageError(`--pglite-shared-buffers: ${(e as Error).message}`);
  }
  const oidcIssuer = values['oidc-issuer'] || undefined;
  if ((oidcIssuer === undefined) !== !values['oidc-client-id'])
    throw new UsageError('--oidc-issuer and --oidc-client-id go together / vont ensemble');
  if (oidcIssuer !== undefined && !/^https?:\/\/[^\s]+$/.test(oidcIssuer))
    throw new UsageError(`Invalid --oidc-issuer / émetteur invalide: ${oidcIssuer}`);
  const city = loadCity(values.city);
  if (values.seed === 'valence' && city.id !== valence.id) {
    throw new UsageError(
      `--seed valence writes Valence's quartiers and walks: not with the profile of ${city.name} / le jeu de données de Valence ne va pas avec le profil de ${city.name} (${values.city})`,
    );
  }
  const server = await startServer({
    city,
    port,
    host: values.host,
    ...databaseOf(values),
    poolSize,
    sharedBuffers,
    corsOrigins: values['cors-origin'],
    accessLog: true,
    publicUrl,
    trustProxy: values['trust-proxy'],
    frameAncestors,
    proofOfWork: proofOfWorkMode === 'on' || (proofOfWorkMode === 'auto' && isPublic(values.host, publicUrl)) ? { maxNumber } : false,
    ...(values['smtp-url'] ? { notifications: { smtpUrl: values['smtp-url'], from: values['mail-from'] } } : {}),
    // Public writes per IP and minute (0: no limit at all), with a burst of the same size; and
    // public sign-ups per walk and IP an hour (0: none), which the burst alone let fill a walk.
    ...(perMinute > 0 ? { rateLimit: { perMinute, burst: perMinute, ...(signupsPerClient > 0 ? { signupsPerClient } : {}) } } : {}),
    ...(oidcIssuer !== undefined
      ? {
          staff: {
            oidc: {
              issuer: oidcIssuer,
              clientId: values['oidc-client-id'] as string,
              clientSecret: values['oidc-client-secret'] || undefined,
              name: values['oidc-name'] || undefined,
              scope: values['oidc-scope'] || undefined,
              // A provider on this machine (a trial): plain http is allowed there only.
              allowInsecureRequests: oidcIssuer.startsWith('http:') && isLoopback(new URL(oidcIssuer).hostname),
            },
          },
        }
      : {}),
    log,
    beforeListen: async (gusp, db) => {
      if (city !== valence)
        log({
          level: 'info',
          msg: 'city profile',
          city: city.id,
          file: values.city,
          quartiers: city.quartiers.length,
          themes: city.themes.length,
        });
      if (values.seed !== 'valence') return;
      if (!(await journalIsEmpty(db.sql))) {
        log({ level: 'info', msg: 'seed skipped: the journal is not empty' });
        return;
      }
      await seedValence(gusp.store);
      // The seed's people are made up: nobody is told about them.
      await notifyNothingSoFar(db.sql);
      log({ level: 'info', msg: 'seeded', seed: 'valence' });
    },
  });
  if (values.seed === 'valence') {
    // The back office in one command: a sign-in link for the demo's coordinator (staff/service.ts).
    const link = await server.staff.demoCoordinatorLink();
    log({ level: 'info', msg: 'demo coordinator sign-in link (7 days, once)', link });
    process.stderr.write(
      `\nBack office / espace de gestion — sign in as the demo coordinator / connexion en coordination de démo :\n  ${link}\n\n`,
    );
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log({ level: 'info', msg: 'stopping', signal });
    server.close().then(
      () => process.exit(0),
      (e: unknown) => {
        log({ level: 'error', msg: 'error while stopping', error: String(e) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function tokenCreate(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      role: { type: 'string' },
      organisation: { type: 'string' },
      label: { type: 'string' },
      ...DATABASE_OPTIONS,
      ...CITY_OPTION,
    },
    strict: true,
  });
  const city = loadCity(values.city);
  const role = values.role as StaffRole | undefined;
  if (role === undefined || !STAFF_ROLES.includes(role)) throw new UsageError(`--role: ${STAFF_ROLES.join(' | ')}`);
  if ((role === 'organisation') !== (values.organisation !== undefined))
    throw new UsageError('--organisation <id> goes with --role organisation (and only with it)');
  if (values.organisation !== undefined && !city.organisations.some((o) => o.id === values.organisation)) {
    throw new UsageError(
      `Unknown organisation / organisation inconnue: ${values.organisation} (${city.organisations.map((o) => o.id).join(', ')})`,
    );
  }
  const { id, token } = await withDatabase(values, (db) =>
    createToken(db.sql, { role, organisationId: values.organisation, label: values.label }),
  );
  // The token on stdout alone (for scripts); what it is on stderr.
  process.stderr.write(
    `Token ${id} (${role}${values.organisation ? `, ${values.organisation}` : ''}) — shown once, keep it secret / affiché une seule fois, gardez-le secret:\n`,
  );
  process.stdout.write(`${token}\n`);
}

/** `token revoke <id>`: the token stops working at once (its id is printed by `token create`). */
async function tokenRevoke(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      ...DATABASE_OPTIONS,
    },
    allowPositionals: true,
    strict: true,
  });
  const [id, ...extra] = positionals;
  if (id === undefined || extra.length > 0) throw new UsageError('token revoke <id>');
  if (!(await withDatabase(values, (db) => revokeToken(db.sql, id))))
    throw new NotFoundError(`No active token ${id} / aucun jeton actif ${id}`);
  log({ level: 'info', msg: 'token revoked', id });
}

/**
 * `staff invite`: creates a staff account and prints its sign-in link (valid 7 days, once), which
 * is also emailed when the server sends emails; how a new city's first coordinator is made. A running
 * server on the data directory does it (see `viaAdminChannel`, before this runs); otherwise the
 * database is opened here, and the link starts with `--public-url` (the server's URL).
 */
async function staffInvite(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: STAFF_INVITE_OPTIONS, strict: true });
  const role = values.role as StaffRole | undefined;
  if (values.email === undefined) throw new UsageError('--email <address>');
  if (role === undefined || !STAFF_ROLES.includes(role)) throw new UsageError(`--role: ${STAFF_ROLES.join(' | ')}`);
  let publicUrl: string;
  try {
    publicUrl = checkPublicUrl(values['public-url'] || 'http://127.0.0.1:8787');
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const city = loadCity(values.city);
  const answer = await withDatabase(values, (db) =>
    runAdminCommand(staffService({ sql: db.sql, city, publicUrl: () => publicUrl }), 'staff-invite', staffInviteInput(values)),
  );
  if (!answer.ok) {
    printRefusal(answer);
    throw new RefusedError(answer.code);
  }
  printAnswer('staff-invite', answer.value);
}

async function purge(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      // Default: the city profile's `defaults.purgeAfterMonths` (12 for Valence).
      months: { type: 'string' },
      ...DATABASE_OPTIONS,
      ...CITY_OPTION,
    },
    strict: true,
  });
  const city = loadCity(values.city);
  const months = Number(values.months ?? city.defaults.purgeAfterMonths);
  if (!Number.isInteger(months) || months < 0 || months > 120) throw new UsageError(`--months: 0..120 (${values.months})`);
  const purged = await withDatabase(values, (db) => purgePersonalData(createGusp({ city, store: sqlStore(db.sql) }), db.sql, { months }));
  log({ level: 'info', msg: 'purged', months, ...purged });
}

/** Writes observations or engagements (public fields only) as CSV or GeoJSON on stdout. */
async function exportData(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      what: { type: 'string', default: 'observations' },
      format: { type: 'string', default: 'csv' },
      'public-url': { type: 'string', default: process.env.GUSP_PUBLIC_URL },
      ...DATABASE_OPTIONS,
      ...CITY_OPTION,
    },
    strict: true,
  });
  const kind = `${values.what}.${values.format}`;
  if (!['observations.csv', 'observations.geojson', 'engagements.csv', 'walks.geojson', 'quartiers.geojson'].includes(kind)) {
    throw new UsageError(
      '--what observations --format csv|geojson, --what engagements --format csv, or --what walks|quartiers --format geojson',
    );
  }
  let publicUrl: string | undefined;
  try {
    publicUrl = values['public-url'] ? checkPublicUrl(values['public-url']) : undefined;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const city = loadCity(values.city);
  // The quartiers are the profile's: no database to open.
  if (kind === 'quartiers.geojson') {
    process.stdout.write(`${JSON.stringify(quartiersToGeoJSON(city))}\n`);
    return;
  }
  const out = await withDatabase(values, async (db) => {
    const gusp = createGusp({ city, store: sqlStore(db.sql) });
    // Photo URLs as the server writes them (from --public-url); without it, photo ids only.
    const present = (o: Observation) =>
      publicUrl === undefined
        ? { ...o, photos: o.photos.map(({ url, ...p }) => (url === undefined || photoIdOf(url) !== undefined ? p : { ...p, url })) }
        : withPhotoUrls(o, publicUrl);
    // Photos erasure, the purge or the sweep deleted are left out, as the server's exports do.
    const observations = async () =>
      (await withoutDeletedPhotos(await gusp.observations.list(), (ids) => photoExists(db.sql, ids))).map((o) =>
        present(publicObservation(o)),
      );
    const walks = async () => (await gusp.walks.list()).map((a) => a.walk);
    // Public walks only, as GET /api/walks.geojson gives them: never a draft.
    if (kind === 'walks.geojson')
      return `${JSON.stringify(
        walksToGeoJSON(
          (await walks()).filter((w) => w.status !== 'draft'),
          city,
        ),
      )}\n`;
    return kind === 'observations.csv'
      ? observationsToCSV(await observations(), { city, walks: await walks() })
      : kind === 'observations.geojson'
        ? `${JSON.stringify(toGeoJSON(await observations(), city, { walks: await walks() }))}\n`
        : engagementsToCSV(await gusp.engagements.list(), { city });
  });
  process.stdout.write(out);
}

/**
 * Writes every read model again from the journal (`read/read-models.ts`): after a restore, or to
 * check them. A server does it by itself when its projections changed version; on PostgreSQL it may
 * run beside running servers (they wait on the read models' mark meanwhile).
 */
async function rebuild(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { ...DATABASE_OPTIONS, ...CITY_OPTION }, strict: true });
  const city = loadCity(values.city);
  const report = await withDatabase(values, async (db) => {
    const models = await openReadModels(db.sql, { city, prepare: false });
    try {
      return await models.rebuild();
    } finally {
      await models.close();
    }
  });
  log({ level: 'info', msg: 'read models rebuilt', ...report });
}

/**
 * Copies all the data of one database into another (PGlite to PostgreSQL,
 * typically), then compares them: see `store/copy-database.ts`.
 */
async function copy(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'from-data-dir': { type: 'string' },
      'from-database-url': { type: 'string' },
      'to-data-dir': { type: 'string' },
      'to-database-url': { type: 'string' },
    },
    strict: true,
  });
  const side = (dir: string | undefined, url: string | undefined, name: string) => {
    if ((dir === undefined) === (url === undefined))
      throw new UsageError(`--${name}-data-dir <dir> or --${name}-database-url <url> (one of them)`);
    return url !== undefined ? { databaseUrl: url } : { dataDir: resolve(dir as string) };
  };
  const fromOptions = side(values['from-data-dir'], values['from-database-url'], 'from');
  const toOptions = side(values['to-data-dir'], values['to-database-url'], 'to');
  if (JSON.stringify(fromOptions) === JSON.stringify(toOptions)) throw new UsageError('--from and --to name the same database');
  const from = await openMigratedDatabase(fromOptions);
  try {
    const to = await openMigratedDatabase(toOptions);
    try {
      log({ level: 'info', msg: 'copy', from: from.kind, to: to.kind });
      const report = await copyDatabase(from.sql, to.sql, log);
      log({ level: 'info', msg: 'copied and checked', ...report });
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}

/**
 * `qpv import --file <national.geojson> --profile <city.json> [--out <file>|-] [--simplify <metres>]`: the official
 * boundaries of the profile's QPVs (its `qpvCode`s) from the national file, written into the
 * profile (or `--out`; `-` for stdout), checked with `parseCity`. Says what was found and what is
 * missing; exit code 1 when a code is missing (the file is written with what was found), 2 when
 * nothing can be written.
 */
async function qpvImport(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { file: { type: 'string' }, profile: { type: 'string' }, out: { type: 'string' }, simplify: { type: 'string' } },
    strict: true,
  });
  if (values.file === undefined || values.profile === undefined)
    throw new UsageError('qpv import --file <national.geojson> --profile <city.json> [--out <file>]');
  const simplify = values.simplify === undefined ? 0 : Number(values.simplify);
  if (!(simplify >= 0 && simplify <= 100)) throw new UsageError(`--simplify <metres> (0..100): ${values.simplify}`);
  const { importQpvBoundaries } = await import('./qpv-import.js');
  const locale = cliLocale();
  const en = locale === 'en';
  const readJson = (file: string, what: string): unknown => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? (en ? 'no such file' : 'fichier introuvable') : (e as Error).message;
      throw new CityProfileFileError(
        `${en ? `Cannot read the ${what}` : `Impossible de lire ${what === 'QPV file' ? 'le fichier des QPV' : 'le profil de ville'}`} ${file}: ${reason}`,
      );
    }
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new CityProfileFileError(`${file}: ${en ? 'not valid JSON' : 'ce n’est pas du JSON valide'} (${(e as Error).message})`);
    }
  };
  const national = readJson(values.file, 'QPV file');
  const profile = readJson(values.profile, 'city profile');
  const result = importQpvBoundaries(national, profile, {
    source: basename(values.file),
    date: new Date().toISOString().slice(0, 10),
    locale,
    simplifyMetres: simplify,
  });
  if (!result.ok) {
    const why: Record<typeof result.problem, [string, string]> = {
      'not-a-feature-collection': [
        `${values.file} n’est pas une FeatureCollection GeoJSON (le fichier national des QPV en GeoJSON).`,
        `${values.file} is not a GeoJSON FeatureCollection (the national QPV file as GeoJSON).`,
      ],
      'not-wgs84': [
        `${values.file} n’est pas en WGS 84 (longitude, latitude en degrés) : convertissez-le d’abord, par exemple ogr2ogr -t_srs EPSG:4326 (${result.detail ?? ''}).`,
        `${values.file} is not in WGS 84 (longitude, latitude in degrees): convert it first, e.g. ogr2ogr -t_srs EPSG:4326 (${result.detail ?? ''}).`,
      ],
      'no-qpv-code': [
        `${values.profile} : aucun quartier n’a de qpvCode ; ajoutez le code de chaque QPV (QN02601M) avant l’import.`,
        `${values.profile}: no quartier has a qpvCode; give each QPV its code (QN02601M) before importing.`,
      ],
      'profile-not-an-object': [
        `${values.profile} n’est pas un profil de ville (un objet JSON).`,
        `${values.profile} is not a city profile (a JSON object).`,
      ],
      'profile-invalid': [`${values.profile}: ${result.error?.message ?? ''}`, `${values.profile}: ${result.error?.message ?? ''}`],
    };
    const issues = ((result.error?.details.issues ?? []) as { path: string; code: string; message: string }[]).map(
      (i) => `  - ${i.path || (en ? '(profile)' : '(profil)')}: ${i.message} [${i.code}]`,
    );
    throw new CityProfileFileError([why[result.problem][en ? 1 : 0], ...issues].join('\n'));
  }
  const text = `${JSON.stringify(result.profile, null, 2)}\n`;
  const target = values.out ?? values.profile;
  if (target === '-') process.stdout.write(text);
  else writeFileSync(target, text);
  const say = (line: string) => (target === '-' ? process.stderr : process.stdout).write(`${line}\n`);
  for (const f of result.found)
    say(
      en
        ? `found ${f.qpvCode}${f.name ? ` (${f.name})` : ''} → quartier ${f.quartierId}: ${f.polygons} polygon(s), ${f.positions} positions`
        : `trouvé ${f.qpvCode}${f.name ? ` (${f.name})` : ''} → quartier ${f.quartierId} : ${f.polygons} polygone(s), ${f.positions} positions`,
    );
  for (const m of result.missing)
    say(
      en
        ? `missing ${m.qpvCode} (quartier ${m.quartierId}): not in ${values.file}`
        : `absent ${m.qpvCode} (quartier ${m.quartierId}) : pas dans ${values.file}`,
    );
  if (result.withoutCode.length > 0)
    say(
      en
        ? `without qpvCode, left as they are: ${result.withoutCode.join(', ')}`
        : `sans qpvCode, laissés tels quels : ${result.withoutCode.join(', ')}`,
    );
  if (target !== '-') say(en ? `written: ${target}` : `écrit : ${target}`);
  if (result.missing.length > 0) throw new RefusedError('missing');
}

class UsageError extends Error {}
/** A refusal already printed (exit code 1). */
class RefusedError extends Error {}
/** What the command names does not exist (exit code 1, no usage text). */
class NotFoundError extends Error {}
/** A city profile that cannot be used: its problems, one per line (exit code 2, no usage text). */
class CityProfileFileError extends Error {}

interface Command {
  /** The words that name it: `['token', 'create']`. */
  readonly words: readonly string[];
  /** Its lines in the usage text. */
  readonly usage: string;
  readonly run: (argv: string[]) => Promise<void>;
}

const COMMANDS: readonly Command[] = [
  {
    words: ['start'],
    usage: `gusp-server start [--port 8787] [--host 127.0.0.1] [--data-dir ./.gusp-data]
                    [--database-url postgres://… [--pool-size <2 × cores, at least 4>]]
                    [--pglite-shared-buffers 16MB]
                    [--city profile.json] [--seed valence]
                    [--cors-origin https://www.ville.fr]… [--rate-limit 60] [--signups-per-client 4]
                    [--smtp-url smtp://host:25] [--mail-from …]
                    [--public-url https://… (required unless --host is loopback)]
                    [--trust-proxy] [--frame-ancestors "'self' https://www.ville.fr"]
                    [--proof-of-work auto|on|off (auto: on unless --host and --public-url are loopback)]
                    [--proof-of-work-max-number 50000]
                    [--oidc-issuer https://… --oidc-client-id … [--oidc-client-secret …] [--oidc-name ProConnect] [--oidc-scope …]]`,
    run: start,
  },
  {
    words: ['token', 'create'],
    usage: `gusp-server token create --role coordinator|agent|organisation
                    [--organisation <id>] [--label <text>] [--city …] [--data-dir …|--database-url …]`,
    run: tokenCreate,
  },
  { words: ['token', 'revoke'], usage: 'gusp-server token revoke <id> [--data-dir …|--database-url …]', run: tokenRevoke },
  {
    words: ['staff', 'invite'],
    usage: `gusp-server staff invite --email <address> --role coordinator|agent|organisation
                    [--organisation <id>] [--name <text>] [--lang fr|en]
                    [--data-dir …|--database-url …] [--public-url … --city … (server stopped)]
                    (prints the sign-in link; works while the server runs / fonctionne serveur démarré)`,
    run: staffInvite,
  },
  {
    words: ['purge'],
    usage: 'gusp-server purge [--months <purgeAfterMonths of the city, 12>] [--city …] [--data-dir …|--database-url …]',
    run: purge,
  },
  {
    words: ['export'],
    usage:
      'gusp-server export [--what observations|engagements|walks|quartiers] [--format csv|geojson] [--public-url https://…] [--city …] [--data-dir …|--database-url …]',
    run: exportData,
  },
  {
    words: ['qpv', 'import'],
    usage: `gusp-server qpv import --file <national-qpv.geojson> --profile <city.json> [--out <file>|-] [--simplify <metres>]
                    (the official boundaries of the profile's qpvCodes / les contours officiels de ses QPV)`,
    run: qpvImport,
  },
  {
    words: ['rebuild'],
    usage:
      'gusp-server rebuild [--city …] [--data-dir …|--database-url …] (read models, from the journal / vues de lecture, depuis le journal)',
    run: rebuild,
  },
  {
    words: ['copy'],
    usage: `gusp-server copy --from-data-dir ./.gusp-data|--from-database-url … --to-database-url postgres://…|--to-data-dir …
                    (server stopped; the target must hold no GUSP data / serveur arrêté, cible vide)`,
    run: copy,
  },
];

const USAGE = `Usage / utilisation :
${COMMANDS.map((c) => `  ${c.usage}`).join('\n')}

  --city <profile.json> (GUSP_CITY_PROFILE): your city profile (quartiers, organisations,
  themes, defaults), checked at start; Valence without it / votre profil de ville, Valence sinon.
  Environment / environnement : PORT, HOST, GUSP_DATA_DIR, DATABASE_URL, GUSP_CITY_PROFILE,
  GUSP_CORS_ORIGINS, GUSP_RATE_LIMIT, SMTP_URL, GUSP_MAIL_FROM, GUSP_PUBLIC_URL,
  GUSP_PROOF_OF_WORK, GUSP_PROOF_OF_WORK_MAX_NUMBER, GUSP_OIDC_ISSUER, GUSP_OIDC_CLIENT_ID,
  GUSP_OIDC_CLIENT_SECRET, GUSP_OIDC_NAME, GUSP_OIDC_SCOPE.
`;

/** How each failure ends the process: its exit code and what it writes. */
function exitCodeOf(e: unknown): number {
  if (e instanceof CityProfileFileError) {
    process.stderr.write(`${e.message}\n`);
    return 2;
  }
  if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (e instanceof RefusedError) return 1;
  if (e instanceof CopyRefused || e instanceof NotFoundError || e instanceof DataDirLockedError) {
    log({ level: 'error', msg: e.message });
    return 1;
  }
  throw e;
}

export async function main(argv: string[]): Promise<number> {
  const command = COMMANDS.find((c) => c.words.every((w, i) => argv[i] === w));
  if (!command) {
    const help = argv[0] === undefined || argv[0] === 'help' || argv[0] === '--help';
    process.stderr.write(help ? USAGE : `Unknown command / commande inconnue: ${argv[0]}\n${USAGE}`);
    return help ? 0 : 2;
  }
  try {
    await command.run(argv.slice(command.words.length));
    return 0;
  } catch (e) {
    return exitCodeOf(e);
  }
}

const code = await main(process.argv.slice(2));
if (code !== 0) process.exit(code);
