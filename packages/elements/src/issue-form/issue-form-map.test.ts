// SPDX-License-Identifier: EUPL-1.2
/**
 * The issue form's point picker (issue 16): beside « Utiliser ma position »
 * and the words, never instead of them; placed with the keyboard only as
 * FixMyStreet specified (fixmystreet#3321: Space drops a pin at the centre,
 * arrows move it), said in words, and sent with the observation.
 */
import { valence } from '@gusp/core';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define/issue-form.js';
import { API, until } from '../../test/helpers.js';
import { cleanAfterEach, shadow } from '../../test/map.js';
import type { GuspMap } from '../internal/map/map.js';
import type { GuspIssueForm } from './issue-form.js';

const text = (root: ParentNode, selector: string): string => (root.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The element focused, through the open shadow roots. */
const deepActive = (): Element | null => {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

/** Presses Tab until `match` holds for the focused element, as a keyboard user does (at most 60 presses). */
async function tabTo(match: (e: Element) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const a = deepActive();
    if (a && match(a)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}

const stored = async (description: string): Promise<{ point?: { lat: number; lon: number } }[]> =>
  ((await (await fetch(`${API}/__test/observations`)).json()) as { description: string; point?: { lat: number; lon: number } }[]).filter(
    (o) => o.description === description,
  );

cleanAfterEach();

describe('<gusp-issue-form> point picker', () => {
  it('lets a keyboard-only user place the point (Space at the centre, arrows), hears it in words, and sends it', async () => {
    const el = await fixture<GuspIssueForm>(html`<gusp-issue-form endpoint=${API} quartier-id="fontbarlettes"></gusp-issue-form>`);
    await el.loaded;
    const root = shadow(el);
    // The existing ways stay: the words and « Utiliser ma position » are there, the map is only offered.
    expect(root.querySelector('#address')).to.not.equal(null);
    expect(text(root, '#locate')).to.equal('Utiliser ma position');
    expect(root.querySelector('gusp-map')).to.equal(null);

    root.querySelector<HTMLInputElement>('#polarity-problem')!.focus();
    await sendKeys({ press: 'Space' });
    await tabTo((e) => e.id === 'theme', 'the theme');
    await sendKeys({ press: 'ArrowDown' });
    await tabTo((e) => e.id === 'description', 'the description');
    const description = `Trottoir défoncé (${Math.random().toString(36).slice(2, 8)})`;
    await sendKeys({ type: description });
    await tabTo((e) => e.id === 'pick-on-map', '« Choisir le point sur une carte »');
    expect(deepActive()!.getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'Enter' });
    await until(() => !!root.querySelector('gusp-map')?.shadowRoot?.querySelector('.viewport'));
    const map = root.querySelector<GuspMap>('gusp-map')!;
    await until(() => deepActive()?.classList.contains('viewport') ?? false);
    expect(text(root, '#pick-on-map')).to.equal('Masquer la carte');
    expect(root.querySelector('#pick-on-map')!.getAttribute('aria-expanded')).to.equal('true');
    expect(text(shadow(map), '#keys')).to.match(/^Espace : placer un point au centre/);

    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    const centre = valence.quartiers.find((q) => q.id === 'fontbarlettes')!.centre!;
    expect(text(root, '.position')).to.match(/^Point placé (à \d+ mètres .+ de|sur) « centre de Fontbarlettes »\.$/);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    // North-east of where it was dropped, and said so.
    expect(text(root, '.position')).to.match(/au nord(-est)? de « centre de Fontbarlettes »/);

    await tabTo((e) => e.getAttribute('part') === 'submit', 'the submit button');
    await sendKeys({ press: 'Enter' });
    await until(() => text(root, '.submit-status').length > 0, 6000);
    expect(text(root, '.submit-status')).to.match(/^Merci/);
    const [observation] = await stored(description);
    expect(observation, 'the observation reached the API').to.not.equal(undefined);
    expect(observation!.point!.lat).to.be.greaterThan(centre.lat);
    expect(observation!.point!.lon).to.be.greaterThan(centre.lon);
    expect(Math.abs(observation!.point!.lat - centre.lat)).to.be.lessThan(0.01);
  });

  it('draws a walk’s stops as numbered buttons in the route’s order, is accessible, and fits 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const walk = {
      id: 'w-map',
      quartierId: 'fontbarlettes',
      startsAt: new Date(Date.now() - 3600_000).toISOString(),
      durationMinutes: 240,
      stops: [
        { id: 's1', label: 'Parvis de la maison de quartier', point: { lat: 44.92, lon: 4.912 } },
        { id: 's2', label: 'Square des Bleuets', point: { lat: 44.9212, lon: 4.914 } },
        { id: 's3', label: 'Parking du Lycée', point: { lat: 44.919, lon: 4.915 } },
      ],
      capacity: 20,
      registrationDeadline: new Date().toISOString(),
      status: 'started',
      organiserIds: ['ville'],
      sequence: 0,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    };
    const el = await fixture<GuspIssueForm>(html`<gusp-issue-form map="open" .data=${{ city: valence, walk }}></gusp-issue-form>`);
    await until(() => !!shadow(el).querySelector('gusp-map')?.shadowRoot?.querySelector('.marker'));
    const map = shadow(el).querySelector<GuspMap>('gusp-map')!;
    const markers = [...shadow(map).querySelectorAll('.marker')].map((b) => (b.textContent ?? '').trim());
    expect(markers).to.deep.equal(['11. Parvis de la maison de quartier', '22. Square des Bleuets', '33. Parking du Lycée']);
    expect(document.documentElement.scrollWidth, 'no horizontal scroll at 320 px').to.be.at.most(320);
    await expect(el).to.be.accessible();
  });
});
