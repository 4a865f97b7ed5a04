// SPDX-License-Identifier: EUPL-1.2
/**
 * The suites on a real PostgreSQL server that this file starts itself
 * (throw-away cluster on 127.0.0.1). Skipped, saying why, only when
 * PostgreSQL is not installed.
 */
import { after, before, describe } from 'node:test';
import { openMigratedDatabase } from '../src/server.js';
import { apiSuite } from './api.suite.js';
import { notifySuite } from './notify.suite.js';
import type { Backend } from './harness.js';
import { postgresBinDir, startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';
import { storeSuite } from './store.suite.js';

if (!postgresBinDir()) {
  describe('PostgreSQL suites', { skip: 'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql' }, () => {});
} else {
  let cluster: PostgresCluster | undefined;
  before(async () => {
    cluster = await startPostgresCluster();
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
