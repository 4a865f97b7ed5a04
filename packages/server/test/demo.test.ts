// SPDX-License-Identifier: EUPL-1.2
/**
 * The demo page: valid HTML (W3C Nu validator, when Java is installed), and,
 * in headless Chromium (when installed), the walks and the tracker load from
 * the API of a server seeded with Valence.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import vnuJar from 'vnu-jar';
import { seedValence } from '../src/seed/valence.js';
import { startServer, type RunningServer } from '../src/server.js';
import { call } from './harness.js';

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', process.env.CHROME_PATH].find((p) => p && existsSync(p));
const java = spawnSync('java', ['-version']).status === 0;

describe('demo page', () => {
  let server: RunningServer;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gusp-demo-'));
    server = await startServer({ beforeListen: (gusp) => seedValence(gusp.store) });
  });
  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('GET / serves the French page with a content security policy', async () => {
    const r = await call(server.url, 'GET', '/');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.match(r.body as string, /<html lang="fr">/);
    assert.match(r.body as string, /Diagnostics en marchant/);
  });

  test('is valid HTML', { skip: java ? false : 'Java is not installed: the W3C validator needs it' }, async () => {
    const file = join(dir, 'index.html');
    writeFileSync(file, (await call(server.url, 'GET', '/')).body as string);
    const out = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--stdout', file], { encoding: 'utf8' });
    assert.equal(out.status, 0, out.stdout + out.stderr);
  });

  test('renders the seeded walks and the tracker in headless Chromium', { skip: chromium ? false : 'Chromium is not installed' }, async () => {
    // Asynchronous: the server answering Chromium runs in this very process.
    const { stdout: dom } = await promisify(execFile)(
      chromium as string,
      [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${join(dir, 'profile')}`,
        '--virtual-time-budget=10000', '--dump-dom', `${server.url}/`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    const walks = dom.match(/<article class="walk" data-walk="[A-Za-z0-9_-]+"/g) ?? [];
    assert.equal(walks.length, 5, 'the five seeded walks');
    assert.match(dom, /Complet : inscription en liste d’attente/);
    assert.match(dom, /<form class="signup">/);
    assert.match(dom, /Engagements par statut \(\d+ au total, \d+ en retard\)/);
    // (The script's own text holds `'<p class="error">' + …`: an error shown has text instead.)
    assert.doesNotMatch(dom, /<p class="error">[^']/);
  });
});
