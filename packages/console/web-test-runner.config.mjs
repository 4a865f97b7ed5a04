// SPDX-License-Identifier: EUPL-1.2
// Browser tests of the console in real headless Chromium, against test/staff-api.ts: the server's
// staff and walks API as its README documents it (routes/staff.ts, routes/walks.ts), in memory.
// The console served by the real server is tested by packages/server/test/console.test.ts.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, chromiumPath } from '../../chromium.config.mjs';
import { freePort } from '../../scripts/free-port.mjs';
import { staffApiMiddleware } from './test/staff-api.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export default {
  files: ['src/**/*.test.ts'],
  rootDir: repoRoot,
  // A free port of its own (never the elements' run's), so `pnpm -r test` never races on one.
  port: await freePort(),
  nodeResolve: { exportConditions: ['browser', 'development', '@gusp/source'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  middleware: [staffApiMiddleware('/api')],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] } })],
};
