// SPDX-License-Identifier: EUPL-1.2
/**
 * The issue form's address completion (issue 16), when the city profile names
 * a geocoder (`map.geocoder.url`), against a local fake of the Géoplateforme's
 * completion service answering its shape (test/tile-middleware.ts): suggestions
 * in a native `<datalist>` after a pause in the typing, no more than one request
 * per 100 ms, a suggestion chosen gives the point too, free text still goes,
 * and a geocoder that fails changes nothing. Without a geocoder, no request.
 */
import { valence } from '@gusp/core';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/issue-form.js';
import { API, fill, setNetwork, until } from '../../test/helpers.js';
import * as outbox from '../internal/outbox.js';
import type { GuspIssueForm } from './issue-form.js';

const shadow = (el: Element): ShadowRoot => el.shadowRoot as ShadowRoot;
const options = (el: GuspIssueForm): string[] =>
  [...shadow(el).querySelectorAll<HTMLOptionElement>('#address-suggestions option')].map((o) => o.value);
const requests = async (): Promise<{ texts: string[]; at: number[] }> => (await fetch('/__geocoder__/__requests')).json();
const stored = async (description: string): Promise<{ address?: string; point?: { lat: number; lon: number } }[]> =>
  (
    (await (await fetch(`${API}/__test/observations`)).json()) as {
      description: string;
      address?: string;
      point?: { lat: number; lon: number };
    }[]
  ).filter((o) => o.description === description);
const unique = (words: string): string => `${words} (${Math.random().toString(36).slice(2, 8)})`;

async function form(geocoderPath?: string): Promise<GuspIssueForm> {
  const city = geocoderPath ? { ...valence, map: { geocoder: { url: `${location.origin}${geocoderPath}` } } } : valence;
  const el = await fixture<GuspIssueForm>(
    html`<gusp-issue-form endpoint=${API} quartier-id="le-plan" .data=${{ city }}></gusp-issue-form>`,
  );
  await el.updateComplete;
  return el;
}

afterEach(() => fixtureCleanup());
// What the other files left in this origin goes first: a draft (its point « à 20 m près » came back here), the outbox, a cut network.
beforeEach(async () => {
  localStorage.clear();
  for (const e of await outbox.pending(`${API}/observations`)) await outbox.remove(e.clientId);
  await setNetwork('up');
  await fetch('/__geocoder__/__reset', { method: 'POST' });
});

describe('<gusp-issue-form> address completion', () => {
  it('suggests addresses after a pause in the typing, one request per 100 ms at most, and a chosen one gives the point', async () => {
    const el = await form('/__geocoder__/completion');
    const address = shadow(el).querySelector<HTMLInputElement>('#address')!;
    expect(address.getAttribute('list')).to.equal('address-suggestions');
    address.focus();
    await sendKeys({ type: '12 rue' });
    await until(() => options(el).length > 0, 3000);
    expect(options(el)).to.deep.equal(['12 Rue Louis Gallet, 26000 Valence', '12 Rue de la Forêt, 26000 Valence']);
    const asked = await requests();
    // Six keys typed, one pause: one request (the debounce), never two within 100 ms.
    expect(asked.texts).to.deep.equal(['12 rue']);
    for (let i = 1; i < asked.at.length; i++) expect(asked.at[i]! - asked.at[i - 1]!).to.be.at.least(100);

    // The browser's list puts the chosen suggestion in the field, as an input event.
    address.value = '12 Rue Louis Gallet, 26000 Valence';
    address.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(shadow(el).querySelector('.position')!.textContent.trim()).to.equal('Position enregistrée.');
    const description = unique('Dépôt sauvage');
    fill(shadow(el), { 'polarity-problem': true, theme: 'voirie', description });
    await el.submit();
    await until(() => (shadow(el).querySelector('.submit-status')?.textContent ?? '').length > 0, 6000);
    const [saved] = await stored(description);
    expect(saved).to.deep.include({ address: '12 Rue Louis Gallet, 26000 Valence', point: { lat: 44.9209, lon: 4.9137 } });
  });

  it('takes free text, and a geocoder that fails (here 503) changes nothing', async () => {
    const el = await form('/__geocoder__/down/completion');
    shadow(el).querySelector<HTMLInputElement>('#address')!.focus();
    await sendKeys({ type: 'Derrière le gymnase' });
    await new Promise((r) => setTimeout(r, 600));
    expect(options(el)).to.deep.equal([]);
    const description = unique('Banc cassé');
    fill(shadow(el), { 'polarity-problem': true, theme: 'voirie', description });
    await el.submit();
    await until(() => (shadow(el).querySelector('.submit-status')?.textContent ?? '').length > 0, 6000);
    const [saved] = await stored(description);
    expect(saved!.address).to.equal('Derrière le gymnase');
    expect(saved!.point).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('asks no one without a geocoder in the profile', async () => {
    const el = await form();
    const address = shadow(el).querySelector<HTMLInputElement>('#address')!;
    expect(address.hasAttribute('list')).to.equal(false);
    address.focus();
    await sendKeys({ type: '12 rue' });
    await new Promise((r) => setTimeout(r, 500));
    expect((await requests()).texts).to.deep.equal([]);
    expect(shadow(el).querySelector('datalist')).to.equal(null);
  });
});
