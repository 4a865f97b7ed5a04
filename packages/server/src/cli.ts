#!/usr/bin/env node
// SPDX-License-Identifier: EUPL-1.2
/**
 * `gusp-server`: the command line of the reference server.
 *
 *   gusp-server start [--port 8787] [--host 127.0.0.1] [--data-dir ./.gusp-data]
 *                     [--database-url postgres://…] [--seed valence]
 *                     [--cors-origin https://www.ville.fr]… [--rate-limit 60]
 *                     [--smtp-url smtp://host:25 --mail-from … --public-url https://…]
 *   gusp-server token create --role coordinator|agent|organisation
 *                     [--organisation <id>] [--label <text>] [--data-dir …|--database-url …]
 *   gusp-server purge [--months 12] [--data-dir …|--database-url …]
 *   gusp-server export [--what observations|engagements] [--format csv|geojson] […]
 *
 * With PGlite, `token create` needs the data directory free: stop the server first.
 * Without `--database-url` (or `DATABASE_URL`), data lives in embedded PGlite
 * under `--data-dir`. Logs are JSON lines on stdout.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { createGusp, engagementsToCSV, observationsToCSV, toGeoJSON, valence } from '@gusp/core';
import { publicObservation } from './http/public-views.js';
import { createToken, STAFF_ROLES, type StaffRole } from './auth.js';
import { DataDirLockedError } from './db.js';
import { openMigratedDatabase, startServer } from './server.js';
import { purgePersonalData } from './privacy.js';
import { seedValence } from './seed/valence.js';
import { sqlStore } from './store/sql-store.js';

const USAGE = `Usage / utilisation :
  gusp-server start [--port 8787] [--host 127.0.0.1] [--data-dir ./.gusp-data]
                    [--database-url postgres://…] [--seed valence]
  gusp-server token create --role coordinator|agent|organisation
                    [--organisation <id>] [--label <text>] [--data-dir …|--database-url …]
  gusp-server purge [--months 12] [--data-dir …|--database-url …]
  gusp-server export [--what observations|engagements] [--format csv|geojson] [--data-dir …|--database-url …]
`;

const log = (record: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...record })}\n`);

async function start(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: process.env.PORT ?? '8787' },
      host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
      'data-dir': { type: 'string', default: process.env.GUSP_DATA_DIR ?? '.gusp-data' },
      'database-url': { type: 'string', default: process.env.DATABASE_URL },
      seed: { type: 'string' },
      'cors-origin': { type: 'string', multiple: true, default: (process.env.GUSP_CORS_ORIGINS ?? '').split(',').filter(Boolean) },
      'rate-limit': { type: 'string', default: process.env.GUSP_RATE_LIMIT ?? '60' },
      'smtp-url': { type: 'string', default: process.env.SMTP_URL },
      'mail-from': { type: 'string', default: process.env.GUSP_MAIL_FROM ?? 'GUSP <no-reply@localhost>' },
      'public-url': { type: 'string', default: process.env.GUSP_PUBLIC_URL },
    },
    strict: true,
  });
  const perMinute = Number(values['rate-limit']);
  if (!Number.isInteger(perMinute) || perMinute < 0) throw new UsageError(`Invalid --rate-limit / limite invalide: ${values['rate-limit']}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`Invalid port / port invalide: ${values.port}`);
  if (values.seed !== undefined && values.seed !== 'valence') throw new UsageError(`Unknown seed / jeu de données inconnu: ${values.seed} (valence)`);
  const databaseUrl = values['database-url'] || undefined;
  const server = await startServer({
    port,
    host: values.host,
    ...(databaseUrl ? { databaseUrl } : { dataDir: resolve(values['data-dir']) }),
    corsOrigins: values['cors-origin'],
    accessLog: true,
    ...(values['smtp-url'] ? { notifications: { smtpUrl: values['smtp-url'], from: values['mail-from'], publicUrl: values['public-url'] } } : {}),
    // Public writes per IP and minute (0: no limit), with a burst of the same size.
    ...(perMinute > 0 ? { rateLimit: { perMinute, burst: perMinute } } : {}),
    log,
    beforeListen: async (gusp, db) => {
      if (values.seed !== 'valence') return;
      const { rows } = await db.sql.query('SELECT 1 FROM events LIMIT 1');
      if (rows.length > 0) {
        log({ level: 'info', msg: 'seed skipped: the journal is not empty' });
        return;
      }
      await seedValence(gusp.store);
      // The seed's people are made up: nobody is told about them.
      await db.sql.query('UPDATE notification_cursor SET position = (SELECT last FROM event_position)');
      log({ level: 'info', msg: 'seeded', seed: 'valence' });
    },
  });
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
      'data-dir': { type: 'string', default: process.env.GUSP_DATA_DIR ?? '.gusp-data' },
      'database-url': { type: 'string', default: process.env.DATABASE_URL },
    },
    strict: true,
  });
  const role = values.role as StaffRole | undefined;
  if (role === undefined || !STAFF_ROLES.includes(role)) throw new UsageError(`--role: ${STAFF_ROLES.join(' | ')}`);
  if ((role === 'organisation') !== (values.organisation !== undefined)) throw new UsageError('--organisation <id> goes with --role organisation (and only with it)');
  if (values.organisation !== undefined && !valence.organisations.some((o) => o.id === values.organisation)) {
    throw new UsageError(`Unknown organisation / organisation inconnue: ${values.organisation} (${valence.organisations.map((o) => o.id).join(', ')})`);
  }
  const databaseUrl = values['database-url'] || undefined;
  const db = await openMigratedDatabase(databaseUrl ? { databaseUrl } : { dataDir: resolve(values['data-dir']) });
  try {
    const { id, token } = await createToken(db.sql, { role, organisationId: values.organisation, label: values.label });
    // The token on stdout alone (for scripts); what it is on stderr.
    process.stderr.write(`Token ${id} (${role}${values.organisation ? `, ${values.organisation}` : ''}) — shown once, keep it secret / affiché une seule fois, gardez-le secret:\n`);
    process.stdout.write(`${token}\n`);
  } finally {
    await db.close();
  }
}

async function purge(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      months: { type: 'string', default: '12' },
      'data-dir': { type: 'string', default: process.env.GUSP_DATA_DIR ?? '.gusp-data' },
      'database-url': { type: 'string', default: process.env.DATABASE_URL },
    },
    strict: true,
  });
  const months = Number(values.months);
  if (!Number.isInteger(months) || months < 0 || months > 120) throw new UsageError(`--months: 0..120 (${values.months})`);
  const databaseUrl = values['database-url'] || undefined;
  const db = await openMigratedDatabase(databaseUrl ? { databaseUrl } : { dataDir: resolve(values['data-dir']) });
  try {
    const gusp = createGusp({ city: valence, store: sqlStore(db.sql) });
    log({ level: 'info', msg: 'purged', months, ...(await purgePersonalData(gusp, db.sql, { months })) });
  } finally {
    await db.close();
  }
}

/** Writes observations or engagements (public fields only) as CSV or GeoJSON on stdout. */
async function exportData(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      what: { type: 'string', default: 'observations' },
      format: { type: 'string', default: 'csv' },
      'data-dir': { type: 'string', default: process.env.GUSP_DATA_DIR ?? '.gusp-data' },
      'database-url': { type: 'string', default: process.env.DATABASE_URL },
    },
    strict: true,
  });
  const kind = `${values.what}.${values.format}`;
  if (!['observations.csv', 'observations.geojson', 'engagements.csv'].includes(kind)) {
    throw new UsageError('--what observations --format csv|geojson, or --what engagements --format csv');
  }
  const databaseUrl = values['database-url'] || undefined;
  const db = await openMigratedDatabase(databaseUrl ? { databaseUrl } : { dataDir: resolve(values['data-dir']) });
  try {
    const gusp = createGusp({ city: valence, store: sqlStore(db.sql) });
    const observations = async () => (await gusp.observations.list()).map((o) => publicObservation(o));
    const out =
      kind === 'observations.csv'
        ? observationsToCSV(await observations())
        : kind === 'observations.geojson'
          ? `${JSON.stringify(toGeoJSON(await observations(), valence, { walks: (await gusp.walks.list()).map((a) => a.walk) }))}\n`
          : engagementsToCSV(await gusp.engagements.list());
    process.stdout.write(out);
  } finally {
    await db.close();
  }
}

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'start') {
      await start(rest);
      return 0;
    }
    if (command === 'export') {
      await exportData(rest);
      return 0;
    }
    if (command === 'purge') {
      await purge(rest);
      return 0;
    }
    if (command === 'token' && rest[0] === 'create') {
      await tokenCreate(rest.slice(1));
      return 0;
    }
    process.stderr.write(command === undefined || command === 'help' || command === '--help' ? USAGE : `Unknown command / commande inconnue: ${command}\n${USAGE}`);
    return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(e as Error).message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof DataDirLockedError) {
      log({ level: 'error', msg: e.message });
      return 1;
    }
    throw e;
  }
}

const code = await main(process.argv.slice(2));
if (code !== 0) process.exit(code);
