// SPDX-License-Identifier: EUPL-1.2
// Issue 13's « Why » in Chromium through the console only (console-journey.ts), on a throw-away
// PostgreSQL cluster, as onBothDatabases starts it (skipped, saying why, when there is none).
import { after, before } from 'node:test';
import { openMigratedDatabase } from '../src/server.js';
import { journey } from './console-journey.js';
import { postgresUnavailable, startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';

const unavailable = postgresUnavailable();
let cluster: PostgresCluster | undefined;
if (!unavailable) {
  before(async () => {
    cluster = await startPostgresCluster();
  });
  after(async () => {
    await cluster?.stop();
  });
}
journey(
  'postgres',
  () => {
    if (!cluster) throw new Error('cluster not started');
    return openMigratedDatabase({ databaseUrl: cluster.url, poolSize: 4 });
  },
  unavailable ?? false,
);
