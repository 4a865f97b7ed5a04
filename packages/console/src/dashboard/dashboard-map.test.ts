// SPDX-License-Identifier: EUPL-1.2
/**
 * The dashboard's observations on the map (issue 16), against the REAL server (test/real.ts): the
 * list of placed observations first, each a marker of its polarity (a shape and words), in sync
 * both ways, the accessibility tree naming every marker, axe, the keyboard, 320 px, English.
 */
import type { Walk } from '@gusp/core';
import type { GuspMap } from '@gusp/elements/shared/map/map.js';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define/dashboard.js';
import { clean, shadow, until } from '../../test/helpers.js';
import { api, REAL, signInAs, walkIn } from '../../test/real.js';
import type { GuspConsoleDashboard } from './dashboard.js';

const QUARTIER = 'fontbarlettes';
const ids: Record<'positive' | 'problem' | 'atStop' | 'rejected', string> = { positive: '', problem: '', atStop: '', rejected: '' };
let year: number;

async function dashboard(lang = 'fr') {
  const el = await fixture<GuspConsoleDashboard>(
    html`<gusp-console-dashboard endpoint=${REAL} year=${year} quartier=${QUARTIER} lang=${lang}></gusp-console-dashboard>`,
  );
  await el.loaded;
  await until(() => !!shadow(el).querySelector<GuspMap>('gusp-map')?.shadowRoot?.querySelector('.marker'), 8000, 'the map’s markers');
  return el;
}
const rows = (el: Element) => [...shadow(el).querySelectorAll<HTMLTableRowElement>('table[data-table="placed"] tbody tr')];
const mapOf = (el: Element) => shadow(el).querySelector<GuspMap>('gusp-map')!;
const markers = (el: Element) => [...mapOf(el).shadowRoot!.querySelectorAll<HTMLButtonElement>('button.marker')];

before(async function () {
  this.timeout(120_000);
  await signInAs('coordinator');
  const walkId = await walkIn('in-progress', { quartierId: QUARTIER, stops: 1, title: 'Carte du tableau de bord' });
  const { walk } = await api<{ walk: Walk }>('GET', `/walks/${walkId}`);
  year = Number(walk.startsAt.slice(0, 4));
  const stopId = walk.stops[0]!.id;
  const note = async (o: Record<string, unknown>) =>
    (await api<{ id: string }>('POST', '/observations', { walkId, themeId: 'eclairage-public', source: 'walk', ...o })).id;
  ids.positive = await note({ polarity: 'positive', description: 'Nouveaux lampadaires', point: { lat: 44.9229, lon: 4.9262 } });
  ids.problem = await note({ polarity: 'problem', description: 'Trottoir défoncé', point: { lat: 44.925, lon: 4.929 } });
  // At a stop without a point: listed in the stops' table, not on the map.
  ids.atStop = await note({ polarity: 'problem', description: 'Banc cassé', stopId });
  ids.rejected = await note({ polarity: 'problem', description: 'Hors sujet', point: { lat: 44.924, lon: 4.927 } });
  await api('POST', `/observations/${ids.rejected}/reject`, { reason: 'Hors du quartier.' });
});

afterEach(async () => {
  fixtureCleanup();
  await setViewport({ width: 800, height: 600 });
});

describe('<gusp-console-dashboard> observations on the map', () => {
  it('lists every counted observation with a point, then draws each as a marker of its polarity, in the same order', async () => {
    const el = await dashboard();
    const listed = rows(el).map((r) => r.dataset.observation);
    expect(listed).to.include.members([ids.positive, ids.problem]);
    expect(listed).to.not.include(ids.atStop);
    expect(listed).to.not.include(ids.rejected);
    const mine = (id: string) => rows(el).find((r) => r.dataset.observation === id)!;
    expect(clean(mine(ids.positive).querySelector('th')?.textContent)).to.equal('Point positif');
    expect(clean(mine(ids.problem).querySelector('th')?.textContent)).to.equal('Problème');
    // Every row a marker, in the list's order; the polarity a shape with a sign, and words.
    expect(markers(el).map((b) => b.dataset.id)).to.deep.equal(listed);
    const marker = (id: string) => markers(el).find((b) => b.dataset.id === id)!;
    expect(marker(ids.positive).className).to.contain('positive');
    expect(clean(marker(ids.positive).textContent)).to.match(/^\+\d+\. Point positif – Éclairage/);
    expect(marker(ids.problem).className).to.contain('negative');
    expect(clean(marker(ids.problem).textContent)).to.match(/^!\d+\. Problème – /);
    // The list comes first.
    const table = shadow(el).querySelector('table[data-table="placed"]')!;
    expect(table.compareDocumentPosition(mapOf(el)) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    await expect(el).to.be.accessible();
  });

  it('names the map and every marker as the list says it', async () => {
    const el = await dashboard();
    const application = mapOf(el).shadowRoot!.querySelector('[role="application"]')!;
    expect(application.getAttribute('aria-label')).to.equal(`Carte : observations de ${year}`);
    const named = markers(el).map((b) => clean(b.querySelector('.vh')?.textContent));
    expect(named).to.deep.equal(
      rows(el).map(
        (r) =>
          `${clean(r.querySelector('td')?.textContent)}. ${clean(r.querySelector('th')?.textContent)} – ${clean(r.querySelectorAll('td')[1]?.textContent)}`,
      ),
    );
    for (const b of markers(el)) expect(b.querySelector('[aria-hidden="true"]')?.textContent).to.be.oneOf(['+', '!']);
  });

  it('keeps the list and the map in sync by keyboard: « Voir sur la carte » focuses the marker, Enter marks the row', async () => {
    const el = await dashboard();
    const row = rows(el).find((r) => r.dataset.observation === ids.problem)!;
    const n = clean(row.querySelector('td')?.textContent);
    const show = row.querySelector<HTMLButtonElement>('button[data-show-on-map]')!;
    expect(clean(show.textContent)).to.equal(`Voir sur la carte (observation ${n})`);
    show.focus();
    await sendKeys({ press: 'Enter' });
    const map = mapOf(el);
    await until(() => map.shadowRoot!.activeElement?.getAttribute('data-id') === ids.problem, 4000, 'the marker focused');
    await el.updateComplete;
    expect(row.getAttribute('aria-current')).to.equal('true');
    // Escape closes its card; the row is no longer marked.
    await sendKeys({ press: 'Escape' });
    await until(() => row.getAttribute('aria-current') === 'false', 4000, 'the row unmarked');
    // Enter on another marker selects it on the map and in the list.
    const other = markers(el).find((b) => b.dataset.id === ids.positive)!;
    other.focus();
    await sendKeys({ press: 'Enter' });
    await until(
      () =>
        rows(el)
          .find((r) => r.dataset.observation === ids.positive)
          ?.getAttribute('aria-current') === 'true',
      4000,
      'the positive row marked',
    );
  });

  it('fits 320 px and speaks English', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await dashboard('en');
    const part = shadow(el).querySelector<HTMLElement>('[data-part="observation-map"]')!;
    expect(clean(part.querySelector('h3, h4, [role="heading"]')?.textContent)).to.equal('Observations on the map');
    expect(
      clean(
        rows(el)
          .find((r) => r.dataset.observation === ids.positive)
          ?.querySelector('th')?.textContent,
      ),
    ).to.equal('Positive point');
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });
});
