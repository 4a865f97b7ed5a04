// SPDX-License-Identifier: EUPL-1.2
/**
 * @web/test-runner for `@gusp/core`: `src/**\/*.web-test.ts` in headless
 * Chromium. Uses the system's Chromium (never downloads one): CHROME_PATH if
 * set, else /usr/bin/chromium (Debian's `chromium` package) or a usual path.
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, chromiumPath } from '../../chromium.config.mjs';
import { freePort } from '../../scripts/free-port.mjs';

export default {
  files: ['src/**/*.web-test.ts'],
  rootDir: '.',
  // A free port, so that two packages or two checkouts never race on a fixed one.
  port: await freePort(),
  // `browser` picks nanoid's Web Crypto build (its default one imports node:crypto).
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS] },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 10_000 } },
  testsFinishTimeout: 60_000,
};
