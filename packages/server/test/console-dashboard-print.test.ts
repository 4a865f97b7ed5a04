// SPDX-License-Identifier: EUPL-1.2
/**
 * The dashboard of the back office on paper, for the comité de pilotage: /gestion#dashboard in
 * Chromium against this real server (Valence seeded, the pages' CSP), printed — `@media print`
 * emulated, then a real PDF (`page.pdf`): no navigation, filters or buttons, the filters and the
 * date in the first line, every table shown with the endpoints' figures, each chart kept whole;
 * and its CSV downloads are `blob:` links the CSP lets through.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedValence } from '../src/seed/valence.js';
import { startServer, type RunningServer } from '../src/server.js';
import { consoleSkip as skip, frenchPage, launchChromium, watchPage } from './browser.js';

describe('the dashboard printed for the comité de pilotage', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ beforeListen: (gusp) => seedValence(gusp.store) });
  });
  after(async () => {
    await server?.close();
  });

  test('prints without navigation, filters or buttons, with every table and the endpoints’ figures', { skip }, async (t) => {
    const link = await server.staff.demoCoordinatorLink();
    const browser = await launchChromium();
    try {
      const page = await frenchPage(browser, { width: 1280, height: 900 });
      const { problems, violations } = await watchPage(page);
      await page.goto(link.replace(new URL(link).origin, server.url), { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('gusp-console')?.getAttribute('state') === 'ready', { timeout: 15_000 });
      await page.evaluate(() => (location.hash = '#dashboard'));
      await page.waitForSelector('gusp-console >>> gusp-console-dashboard >>> table[data-table="coverage"]', { timeout: 15_000 });

      /** What is painted of the app and the dashboard, read in the page. */
      const seen = () =>
        page.evaluate(() => {
          const app = document.querySelector('gusp-console')!.shadowRoot!;
          const board = app.querySelector('gusp-console-dashboard')!.shadowRoot!;
          const painted = (e: Element | null) => !!e && e.getClientRects().length > 0;
          return {
            nav: painted(app.querySelector('nav')),
            signOut: painted(app.querySelector('header button')),
            filters: painted(board.querySelector('fieldset')),
            print: painted(board.querySelector('#print')),
            csv: [...board.querySelectorAll('a[data-csv]')].filter(painted).length,
            csvHrefs: [...board.querySelectorAll<HTMLAnchorElement>('a[data-csv]')].map((a) => a.href),
            tables: [...board.querySelectorAll('table[data-table]')].filter(painted).map((t) => t.getAttribute('data-table')),
            printed: painted(board.querySelector('[data-printed-filters]'))
              ? (board.querySelector('[data-printed-filters]')!.textContent ?? '').replace(/\s+/g, ' ').trim()
              : '',
            breaks: [...board.querySelectorAll('figure')].map((f) => getComputedStyle(f).breakInside),
            coverage: [...board.querySelectorAll('table[data-table="coverage"] tbody tr')].map((tr) => [
              tr.getAttribute('data-row'),
              tr.querySelector('td[data-col="walks"]')?.getAttribute('data-value'),
            ]),
          };
        });

      const screen = await seen();
      assert.deepEqual([screen.nav, screen.signOut, screen.filters, screen.print], [true, true, true, true]);
      assert.equal(screen.printed, '', 'the printed heading is for paper only');
      assert.ok(screen.csv >= 6, `${screen.csv} CSV links`);
      assert.ok(screen.csvHrefs.every((h) => h.startsWith('blob:')));

      await page.emulateMediaType('print');
      const paper = await seen();
      assert.deepEqual([paper.nav, paper.signOut, paper.filters, paper.print, paper.csv], [false, false, false, false, 0]);
      assert.deepEqual(paper.tables, screen.tables, 'every table is printed');
      assert.ok(paper.tables.includes('coverage') && paper.tables.includes('status') && paper.tables.includes('delays'));
      assert.match(paper.printed, /^Année \d{4} · Tous les quartiers · Toutes les organisations · imprimé le \d{1,2} \S+ \d{4}$/);
      assert.ok(
        paper.breaks.every((b) => b === 'avoid'),
        `each chart kept on one page: ${paper.breaks.join(', ')}`,
      );
      // The printed figures are the server's.
      const year = /Année (\d{4})/.exec(paper.printed)![1];
      const coverage = (await (await fetch(`${server.url}/api/quartiers/coverage?year=${year}`)).json()) as {
        quartiers: { quartierId: string; walks: number }[];
      };
      assert.deepEqual(
        paper.coverage,
        coverage.quartiers.map((q) => [q.quartierId, String(q.walks)]),
      );

      // And a real PDF, A4, of a few pages.
      const pdf = Buffer.from(await page.pdf({ format: 'A4', printBackground: true }));
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      assert.ok(pages >= 2 && pages <= 12, `${pages} pages`);
      t.diagnostic(`${pages} A4 pages, ${Math.round(pdf.length / 1024)} kB`);
      await page.emulateMediaType(undefined);
      assert.equal((await seen()).filters, true);
      assert.deepEqual(await violations(), []);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
});
