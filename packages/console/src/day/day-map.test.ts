// SPDX-License-Identifier: EUPL-1.2
/**
 * The day's point picker (issue 16), against the REAL server (test/real.ts): beside the stop
 * choice, « Choisir le point sur une carte » with the keyboard alone (Space drops the point at the
 * centre, the arrows move it), the point sent with the observation; a point outside every quartier
 * refused by the server with `geo.outside-city`, said next to the location, nothing lost.
 */
import { valence, type Observation } from '@gusp/core';
import type { GuspMap } from '@gusp/elements/shared/map/map.js';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/day.js';
import { clean, shadow, until } from '../../test/helpers.js';
import { api, REAL, signInAs, walkIn } from '../../test/real.js';
import type { GuspConsoleDay } from './day.js';

type IssueForm = HTMLElement & { submit(): Promise<void>; loaded: Promise<void> };

/** The element focused, through the open shadow roots. */
const deepActive = (): Element | null => {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};
const text = (root: ParentNode, selector: string) => clean(root.querySelector(selector)?.textContent);
const observationsOf = async (walkId: string) =>
  (await api<{ observations: Observation[] }>('GET', `/observations?walk=${walkId}`)).observations;

afterEach(() => fixtureCleanup());

describe('<gusp-console-day> point picker on the real server', function () {
  this.timeout(60_000);

  it('places the observation’s point by keyboard beside the stop, sends it; a point outside the city is refused at the location, nothing lost', async () => {
    await signInAs('coordinator');
    const walkId = await walkIn('in-progress', { stops: 2 });
    await signInAs('agent');
    const el = await fixture<GuspConsoleDay>(html`<gusp-console-day lang="fr" endpoint=${REAL} walk-id=${walkId}></gusp-console-day>`);
    await el.loaded;
    const form = shadow(el).querySelector<IssueForm>('gusp-issue-form')!;
    await form.loaded;
    const root = form.shadowRoot!;
    const stops = (await api<{ walk: { stops: { id: string }[] } }>('GET', `/walks/${walkId}`)).walk.stops;
    root.querySelector<HTMLInputElement>('#polarity-problem')!.click();
    const choose = (selector: string, value: string, event = 'change') => {
      const field = root.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(selector)!;
      field.value = value;
      field.dispatchEvent(new Event(event, { bubbles: true }));
    };
    choose('#theme', 'eclairage-public');
    choose('#stop', stops[1]!.id);
    choose('#description', 'Lampadaire penché', 'input');

    // Beside the stop choice, in the same location group: the map is offered, not shown.
    const pick = root.querySelector<HTMLButtonElement>('#pick-on-map')!;
    expect(pick.closest('fieldset')).to.equal(root.querySelector('#stop')!.closest('fieldset'));
    expect(pick.getAttribute('aria-expanded')).to.equal('false');
    pick.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deepActive()?.classList.contains('viewport') ?? false, 6000, 'the map focused');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowRight' });
    await until(() => /^Point placé .*« centre de Le Plan »/.test(text(root, '.position')), 4000, 'the point said in words');
    await form.submit();
    await until(() => shadow(el).querySelector<HTMLElement>(`[data-stop="${stops[1]!.id}"]`)?.dataset.recorded === '1', 10_000, 'recorded');
    const [recorded] = await observationsOf(walkId);
    const centre = valence.quartiers.find((q) => q.id === 'le-plan')!.centre!;
    expect(recorded!.stopId).to.equal(stops[1]!.id);
    expect(recorded!.point, 'the point went with the observation').to.not.equal(undefined);
    expect(recorded!.point!.lat).to.be.greaterThan(centre.lat);
    expect(Math.abs(recorded!.point!.lat - centre.lat)).to.be.lessThan(0.01);
    await expect(el).to.be.accessible();

    // Far out (zoomed out, the point moved north by hundreds of kilometres): the server refuses it.
    choose('#description', 'Hors de la ville', 'input');
    if (!root.querySelector('gusp-map')) {
      pick.focus();
      await sendKeys({ press: 'Enter' });
    }
    const map = root.querySelector<GuspMap>('gusp-map')!;
    map.focus();
    for (let i = 0; i < 14; i++) await sendKeys({ press: 'Minus' });
    await sendKeys({ press: 'Space' });
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'ArrowUp' });
    await form.submit();
    await until(() => text(root, '#location-error') !== '', 10_000, 'the refusal at the location');
    expect(text(root, '#location-error')).to.equal(
      'Cette position est en dehors des quartiers de Valence : placez le point dans l’un d’eux, ou dites en mots où il se trouve.',
    );
    // Nothing lost: the words, the stop and the point are still in the form; nothing was recorded.
    expect(root.querySelector<HTMLTextAreaElement>('#description')!.value).to.equal('Hors de la ville');
    expect(root.querySelector<HTMLSelectElement>('#stop')!.value).to.equal(stops[1]!.id);
    expect(text(root, '.position')).to.match(/^Point placé/);
    expect((await observationsOf(walkId)).map((o) => o.description)).to.deep.equal(['Lampadaire penché']);
    await expect(el).to.be.accessible();
  });
});
