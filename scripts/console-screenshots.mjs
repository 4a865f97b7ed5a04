// SPDX-License-Identifier: EUPL-1.2
/**
 * The back office's screenshots for docs/coordinators.md: a server of its own (PGlite in memory,
 * Valence's demo data, the same as `pnpm start`), signed in as the demo coordinator through the
 * sign-in link `pnpm start` prints, then every console screen at 1280 px (desktop) and 360 px (a
 * phone) into docs/images/console-<screen>-desktop.png and -phone.png, with the repository's
 * Chromium (chromium.config.mjs) and puppeteer-core.
 *
 * `node scripts/console-screenshots.mjs` (builds the console's bundle first when it is missing or
 * older than its sources). It runs itself again under tsx, from the server's sources, as the
 * server's tests do. `node scripts/console-screenshots.mjs dashboard` takes only the screens whose
 * names start with one of the words given (the others' pictures are left as they are).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = join(root, 'packages', 'server');
const fromServer = createRequire(join(server, 'package.json'));

if (!process.env.GUSP_SCREENSHOTS_CHILD) {
  const bundle = spawnSync(process.execPath, [join(server, 'scripts', 'ensure-console-bundle.mjs')], { stdio: 'inherit' });
  if (bundle.status !== 0) process.exit(bundle.status ?? 1);
  const { status } = spawnSync(
    process.execPath,
    [
      '--conditions=@gusp/source',
      '--import',
      pathToFileURL(fromServer.resolve('tsx')).href,
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...process.env, GUSP_SCREENSHOTS_CHILD: '1' } },
  );
  process.exit(status ?? 1);
}

const { startServer } = await import(pathToFileURL(join(server, 'src', 'server.ts')).href);
const { seedValence } = await import(pathToFileURL(join(server, 'src', 'seed', 'valence.ts')).href);
const { default: puppeteer } = await import(pathToFileURL(fromServer.resolve('puppeteer-core')).href);
const { CHROMIUM_ARGS, chromiumPath } = await import('../chromium.config.mjs');

const images = join(root, 'docs', 'images');
mkdirSync(images, { recursive: true });
const WAIT = 30_000;
const MINUTE = 60_000;

const running = await startServer({ beforeListen: (gusp) => seedValence(gusp.store), proofOfWork: false, photoSweep: false });
const browser = await puppeteer.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: [...CHROMIUM_ARGS, '--lang=fr-FR', '--accept-lang=fr-FR,fr', '--hide-scrollbars'],
  // French date pickers (« jj/mm/aaaa »): headless Chromium takes its locale from the environment.
  env: { ...process.env, LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr' },
});
const written = [];
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wanted = (name) => only.length === 0 || only.some((o) => name.startsWith(o));
try {
  const page = await browser.newPage();
  await page.setExtraHTTPHeaders({ 'Accept-Language': 'fr-FR,fr;q=0.9' });
  await page.setViewport({ width: 1280, height: 900 });
  // A walk today under way, as on a walk day: planned, published, people signed up and checked in
  // (through the core's commands, as the seed writes its data: a script, not the screens), in the
  // lists once the read models have it.
  const walkToday = await walkUnderWay(running.gusp);
  await running.readModels.caughtUp();
  // The signed-out screen first, then in through the demo coordinator's link (what `pnpm start` prints).
  await page.goto(`${running.url}/gestion`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('gusp-console')?.getAttribute('state') === 'signed-out', { timeout: WAIT });
  if (wanted('sign-in')) await shoot(page, 'sign-in');
  const link = await running.staff.demoCoordinatorLink();
  await page.goto(link.replace(new URL(link).origin, running.url), { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('gusp-console')?.getAttribute('state') === 'ready', { timeout: WAIT });

  // The seed's open walk with the most people: its planning, registrations and day screens.
  const walks = (await (await fetch(`${running.url}/api/walks?status=open`)).json()).walks;
  const open = [...walks].sort((a, b) => b.confirmed + b.waitlisted - (a.confirmed + a.waitlisted))[0];
  const screens = [
    ['walks', '#walks', 'gusp-console-walks', '.coverage li'],
    ['plan-new', '#plan', 'gusp-console-plan', '#walk-title'],
    ['plan', `#plan/${open.walk.id}`, 'gusp-console-plan', '#walk-status'],
    ['registrations', `#registrations/${open.walk.id}`, 'gusp-console-registrations', 'li.registration'],
    ['day-list', '#day', 'gusp-console-day', '#day-walks, #day-no-walk'],
    ['day', `#day/${walkToday}`, 'gusp-console-day', '#day-status'],
    // The walk of the day once finished (below): its observations to triage, its compte-rendu's draft.
    ['inbox', `#inbox/${walkToday}`, 'gusp-console-inbox', '#inbox-list li[data-observation]'],
    ['report', `#report/${walkToday}`, 'gusp-console-report', '#report-introduction'],
    ['accounts', '#accounts', 'gusp-console-accounts', 'h2, h3'],
    ['dashboard', '#dashboard', 'gusp-console-dashboard', 'table[data-table="coverage"]'],
    ['engagements', '#engagements', 'gusp-console-engagements', 'li.engagement, #engagements-none'],
  ];
  // The seed's concerted project (Les Bleuets): the list, the project, its upcoming workshop's registrations
  // (the walk's screen over the workshop). `node scripts/console-screenshots.mjs projects` takes these three.
  const project = (await (await fetch(`${running.url}/api/projects`)).json()).projects?.[0];
  const workshop = project && (await (await fetch(`${running.url}/api/workshops?project=${project.id}`)).json()).workshops?.[0];
  if (project)
    screens.push(
      ['projects', '#projects', 'gusp-console-projects', 'li[data-project]'],
      ['projects-project', `#project/${project.id}`, 'gusp-console-project', '#project-status'],
    );
  if (workshop) screens.push(['projects-workshop', `#registrations/workshop/${workshop.id}`, 'gusp-console-registrations', '#list-count']);
  for (const [name, hash, tag, ready] of screens) {
    if (!wanted(name)) continue;
    if (name === 'inbox' || name === 'report') await finished(running, walkToday);
    await page.evaluate((h) => (location.hash = h), hash);
    await page.waitForSelector(`gusp-console >>> ${tag} >>> ${ready}`, { timeout: WAIT }).catch(async (e) => {
      const said = await page.evaluate(
        (t) => document.querySelector('gusp-console')?.shadowRoot?.querySelector(t)?.shadowRoot?.textContent,
        tag,
      );
      throw new Error(`${name}: ${String(said).replace(/\s+/g, ' ').slice(-500)}`, { cause: e });
    });
    // Pictures and late renders settle.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await shoot(page, name);
    // The dashboard as the comité de pilotage gets it on paper (its print stylesheet).
    if (name === 'dashboard') {
      await page.emulateMediaType('print');
      await shoot(page, 'dashboard-print', { phone: false });
      await page.emulateMediaType(null);
    }
  }
  // The printable day sheet of the walk of the day.
  if (wanted('day-sheet')) {
    const sheet = await browser.newPage();
    await sheet.setCookie(...(await page.cookies()));
    await sheet.setViewport({ width: 1280, height: 900 });
    await sheet.goto(`${running.url}/api/walks/${walkToday}/day-sheet.html`, { waitUntil: 'load' });
    await shoot(sheet, 'day-sheet', { phone: false });
  }
} finally {
  await browser.close();
  await running.close();
}
console.log(written.map((f) => `  ${f}`).join('\n'));

/** Desktop (1280 px) and phone (360 px) pictures of the page as it is now, the whole page long. */
async function shoot(page, name, { phone = true } = {}) {
  for (const [suffix, width, height] of [['desktop', 1280, 900], ...(phone ? [['phone', 360, 740]] : [])]) {
    await page.setViewport({ width, height, deviceScaleFactor: 1, isMobile: width < 600, hasTouch: width < 600 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const path = join(images, `console-${name}-${suffix}.png`);
    await page.screenshot({ path, fullPage: true });
    written.push(path.slice(root.length));
  }
  await page.setViewport({ width: 1280, height: 900 });
}

/** The walk of the day, four observations recorded at its stops, then finished (once), and the read models caught up. */
async function finished(running, walkId) {
  const walk = await running.gusp.walks.get(walkId);
  if (walk.ok && walk.value.walk.status === 'in-progress') {
    const by = { by: { role: 'agent', accountId: 'screenshots' } };
    const stops = walk.value.walk.stops.map((s) => s.id);
    for (const [stop, polarity, themeId, description] of [
      [0, 'problem', 'voirie', 'Trottoir défoncé devant l’arrêt de bus.'],
      [0, 'problem', 'voirie', 'Le trottoir est abîmé à l’arrêt de bus.'],
      [1, 'positive', 'espaces-verts', 'Les massifs sont bien entretenus.'],
      [2, 'problem', 'eclairage-public', 'Éclairage en panne dans le passage.'],
    ]) {
      const r = await running.gusp.observations.record(
        { walkId, quartierId: 'le-plan', stopId: stops[stop], polarity, themeId, description, source: 'walk' },
        by,
      );
      if (!r.ok) throw new Error(`observation: ${r.error.code}`);
    }
    const r = await running.gusp.walks.finish(walkId, { by: { role: 'coordinator', accountId: 'screenshots' } });
    if (!r.ok) throw new Error(`finish: ${r.error.code}`);
  }
  await running.readModels.caughtUp();
}

/** A walk today in Le Plan, started, with four stops, eight people of whom five came. */
async function walkUnderWay(gusp) {
  const by = { by: { role: 'coordinator', accountId: 'screenshots' } };
  const must = (what, r) => {
    if (!r.ok) throw new Error(`${what}: ${r.error.code} ${JSON.stringify(r.error.details)}`);
    return r.value;
  };
  const now = Date.now();
  const walk = must(
    'schedule',
    await gusp.walks.schedule(
      {
        quartierId: 'le-plan',
        title: 'Diagnostic du Plan, secteur des Bleuets',
        startsAt: new Date(now + 10 * MINUTE).toISOString(),
        registrationDeadline: new Date(now + 5 * MINUTE).toISOString(),
        capacity: 12,
        meetingPoint: { label: 'Devant la maison de quartier du Plan' },
        stops: [
          { label: 'Place Louis-Pergaud' },
          { label: 'Aire de jeux des Bleuets' },
          { label: 'Passage sous la rocade' },
          { label: 'Jardins familiaux' },
        ],
      },
      by,
    ),
  );
  must('publish', await gusp.walks.publish(walk.id, by));
  const names = [
    'Nadia Benali',
    'Jules Voisin',
    'Fatou Diallo',
    'Marcel Durand',
    'Lucie Martin',
    'Karim Haddad',
    'Odile Roux',
    'Paul Girard',
  ];
  const ids = [];
  for (const [i, name] of names.entries()) {
    const contact = i === 3 ? { phone: '06 12 34 56 78' } : { email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org` };
    const outcome = must(`register ${name}`, await gusp.walks.register(walk.id, { name, ...contact, consent: true, locale: 'fr' }));
    ids.push(outcome.registration.id);
  }
  must('close', await gusp.walks.closeRegistrations(walk.id, by));
  must('start', await gusp.walks.start(walk.id, by));
  for (const id of ids.slice(0, 5)) must('check in', await gusp.walks.checkIn(walk.id, id, by));
  return walk.id;
}
