// SPDX-License-Identifier: EUPL-1.2
// Issues 13 and 14's « Why » in Chromium through the console only (console-journey.ts), on PGlite; on
// PostgreSQL: console-journey-postgres.test.ts.
import { openMigratedDatabase } from '../src/server.js';
import { journey } from './console-journey.js';

journey('pglite', () => openMigratedDatabase({}));
