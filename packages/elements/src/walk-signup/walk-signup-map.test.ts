// SPDX-License-Identifier: EUPL-1.2
/**
 * The walk's card in `<gusp-walk-signup>` shows its route (issue 16): the
 * stops as an ordered list, always, and on the map (`map="open"`, or its
 * button), where a screen reader finds every stop; axe; 320 px.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define/walk-signup.js';
import { walkData } from '../../test/fixtures.js';
import { until } from '../../test/helpers.js';
import { accessibilityTree, cleanAfterEach, mapRegion, shadow, stopNames, text } from '../../test/map.js';
import type { GuspMap } from '../internal/map/map.js';
import type { GuspWalkSignup } from './walk-signup.js';

const STOPS = [
  { id: 'st-1', label: 'Parvis de la maison de quartier', point: { lat: 44.9205, lon: 4.9128 } },
  { id: 'st-2', label: 'Square des Lilas', point: { lat: 44.9214, lon: 4.9141 } },
  { id: 'st-3', label: 'Passage sous la voie ferrée', description: 'Mal éclairé le soir', point: { lat: 44.9196, lon: 4.915 } },
];

cleanAfterEach();

describe('<gusp-walk-signup> route', () => {
  it('shows the route as an ordered list and on the map at once with map="open"; every stop is in the accessibility tree', async () => {
    const el = await fixture<GuspWalkSignup>(
      html`<gusp-walk-signup map="open" .data=${walkData({ walk: { stops: STOPS } })}></gusp-walk-signup>`,
    );
    await until(() => !!shadow(el).querySelector<GuspMap>('gusp-map')?.shadowRoot?.querySelector('.marker'));
    const root = shadow(el);
    expect(text(root.querySelector('.route h3'))).to.equal('Le parcours (3 arrêts)');
    expect([...root.querySelectorAll('.stops li .stop')].map(text)).to.deep.equal(STOPS.map((s) => s.label));
    // The list comes before the map and the form after both: the map is an addition to the card.
    const map = root.querySelector<GuspMap>('gusp-map')!;
    expect(root.querySelector('.stops')!.compareDocumentPosition(map) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(map.compareDocumentPosition(root.querySelector('form')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    const region = mapRegion(await accessibilityTree());
    expect(region).to.not.equal(undefined);
    expect(stopNames(region!)).to.deep.equal([
      '1. Parvis de la maison de quartier',
      '2. Square des Lilas',
      '3. Passage sous la voie ferrée',
    ]);
    await expect(el).to.be.accessible();
  });

  it('offers the map by a button (default), which hides it again, the focus staying on it', async () => {
    const el = await fixture<GuspWalkSignup>(html`<gusp-walk-signup .data=${walkData({ walk: { stops: STOPS } })}></gusp-walk-signup>`);
    const toggle = shadow(el).querySelector<HTMLButtonElement>('[part~=map-toggle]')!;
    expect(shadow(el).querySelector('gusp-map')).to.equal(null);
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!shadow(el).querySelector('gusp-map'));
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shadow(el).querySelector('gusp-map')).to.equal(null);
    expect(shadow(el).activeElement).to.equal(toggle);
  });

  it('has no route section without stops, and no map button when no stop is placed', async () => {
    const none = await fixture<GuspWalkSignup>(html`<gusp-walk-signup .data=${walkData()}></gusp-walk-signup>`);
    expect(shadow(none).querySelector('.route')).to.equal(null);
    const unplaced = await fixture<GuspWalkSignup>(
      html`<gusp-walk-signup .data=${walkData({ walk: { stops: STOPS.map(({ point: _, ...s }) => s) } })}></gusp-walk-signup>`,
    );
    expect(shadow(unplaced).querySelectorAll('.stops li')).to.have.length(3);
    expect(shadow(unplaced).querySelector('[part~=map-toggle]')).to.equal(null);
  });

  it('fits 320 px with the map shown', async () => {
    await setViewport({ width: 320, height: 700 });
    const el = await fixture<GuspWalkSignup>(
      html`<gusp-walk-signup map="open" .data=${walkData({ walk: { stops: STOPS } })}></gusp-walk-signup>`,
    );
    await until(() => !!shadow(el).querySelector<GuspMap>('gusp-map')?.shadowRoot?.querySelector('.marker'));
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });
});
