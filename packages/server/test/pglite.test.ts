// SPDX-License-Identifier: EUPL-1.2
/** The suites on embedded PGlite (in memory: the same engine as a data directory). */
import { after, before } from 'node:test';
import { openMigratedDatabase } from '../src/server.js';
import { apiSuite } from './api.suite.js';
import { notifySuite } from './notify.suite.js';
import type { Backend } from './harness.js';
import { storeSuite } from './store.suite.js';

// One PGlite per suite: initdb once, then every suite starts from its dump.
let template: Blob | undefined;
before(async () => {
  const db = await openMigratedDatabase({});
  template = await db.pglite?.dumpDataDir();
  await db.close();
});
after(() => {
  template = undefined;
});

const backend: Backend = {
  name: 'pglite',
  open: () => openMigratedDatabase(template ? { loadDataDir: template } : {}),
};

storeSuite(backend);
apiSuite(backend);
notifySuite(backend);
