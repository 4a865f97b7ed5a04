// SPDX-License-Identifier: EUPL-1.2
/**
 * @web/test-runner for `@gusp/core`: `src/**\/*.web-test.ts` in headless
 * Chromium. Uses the system's Chromium (never downloads one): CHROME_PATH if
 * set, else /usr/bin/chromium (Debian's `chromium` package) or a usual path.
 */
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const candidates = process.env.CHROME_PATH ? [process.env.CHROME_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable'];
const executablePath = candidates.find((path) => existsSync(path));
if (!executablePath) {
  throw new Error(`No Chromium at ${candidates.join(' or ')}: install Debian's "chromium" package or set CHROME_PATH.`);
}

export default {
  files: ['src/**/*.web-test.ts'],
  rootDir: '.',
  // Each package has its own port, so that `pnpm -r test` never races on the default one.
  port: 8101,
  // `browser` picks nanoid's Web Crypto build (its default one imports node:crypto).
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 10_000 } },
  testsFinishTimeout: 60_000,
};
