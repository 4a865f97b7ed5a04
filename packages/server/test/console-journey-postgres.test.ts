// SPDX-License-Identifier: EUPL-1.2
// Issues 13 and 14's « Why » in Chromium through the console only (console-journey.ts), on a throw-away
// PostgreSQL cluster, as onBothDatabases starts it (skipped, saying why, when there is none). A file
// of its own: node:test's timeout is per file, and both journeys in one overran it on a loaded machine.
import { journey } from './console-journey.js';
import { onPostgres } from './postgres-cluster.js';

onPostgres(journey);
