// SPDX-License-Identifier: EUPL-1.2
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../define/walks.js';
import { YEAR, clean, counts, failNext, resetApi, shadow, someWalks } from '../../test/helpers.js';
import type { GuspConsoleWalks } from './walks.js';

const $$ = (el: Element, selector: string) => [...shadow(el).querySelectorAll<HTMLElement>(selector)];
const text = (el: Element, selector: string) => clean(shadow(el).querySelector(selector)?.textContent);
const select = (el: Element, id: string, value: string) => {
  const s = shadow(el).querySelector<HTMLSelectElement>(`#${id}`)!;
  s.value = value;
  s.dispatchEvent(new Event('change'));
};

async function walks(lang = 'fr'): Promise<GuspConsoleWalks> {
  const el = await fixture<GuspConsoleWalks>(html`<gusp-console-walks lang=${lang}></gusp-console-walks>`);
  await el.loaded;
  return el;
}

beforeEach(() => resetApi(someWalks()));
afterEach(() => fixtureCleanup());

describe('<gusp-console-walks>', () => {
  it('lists this year’s walks per quartier, every page followed, and is accessible while loading and loaded', async () => {
    const el = await fixture<GuspConsoleWalks>(html`<gusp-console-walks></gusp-console-walks>`);
    expect(text(el, '[role="status"]')).to.equal('Chargement…');
    await expect(el).to.be.accessible();
    await el.loaded;
    // Four walks this year, two a page: the second page was asked for.
    expect((await counts())['/walks']).to.equal(2);
    expect($$(el, '.walk').map((w) => w.dataset.walk)).to.have.members(['w-plan-1', 'w-plan-2', 'w-font', 'w-poly']);
    expect(text(el, '#list-title')).to.equal('4 diagnostics');
    // Per quartier, in the city profile's order: Polygone, Le Plan, Fontbarlettes.
    expect($$(el, '.walks h4').map((h) => clean(h.textContent))).to.deep.equal([
      'Polygone (prioritaire)',
      'Le Plan (prioritaire)',
      'Fontbarlettes (prioritaire)',
    ]);
    const plan = $$(el, '[data-walk="w-plan-1"]')[0]!;
    expect(clean(plan.textContent)).to.contain('Autour des Bleuets').and.contain('Terminé').and.contain('Aucun participant pointé');
    expect(clean($$(el, '[data-walk="w-font"]')[0]!.textContent)).to.contain('30 inscrits, 0 place restante sur 30, 3 en liste d’attente');
    await expect(el).to.be.accessible();
  });

  it('shows which priority quartiers have no walk yet this year (a cancelled walk does not count)', async () => {
    const el = await walks();
    expect(text(el, '#coverage-title')).to.equal(`Quartiers prioritaires en ${YEAR}`);
    expect(text(el, '#coverage-summary')).to.equal(
      '3 quartiers prioritaires sans diagnostic cette année : Polygone, Chamberlière, Valensolles.',
    );
    expect($$(el, '.coverage li.uncovered').map((li) => li.dataset.quartier)).to.deep.equal(['polygone', 'chamberliere', 'valensolles']);
    expect(text(el, '[data-quartier="le-plan"]')).to.equal('Le Plan : 2 diagnostics');
    expect(text(el, '[data-quartier="chamberliere"]')).to.equal('Chamberlière : aucun diagnostic');
  });

  it('filters by year, quartier and status, through the API’s own parameters', async () => {
    const el = await walks();
    select(el, 'year', String(YEAR + 1));
    await el.loaded;
    expect($$(el, '.walk').map((w) => w.dataset.walk)).to.deep.equal(['w-plan-next']);
    expect(text(el, '#coverage-title')).to.equal(`Quartiers prioritaires en ${YEAR + 1}`);
    expect($$(el, '.coverage li.uncovered')).to.have.length(4);
    select(el, 'year', String(YEAR));
    await el.loaded;
    select(el, 'quartier', 'le-plan');
    await el.loaded;
    expect($$(el, '.walk').map((w) => w.dataset.walk)).to.deep.equal(['w-plan-1', 'w-plan-2']);
    select(el, 'status', 'open');
    await el.loaded;
    expect($$(el, '.walk').map((w) => w.dataset.walk)).to.deep.equal(['w-plan-2']);
    expect(el.getAttribute('quartier')).to.equal('le-plan');
    await expect(el).to.be.accessible();
  });

  it('says so when no walk matches, and still shows the coverage', async () => {
    await resetApi([]);
    const el = await walks();
    expect(text(el, '.walks .notice')).to.equal('Aucun diagnostic publié ne correspond à ces filtres.');
    expect(text(el, '#coverage-summary')).to.match(
      /^5 quartiers prioritaires sans diagnostic cette année : Polygone, .+, Fontbarlettes\.$/,
    );
    await expect(el).to.be.accessible();
  });

  it('says a failed load and loads again on « Réessayer »', async () => {
    await failNext('/walks', 503);
    const el = await walks();
    expect(text(el, '[role="alert"]')).to.equal('Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.');
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('section > button')!.click();
    await el.loaded;
    expect($$(el, '.walk')).to.have.length(4);
  });

  it('speaks English', async () => {
    const el = await walks('en');
    expect(text(el, '#walks-title')).to.equal('Neighbourhood walks');
    expect(text(el, '#coverage-summary')).to.equal('3 priority quartiers without a walk this year: Polygone, Chamberlière, Valensolles.');
    expect(clean($$(el, '[data-walk="w-font"]')[0]!.textContent))
      .to.contain('Registrations closed')
      .and.contain('30 registered, 0 seats left of 30');
  });

  it('fits a 320 px screen', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      await walks();
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
