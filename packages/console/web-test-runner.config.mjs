// SPDX-License-Identifier: EUPL-1.2
// Browser tests of the console in real headless Chromium, against the REAL GUSP server under
// `/real/api` (test/real-server.ts: in this process, PGlite in memory, Valence seeded, a real SMTP
// capture; the browser side is test/real.ts), and the older ones against test/staff-api.ts, an
// in-memory stub of the staff and walks API under `/api`.
// The console served by the real server is tested by packages/server/test/console.test.ts.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, chromiumPath } from '../../chromium.config.mjs';
import { freePort } from '../../scripts/free-port.mjs';
import { realServer } from './test/real-server.ts';
import { staffApiMiddleware } from './test/staff-api.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// A free port of its own (never the elements' run's), so `pnpm -r test` never races on one.
const port = await freePort();
// What the page's requests carry as `Origin`: the real server's public URL, so its CSRF check passes same-origin.
const real = realServer(`http://localhost:${port}`);

const chrome = chromeLauncher({ launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] } });

/**
 * `executeServerCommand('set-offline', { offline })`: Chromium's own network emulation cuts the
 * page's HTTP requests (they fail as without a network: net::ERR_INTERNET_DISCONNECTED) and sets
 * `navigator.onLine` (the `offline` and `online` events fire); the test runner's own WebSocket
 * stays up (`page.setOfflineMode` would cut it too, and the test would never hear back). And the
 * real server stops when the run ends.
 */
const cdpSessions = new Map();
const offlinePlugin = {
  name: 'gusp-offline',
  async executeCommand({ command, payload, session }) {
    if (command !== 'set-offline') return undefined;
    const page = chrome.getPage(session.id);
    let cdp = cdpSessions.get(page);
    if (!cdp) {
      cdp = await page.createCDPSession();
      await cdp.send('Network.enable');
      cdpSessions.set(page, cdp);
    }
    const offline = Boolean(payload?.offline);
    const unthrottled = { latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
    await cdp.send('Network.emulateNetworkConditionsByRule', {
      matchedNetworkConditions: offline ? [{ urlPattern: 'http://*:*/*', offline: true, ...unthrottled }] : [],
    });
    await cdp.send('Network.overrideNetworkState', { offline, ...unthrottled });
    return true;
  },
  async serverStop() {
    await real.stop();
  },
};

export default {
  files: ['src/**/*.test.ts'],
  rootDir: repoRoot,
  port,
  nodeResolve: { exportConditions: ['browser', 'development', '@gusp/source'] },
  plugins: [
    offlinePlugin,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  middleware: [real.middleware, staffApiMiddleware('/api')],
  concurrency: 1,
  // 30 s a test: most talk to the real server (PGlite in this process), which a loaded 2-core machine slows
  // well past 10 s for a test that signs in, makes a walk and runs axe twice; a hang still fails.
  testFramework: { config: { timeout: 30000 } },
  // A file against the real server waits for it to start first (test/real.ts: 20 s on a loaded machine).
  testsFinishTimeout: 600_000,
  browsers: [chrome],
};
