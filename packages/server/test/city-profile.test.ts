// SPDX-License-Identifier: EUPL-1.2
/**
 * "For another city", end to end, as a person following docs/cities.md and
 * the server's README does it: write a profile file for a made-up city (three
 * quartiers, its own themes), run the real `bin/gusp-server.mjs start --city
 * <file>` as a child process on a free port, wait for /healthz, and find the
 * city in the demo page and the API; create a coordinator token with the CLI
 * (server stopped: PGlite), schedule and publish a walk, sign up. A profile
 * with mistakes exits with code 2 and lists every problem; `--seed valence`
 * with another city's profile is a usage error.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../../../chromium.config.mjs';
import { defaultElementsPaths } from '../src/demo/elements-bundle.js';
import { freePort, startUntilHealthy, stopChild, type Child } from './cli-process.js';
import { call, inDays } from './harness.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'gusp-server.mjs');
const repo = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * What docs/cities.md tells a new city to run: the repository's `start:city`
 * script, read from package.json (so the guide, the script and this test
 * cannot drift): its steps, the last one with the profile file (and, here, a
 * free port and a temporary data directory) appended, as `pnpm start:city
 * <file> …` does.
 */
function startCityScript(): { prepare: string[][]; serve: string[] } {
  const script =
    (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['start:city'] ?? '';
  const steps = script.split('&&').map((step) => step.trim().split(/\s+/));
  assert.ok(
    steps.every((step) => step[0] === 'node'),
    `start:city runs node steps only: ${script}`,
  );
  const serve = steps.pop() as string[];
  assert.equal(serve.at(-1), '--city', 'start:city ends with --city, the file comes next');
  return { prepare: steps.map((s) => s.slice(1)), serve: serve.slice(1) };
}

/** Bourg-sur-Lise: made up, three quartiers, themes Valence does not have. */
const profile = {
  id: 'bourg-sur-lise',
  name: 'Bourg-sur-Lise',
  timezone: 'Europe/Paris',
  quartiers: [
    { id: 'les-glycines', name: 'Les Glycines', priority: true, qpvCode: 'QP099001' },
    { id: 'la-tuilerie', name: 'La Tuilerie', priority: true },
    { id: 'pre-aux-moines', name: 'Pré-aux-Moines', priority: false },
  ],
  organisations: [
    { id: 'ville', name: 'Ville de Bourg-sur-Lise', shortName: 'Ville', kind: 'city' },
    { id: 'lise-habitat', name: 'Lise Habitat (OPH)', kind: 'landlord' },
  ],
  axes: [
    { id: 'cadre-de-vie', name: 'Cadre de vie' },
    { id: 'vivre-ensemble', name: 'Vivre ensemble' },
  ],
  themes: [
    { id: 'halls-et-caves', name: 'Halls et caves', axis: 'cadre-de-vie' },
    { id: 'jardins-partages', name: 'Jardins partagés', axis: 'vivre-ensemble' },
    { id: 'bancs-et-fontaines', name: 'Bancs et fontaines', axis: 'cadre-de-vie' },
  ],
  defaults: { capacity: 12 },
};

/** Runs a short CLI command to its end (token, a refused start). */
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', ...env },
  });

/**
 * The `start:city` script in the background, with `args` after it (the profile
 * file first), ready once GET /healthz answers.
 */
async function start(args: string[], url: string): Promise<Child> {
  const { prepare, serve } = startCityScript();
  for (const step of prepare) {
    const done = spawnSync(process.execPath, step, { cwd: repo, encoding: 'utf8', timeout: 300_000 });
    assert.equal(done.status, 0, `${step.join(' ')}: ${done.stdout}${done.stderr}`);
  }
  return startUntilHealthy([...serve, ...args], url, { cwd: repo });
}

const stop = stopChild;

describe('gusp-server start --city <profile.json>: another city, end to end', () => {
  let dir: string;
  let profileFile: string;
  let dataDir: string;
  let port: number;
  let url: string;
  let server: Child | undefined;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gusp-city-'));
    profileFile = join(dir, 'bourg-sur-lise.json');
    writeFileSync(profileFile, `${JSON.stringify(profile, null, 2)}\n`);
    dataDir = join(dir, 'data');
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
  });
  after(async () => {
    if (server && server.process.exitCode === null) {
      server.process.kill('SIGTERM');
      await server.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('a new city with no data: its quartiers in the demo page, its themes in the API and the issue form', async () => {
    server = await start([profileFile, '--port', String(port), '--data-dir', dataDir], url);
    assert.match(server.output(), /"msg":"city profile","city":"bourg-sur-lise"/);

    const city = (await call(url, 'GET', '/api/city')).body as {
      id: string;
      quartiers: { id: string; name: string }[];
      themes: { id: string }[];
      defaults: { capacity: number };
    };
    assert.equal(city.id, 'bourg-sur-lise');
    assert.deepEqual(
      city.quartiers.map((q) => q.name),
      ['Les Glycines', 'La Tuilerie', 'Pré-aux-Moines'],
    );
    assert.deepEqual(
      city.themes.map((t) => t.id),
      ['halls-et-caves', 'jardins-partages', 'bancs-et-fontaines'],
    );
    assert.equal(city.defaults.capacity, 12);
    const services = (await call(url, 'GET', '/open311/v2/services.json')).body as { service_code: string; service_name: string }[];
    assert.deepEqual(services.map((s) => s.service_name).sort(), ['Bancs et fontaines', 'Halls et caves', 'Jardins partagés']);
    assert.deepEqual((await call(url, 'GET', '/api/walks')).body.walks, []);

    const page = await fetch(`${url}/`).then((r) => r.text());
    assert.match(page, /<title>GUSP — Bourg-sur-Lise : démonstration<\/title>/);
    assert.match(page, /Aucun diagnostic en marchant n’est prévu pour le moment\. Les quartiers de Bourg-sur-Lise/);
    for (const name of ['Les Glycines', 'La Tuilerie', 'Pré-aux-Moines']) assert.ok(page.includes(`<li>${name}`), name);
    assert.doesNotMatch(page, /Valence|Le Plan|Fontbarlettes/);
    assert.match(page, /<gusp-issue-form endpoint="\/api">/);

    // In a browser, the issue form offers this city's quartiers and themes (from /api/city).
    const chromium = findChromium();
    const bundle = defaultElementsPaths().dir;
    if (!chromium || !bundle || !existsSync(join(bundle, 'gusp-elements.js'))) return;
    const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: [...CHROMIUM_ARGS, '--lang=fr-FR'] });
    try {
      const tab = await browser.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (e) => errors.push(String(e)));
      await tab.goto(`${url}/`, { waitUntil: 'load' });
      await tab.waitForFunction(
        () => (document.querySelector('gusp-issue-form')?.shadowRoot?.textContent ?? '').includes('Jardins partagés'),
        { timeout: 20_000 },
      );
      const text = await tab.$eval('gusp-issue-form', (el) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));
      for (const name of ['Les Glycines', 'La Tuilerie', 'Pré-aux-Moines', 'Halls et caves', 'Jardins partagés', 'Bancs et fontaines']) {
        assert.ok(text.includes(name), `${name} in the issue form: ${text}`);
      }
      assert.ok(!text.includes('Éclairage public'), 'no Valence theme');
      // Themes grouped by the city's axes.
      const groups = await tab.$eval('gusp-issue-form', (el) =>
        [...(el.shadowRoot?.querySelectorAll('optgroup') ?? [])].map((g) => g.label),
      );
      assert.deepEqual(groups, ['Cadre de vie', 'Vivre ensemble']);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });

  test('a coordinator token (server stopped), a walk scheduled and published: the page offers it, sign-ups are accepted; the token revoked', async () => {
    await stop(server);
    const token = run(['token', 'create', '--role', 'coordinator', '--city', profileFile, '--data-dir', dataDir]);
    assert.equal(token.status, 0, token.stderr);
    const coordinator = { authorization: `Bearer ${token.stdout.trim()}` };
    // The organisations are this city's.
    const oph = run(['token', 'create', '--role', 'organisation', '--organisation', 'oph', '--city', profileFile, '--data-dir', dataDir]);
    assert.equal(oph.status, 2);
    assert.match(oph.stderr, /organisation inconnue: oph \(ville, lise-habitat\)/);

    server = await start([profileFile, '--port', String(port), '--data-dir', dataDir, '--rate-limit', '0'], url);
    const elsewhere = await call(url, 'POST', '/api/walks', {
      body: { quartierId: 'le-plan', startsAt: `${inDays(20).slice(0, 10)}T09:00:00+02:00`, meetingPoint: { label: 'Place' } },
      headers: coordinator,
    });
    assert.equal(elsewhere.status, 422, JSON.stringify(elsewhere.body));
    const scheduled = await call(url, 'POST', '/api/walks', {
      body: {
        quartierId: 'la-tuilerie',
        startsAt: `${inDays(20).slice(0, 10)}T09:00:00+02:00`,
        meetingPoint: { label: 'Devant l’école de la Tuilerie' },
      },
      headers: coordinator,
    });
    assert.equal(scheduled.status, 201, JSON.stringify(scheduled.body));
    const walkId = scheduled.body.id as string;
    assert.equal(scheduled.body.capacity, 12, 'the profile’s default capacity');
    assert.equal((await call(url, 'POST', `/api/walks/${walkId}/publish`, { headers: coordinator })).status, 200);

    const page = await fetch(`${url}/`).then((r) => r.text());
    // The demo page lists the walks to come (<gusp-walk-list>), from the list the API gives it.
    assert.ok(page.includes('<gusp-walk-list endpoint="/api">'), page);
    const upcoming = (await call(url, 'GET', '/api/walks?upcoming=1')).body as { walks: { id: string }[] };
    assert.deepEqual(
      upcoming.walks.map((w) => w.id),
      [walkId],
    );
    assert.doesNotMatch(page, /Aucun diagnostic/);

    const signUp = await call(url, 'POST', `/api/walks/${walkId}/registrations`, {
      body: { name: 'Inès B.', email: 'ines@example.org', consent: true },
    });
    assert.equal(signUp.status, 201, JSON.stringify(signUp.body));
    assert.equal(signUp.body.status, 'confirmed');
    const summary = (await call(url, 'GET', `/api/walks/${walkId}`)).body as { seatsLeft: number; city: { id: string } };
    assert.equal(summary.seatsLeft, 11);
    assert.equal(summary.city.id, 'bourg-sur-lise');
    await stop(server);

    // A token that leaks is revoked by its id (printed when it was made); it stops working at once.
    const id = /^Token (\S+) \(coordinator\)/.exec(token.stderr)?.[1];
    assert.ok(id, token.stderr);
    const revoked = run(['token', 'revoke', id, '--data-dir', dataDir]);
    assert.equal(revoked.status, 0, revoked.stderr);
    assert.match(revoked.stdout, /"msg":"token revoked"/);
    const again = run(['token', 'revoke', id, '--data-dir', dataDir]);
    assert.equal(again.status, 1);
    assert.match(again.stdout, /No active token/);
    server = await start([profileFile, '--port', String(port), '--data-dir', dataDir], url);
    const refused = await call(url, 'POST', `/api/walks/${walkId}/publish`, { headers: coordinator });
    assert.equal(refused.status, 401, JSON.stringify(refused.body));
    await stop(server);
  });

  test('a profile with mistakes: exit code 2, every problem listed, in French or English, no stack trace', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        ...profile,
        id: 'Bourg sur Lise',
        timezone: 'Europe/Bourg',
        quartiers: [...profile.quartiers, { id: 'la-tuilerie', name: 'La Tuilerie bis', priority: false }],
        themes: [...profile.themes, { id: 'voirie', name: 'Voirie', axis: 'mobilite' }],
      }),
    );
    const fr = run(['start', '--city', bad, '--port', '0', '--data-dir', join(dir, 'unused')]);
    assert.equal(fr.status, 2, fr.stderr);
    assert.doesNotMatch(fr.stderr, /\n\s+at /, 'no stack trace');
    assert.match(fr.stderr, /4 problème/);
    for (const path of ['id', 'quartiers.3.id', 'themes.3.axis', 'timezone'])
      assert.match(fr.stderr, new RegExp(`\\n  - ${path.replace(/\./g, '\\.')}: `), path);
    assert.match(fr.stderr, /Europe\/Bourg/);
    assert.ok(!existsSync(join(dir, 'unused')), 'nothing written');

    const en = run(['start', '--city', bad], { LANG: 'en_GB.UTF-8' });
    assert.equal(en.status, 2);
    assert.match(en.stderr, /The city profile has 4 problem\(s\)\./);
    assert.match(en.stderr, /Unknown time zone: “Europe\/Bourg”/);

    // Through the environment, as a service manager sets it.
    const env = run(['start', '--port', '0'], { GUSP_CITY_PROFILE: bad });
    assert.equal(env.status, 2);
    assert.match(env.stderr, /4 problème/);

    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{ "id": "bourg", ');
    const broken = run(['start', '--city', notJson]);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /n’est pas du JSON valide/);
    assert.doesNotMatch(broken.stderr, /\n\s+at /);

    const missing = run(['start', '--city', join(dir, 'nowhere.json')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /fichier introuvable/);
  });

  test('--seed valence with another city’s profile is a usage error', () => {
    const r = run(['start', '--city', profileFile, '--seed', 'valence', '--data-dir', join(dir, 'unused')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--seed valence/);
    assert.match(r.stderr, /Usage/);
  });
});
