// SPDX-License-Identifier: EUPL-1.2
// Browser tests in real headless Chromium. Run through scripts/test.mjs, which
// loads tsx so that the stub API below uses the real @gusp/core from its sources.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, chromiumPath } from '../../chromium.config.mjs';
import { freePort } from '../../scripts/free-port.mjs';
import { bundle } from './scripts/bundle.mjs';
import { apiMiddleware } from './test/api-middleware.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const chrome = chromeLauncher({
  launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] },
});

/**
 * `executeServerCommand('set-geolocation', { latitude, longitude, accuracy } | null)`:
 * the device's position as the browser reports it (granted), or permission refused (`null`).
 */
const geolocationPlugin = {
  name: 'gusp-geolocation',
  async executeCommand({ command, payload, session }) {
    if (command !== 'set-geolocation') return undefined;
    const page = chrome.getPage(session.id);
    const origin = new URL(page.url()).origin;
    await page.browserContext().overridePermissions(origin, payload ? ['geolocation'] : []);
    if (payload) await page.setGeolocation(payload);
    return true;
  },
};

/** Serves `/__bundle__/<name>.js`: the self-contained bundle a plain HTML page loads (scripts/bundle.mjs). */
const bundlePlugin = {
  name: 'gusp-bundle',
  async serve(context) {
    const match = /^\/__bundle__\/([a-z-]+)\.js$/.exec(context.path);
    return match ? { body: await bundle(match[1]), type: 'js' } : undefined;
  },
};

export default {
  files: ['src/**/*.test.ts'],
  rootDir: repoRoot,
  // A free port, so that two packages or two checkouts never race on a fixed one.
  port: await freePort(),
  nodeResolve: { exportConditions: ['browser', 'development', '@gusp/source'] },
  plugins: [
    geolocationPlugin,
    bundlePlugin,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  // Two separate APIs, so a test can switch an element's `endpoint` from one to the other.
  middleware: [apiMiddleware('/api'), apiMiddleware('/api2')],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  browsers: [chrome],
};
