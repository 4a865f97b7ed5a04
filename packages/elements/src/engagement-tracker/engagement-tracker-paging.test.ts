// SPDX-License-Identifier: EUPL-1.2
/**
 * The tracker on a paged, validating API (`/etag-api` in web-test-runner.config.mjs:
 * pages of 2, an ETag on each, `Cache-Control: no-cache`, 304 to a matching
 * `If-None-Match`), in real Chromium with its HTTP cache: it follows `next` to
 * the last page, and its refresh costs only 304s while nothing changed.
 */
import { valence } from '@gusp/core';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../define/engagement-tracker.js';
import { engagement } from '../../test/fixtures.js';
import { until } from '../../test/helpers.js';
import type { GuspEngagementTracker } from './engagement-tracker.js';

const API = '/etag-api';

interface Counts {
  ok: number;
  notModified: number;
  cursors: (string | null)[];
}

async function reset(titles: string[]): Promise<void> {
  const engagements = titles.map((title) => engagement({ title }));
  const response = await fetch(`${API}/__reset`, { method: 'POST', body: JSON.stringify({ engagements, city: valence }) });
  if (!response.ok) throw new Error(`reset: ${response.status}`);
}

/** Polls an asynchronous condition (what the test API counted). */
async function eventually(check: () => Promise<boolean>, timeout: number): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('Timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const counts = async (): Promise<Counts> => (await fetch(`${API}/__counts`)).json() as Promise<Counts>;
const titles = (el: GuspEngagementTracker) => [...el.shadowRoot!.querySelectorAll('.item h3')].map((h) => h.textContent?.trim());

afterEach(() => fixtureCleanup());

describe('<gusp-engagement-tracker> on the paged API with conditional requests', () => {
  it('follows `next` to the last page and shows every engagement', async () => {
    await reset(['Un', 'Deux', 'Trois', 'Quatre', 'Cinq']);
    const el = await fixture<GuspEngagementTracker>(html`<gusp-engagement-tracker endpoint=${API}></gusp-engagement-tracker>`);
    await until(() => titles(el).length === 5);
    expect(titles(el)).to.deep.equal(['Un', 'Deux', 'Trois', 'Quatre', 'Cinq']);
    const seen = await counts();
    // Three pages: the first without a cursor, then each `next`.
    expect(seen.cursors.length).to.equal(3);
    expect(seen.cursors[0]).to.equal(null);
    expect(seen.ok).to.equal(3);
  });

  it('refresh="1": an unchanged list costs 304s only, a change is shown at the next refresh', async () => {
    await reset(['Éclairage rue Berlioz', 'Banc square Dunant', 'Tags passage Brel']);
    const el = await fixture<GuspEngagementTracker>(html`<gusp-engagement-tracker endpoint=${API} refresh="1"></gusp-engagement-tracker>`);
    await until(() => titles(el).length === 3);
    const first = await counts();
    expect([first.ok, first.notModified]).to.deep.equal([2, 0]);
    // Two refreshes later (each revalidates both pages), still the same list.
    await eventually(async () => (await counts()).notModified >= 4, 6000);
    const later = await counts();
    expect(later.ok, 'no page was downloaded again').to.equal(2);
    expect(later.notModified).to.be.at.least(4);
    expect(titles(el)).to.deep.equal(['Éclairage rue Berlioz', 'Banc square Dunant', 'Tags passage Brel']);
    // Staff add one: the next refresh gets the changed pages (200) and shows it.
    const body = JSON.stringify({
      engagements: [
        ...['Éclairage rue Berlioz', 'Banc square Dunant', 'Tags passage Brel', 'Jeux d’enfants'].map((title) => engagement({ title })),
      ],
      city: valence,
    });
    await fetch(`${API}/__reset`, { method: 'POST', body });
    await until(() => titles(el).length === 4, 6000);
    expect(titles(el)[3]).to.equal('Jeux d’enfants');
    expect((await counts()).ok).to.be.at.least(1);
  });
});
