// SPDX-License-Identifier: EUPL-1.2
/**
 * A walk's card shows its route (issue 16): as an ordered list of its stops,
 * always, and on a map when asked, in sync with the list — a stop's « Voir
 * sur la carte » moves the focus to its marker, a marker selected marks its
 * stop. The map's chunk is fetched only then; the browser's accessibility
 * tree lists every stop; axe; 320 px.
 */
import { valence } from '@gusp/core';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define/walk-list.js';
import { walkData } from '../../test/fixtures.js';
import { until } from '../../test/helpers.js';
import { accessibilityTree, cleanAfterEach, mapRegion, shadow, stopNames, text } from '../../test/map.js';
import type { GuspMap } from '../internal/map/map.js';
import type { GuspWalkList } from './walk-list.js';

performance.setResourceTimingBufferSize(10_000);

const STOPS = [
  { id: 'st-1', label: 'Parvis de la maison de quartier', description: 'Point de rendez-vous', point: { lat: 44.9205, lon: 4.9128 } },
  { id: 'st-2', label: 'Square des Lilas', point: { lat: 44.9214, lon: 4.9141 } },
  { id: 'st-3', label: 'Passage sous la voie ferrée', point: { lat: 44.9196, lon: 4.915 } },
  { id: 'st-4', label: 'École Jean-Moulin', point: { lat: 44.9189, lon: 4.9122 } },
];

async function list(): Promise<GuspWalkList> {
  const summary = walkData({ walk: { id: 'walk-route', stops: STOPS } });
  const el = await fixture<GuspWalkList>(html`<gusp-walk-list .data=${{ walks: [summary], city: valence }}></gusp-walk-list>`);
  await el.updateComplete;
  return el;
}

cleanAfterEach();

describe('<gusp-walk-list> route', () => {
  it('lists the route’s stops in order on the card, and fetches no map until asked', async () => {
    const el = await list();
    const card = shadow(el).querySelector('.card')!;
    expect(text(card.querySelector('details.route > summary'))).to.equal('Le parcours (4 arrêts)');
    // Closed at first, so the cards stay short on a phone; the list is inside it, whole.
    expect(card.querySelector<HTMLDetailsElement>('details.route')!.open).to.equal(false);
    card.querySelector<HTMLElement>('details.route > summary')!.click();
    await el.updateComplete;
    expect([...card.querySelectorAll('.stops li .stop')].map(text)).to.deep.equal(STOPS.map((s) => s.label));
    expect(text(card.querySelector('.stops li .hint'))).to.equal('Point de rendez-vous');
    expect(card.querySelector('gusp-map')).to.equal(null);
    const toggle = card.querySelector<HTMLButtonElement>('[part~=map-toggle]')!;
    expect(text(toggle)).to.equal('Voir le parcours sur une carte');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(
      performance.getEntriesByType('resource').some((e) => /\/internal\/map\/map\.ts/.test(e.name)),
      'the map’s module is not fetched before a map is shown',
    ).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows the route on the map in sync with the list, by keyboard; the accessibility tree lists every stop', async () => {
    const el = await list();
    const card = shadow(el).querySelector('.card')!;
    // The route's disclosure first, by keyboard too: Enter on its summary opens it.
    card.querySelector<HTMLElement>('details.route > summary')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    card.querySelector<HTMLButtonElement>('[part~=map-toggle]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!card.querySelector<GuspMap>('gusp-map')?.shadowRoot?.querySelector('.marker'));
    expect(performance.getEntriesByType('resource').some((e) => /\/internal\/map\/map\.ts/.test(e.name))).to.equal(true);
    const map = card.querySelector<GuspMap>('gusp-map')!;
    expect(text(card.querySelector('[part~=map-toggle]'))).to.equal('Masquer la carte');

    // A screen reader's view: the named map holds every stop, in the route's order.
    const region = mapRegion(await accessibilityTree())!;
    expect(region, 'the map region').to.not.equal(undefined);
    expect(stopNames(region)).to.deep.equal(STOPS.map((s, i) => `${i + 1}. ${s.label}`));
    expect(shadow(map).querySelector('svg .route'), 'the route is drawn').to.not.equal(null);

    // From the list to the map: the stop's « Voir sur la carte » focuses its marker and opens its card.
    const showOnMap = [...card.querySelectorAll<HTMLButtonElement>('[part~=show-on-map]')];
    expect(showOnMap.map(text)).to.deep.equal(STOPS.map((s, i) => `Voir sur la carte : ${i + 1}. ${s.label}`));
    showOnMap[1]!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shadow(map).activeElement?.getAttribute('data-id')).to.equal('st-2');
    expect(shadow(map).querySelector('[data-id=st-2]')!.getAttribute('aria-expanded')).to.equal('true');
    expect(card.querySelector('.stops li[aria-current=true] .stop')?.textContent).to.equal('Square des Lilas');

    // From the map to the list: Tab to the next marker, Enter selects it, the list follows.
    await sendKeys({ press: 'Tab' }); // the card's « Fermer »
    await sendKeys({ press: 'Tab' }); // marker 3
    expect(shadow(map).activeElement?.getAttribute('data-id')).to.equal('st-3');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(card.querySelector('.stops li[aria-current=true] .stop')?.textContent).to.equal('Passage sous la voie ferrée');
    // Escape closes the marker's card, not the list's opened walk; the focus stays on the marker.
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(shadow(map).activeElement?.getAttribute('data-id')).to.equal('st-3');
    expect(card.querySelector('.stops li[aria-current=true]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('fits 320 px with the map shown, without horizontal scroll', async () => {
    await setViewport({ width: 320, height: 700 });
    const el = await list();
    const card = shadow(el).querySelector('.card')!;
    card.querySelector<HTMLElement>('details.route > summary')!.click();
    await el.updateComplete;
    card.querySelector<HTMLButtonElement>('[part~=map-toggle]')!.click();
    await until(() => !!card.querySelector<GuspMap>('gusp-map')?.shadowRoot?.querySelector('.marker'));
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });

  it('shows the list only with map="none"', async () => {
    const summary = walkData({ walk: { id: 'walk-route', stops: STOPS } });
    const el = await fixture<GuspWalkList>(html`<gusp-walk-list map="none" .data=${{ walks: [summary], city: valence }}></gusp-walk-list>`);
    expect(shadow(el).querySelectorAll('.stops li')).to.have.length(4);
    expect(shadow(el).querySelector('[part~=map-toggle]')).to.equal(null);
  });

  it('leaves out a route whose only stop is the meeting point: the card already says it, the sign-up shows it', async () => {
    const only = { id: 'st-1', label: 'Centre social', point: { lat: 44.9205, lon: 4.9128 } };
    const summary = walkData({ walk: { id: 'walk-one', stops: [only], meetingPoint: { label: 'Centre social' } } });
    const el = await fixture<GuspWalkList>(html`<gusp-walk-list .data=${{ walks: [summary], city: valence }}></gusp-walk-list>`);
    await el.updateComplete;
    expect(text(shadow(el).querySelector('.place'))).to.contain('Centre social');
    expect(shadow(el).querySelector('.route')).to.equal(null);
  });
});
