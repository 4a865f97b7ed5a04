// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 16: a position outside every quartier's shape is refused by the core (`geo.outside-city`,
 * through the test API's real `gusp.observations.record`), and the form says so next to the
 * location, in the summary too, in French and English; nothing is stored.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../define/issue-form.js';
import { API, fill, until } from '../../test/helpers.js';
import * as outbox from '../internal/outbox.js';
import type { GuspIssueForm } from './issue-form.js';

const shadow = (el: GuspIssueForm): ShadowRoot => el.shadowRoot as ShadowRoot;
const text = (el: GuspIssueForm, selector: string): string =>
  (shadow(el).querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const summaryItems = (el: GuspIssueForm): string[] =>
  [...shadow(el).querySelectorAll('.error-summary li')].map((li) => (li.textContent ?? '').trim());
const stored = async (description: string): Promise<unknown[]> =>
  ((await (await fetch(`${API}/__test/observations`)).json()) as { description: string }[]).filter((o) => o.description === description);

describe('<gusp-issue-form>: a position outside the city’s quartiers (issue 16)', () => {
  beforeEach(async () => {
    localStorage.clear();
    for (const e of await outbox.pending(`${API}/observations`)) await outbox.remove(e.clientId);
  });
  afterEach(() => fixtureCleanup());

  for (const [lang, message] of [
    ['en', /^This position is outside the neighbourhoods of Valence/],
    ['fr', /^Cette position est en dehors des quartiers de Valence/],
  ] as const) {
    it(`says so next to the location and in the summary (${lang}), and stores nothing`, async () => {
      await executeServerCommand('set-geolocation', { latitude: 48.85, longitude: 2.35, accuracy: 20 });
      const el = await fixture<GuspIssueForm>(html`<gusp-issue-form lang=${lang} endpoint=${API} quartier-id="le-plan"></gusp-issue-form>`);
      await el.loaded;
      shadow(el).querySelector<HTMLButtonElement>('#locate')!.click();
      await until(() => /^Position (enregistrée|saved)/.test(text(el, '.position')));
      const description = `Paris (${Math.random().toString(36).slice(2, 8)})`;
      fill(shadow(el), { 'polarity-problem': true, theme: 'voirie', description });
      await el.submit();
      await until(() => summaryItems(el).length > 0, 6000);
      expect(summaryItems(el)).to.have.length(1);
      expect(summaryItems(el)[0]).to.match(message);
      expect(text(el, '#location-error')).to.match(message);
      expect(await stored(description)).to.deep.equal([]);
    });
  }
});
