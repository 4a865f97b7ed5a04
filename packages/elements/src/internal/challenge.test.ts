// SPDX-License-Identifier: EUPL-1.2
/**
 * Proof of work (issue 10, finding 4) and the outbox's contact expiry, in Chromium against the
 * test API, which issues and checks real ALTCHA challenges with altcha-lib as the server does.
 */
import type { RecordObservationInput } from '@gusp/core';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../define/issue-form.js';
import '../define/walk-signup.js';
import { API, createWalk, fill, setNetwork, uniqueEmail, until } from '../../test/helpers.js';
import type { GuspIssueForm } from '../issue-form/issue-form.js';
import type { GuspWalkSignup } from '../walk-signup/walk-signup.js';
import { solve, type Challenge } from './challenge.js';
import * as outbox from './outbox.js';

const post = async (path: string, body: unknown) =>
  fetch(`${API}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const setChallenge = (on: boolean, maxNumber?: number) => post('/__test/challenge', { on, maxNumber });
const counts = async (): Promise<{ issued: number; accepted: number; refused: number }> => (await fetch(`${API}/__test/challenge`)).json();
const challenge = async (): Promise<Challenge> => (await fetch(`${API}/challenge`)).json();
const signUp = (walkId: string, headers: Record<string, string>) =>
  fetch(`${API}/walks/${walkId}/registrations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ name: 'Sam', email: uniqueEmail('sam'), consent: true }),
  });
const buttonText = (el: HTMLElement) => (el.shadowRoot?.querySelector('button[type=submit]')?.textContent ?? '').trim();
const unique = (words: string): string => `${words} (${Math.random().toString(36).slice(2, 8)})`;
const reporters = async (description: string) =>
  ((await (await fetch(`${API}/__test/reporters`)).json()) as { description: string; reporter: unknown }[]).filter(
    (o) => o.description === description,
  );

describe('proof of work (ALTCHA), when the server asks for it', () => {
  beforeEach(async () => {
    await setNetwork('up');
    await setChallenge(true);
  });
  afterEach(async () => {
    await setChallenge(false);
    await setNetwork('up');
  });

  it('solve() finds the number of a real altcha-lib challenge; the API takes the solution once', async () => {
    const walkId = await createWalk({ capacity: 10 });
    const solution = await solve(await challenge());
    expect((await signUp(walkId, { 'X-Altcha': solution })).status).to.equal(201);
    const again = await signUp(walkId, { 'X-Altcha': solution });
    expect(again.status).to.equal(403);
    expect(((await again.json()) as { error: { code: string; details: { reason: string } } }).error).to.deep.include({
      code: 'request.challenge-invalid',
      details: { challenge: `${location.origin}${API}/challenge`, reason: 'spent' },
    });
  });

  it('the API refuses a wrong solution, and a write without one', async () => {
    const walkId = await createWalk({ capacity: 10 });
    const c = await challenge();
    const right = JSON.parse(atob(await solve(c))) as { number: number };
    const wrong = btoa(JSON.stringify({ ...c, number: right.number + 1 }));
    const refused = await signUp(walkId, { 'X-Altcha': wrong });
    expect(refused.status).to.equal(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).to.equal('request.challenge-invalid');
    const none = await signUp(walkId, {});
    expect(((await none.json()) as { error: { code: string } }).error.code).to.equal('request.challenge-required');
  });

  it('<gusp-walk-signup> signs up: « Envoi en cours… » while it solves, then the receipt; the next sign-up solves first', async () => {
    await setChallenge(true, 100_000);
    const walkId = await createWalk({ capacity: 10 });
    const el = await fixture<GuspWalkSignup>(html`<gusp-walk-signup endpoint=${API} walk-id=${walkId}></gusp-walk-signup>`);
    await el.loaded;
    fill(el.shadowRoot!, { name: 'Camille', email: uniqueEmail('camille'), consent: true });
    const registered = oneEvent(el, 'gusp-registered');
    void el.submit();
    await until(() => buttonText(el) === 'Envoi en cours…');
    expect((await registered).detail.receipt.status).to.equal('confirmed');
    // The first attempt learnt that this server asks; one challenge, solved and accepted.
    expect(await counts()).to.deep.equal({ issued: 1, accepted: 1, refused: 1 });

    const next = await fixture<GuspWalkSignup>(html`<gusp-walk-signup endpoint=${API} walk-id=${walkId}></gusp-walk-signup>`);
    await next.loaded;
    fill(next.shadowRoot!, { name: 'Dominique', email: uniqueEmail('dominique'), consent: true });
    const again = oneEvent(next, 'gusp-registered');
    await next.submit();
    expect((await again).detail.receipt.status).to.equal('confirmed');
    expect(await counts()).to.deep.equal({ issued: 2, accepted: 2, refused: 1 });
  });

  it('<gusp-issue-form> sends a report: its button says « Envoi en cours… » while it solves', async () => {
    await setChallenge(true, 100_000);
    const el = await fixture<GuspIssueForm>(html`<gusp-issue-form endpoint=${API} quartier-id="valensolles"></gusp-issue-form>`);
    await el.loaded;
    expect(buttonText(el)).to.equal('Envoyer');
    const description = unique('Trottoir défoncé');
    fill(el.shadowRoot!, { 'polarity-problem': true, theme: 'voirie', description, address: 'Rue des Alpes' });
    const observed = oneEvent(el, 'gusp-observed');
    const submitted = el.submit();
    await until(() => buttonText(el) === 'Envoi en cours…');
    expect(el.shadowRoot!.querySelector('button[type=submit]')!.getAttribute('aria-disabled')).to.equal('true');
    await observed;
    await submitted;
    expect(buttonText(el)).to.equal('Envoyer');
    expect(await reporters(description)).to.have.length(1);
    expect((await counts()).accepted).to.equal(1);
  });

  it('a server that stops asking is written to without: the observation is not lost to a 404 challenge', async () => {
    const el = await fixture<GuspIssueForm>(html`<gusp-issue-form endpoint=${API} quartier-id="valensolles"></gusp-issue-form>`);
    await el.loaded;
    const first = unique('Nid-de-poule');
    fill(el.shadowRoot!, { 'polarity-problem': true, theme: 'voirie', description: first, address: 'Rue Faventines' });
    await el.submit();
    expect(await reporters(first)).to.have.length(1);
    await setChallenge(false);
    const second = unique('Panneau tombé');
    fill(el.shadowRoot!, { 'polarity-problem': true, theme: 'voirie', description: second, address: 'Rue Faventines' });
    await el.submit();
    expect(await reporters(second)).to.have.length(1);
  });

  it('an observation queued offline fetches a fresh challenge when it is finally sent', async () => {
    const el = await fixture<GuspIssueForm>(html`<gusp-issue-form endpoint=${API} quartier-id="valensolles"></gusp-issue-form>`);
    await el.loaded;
    const description = unique('Abribus cassé');
    await setNetwork('down');
    fill(el.shadowRoot!, { 'polarity-problem': true, theme: 'voirie', description, address: 'Avenue de Romans' });
    await el.submit();
    expect(el.shadowRoot!.querySelector('.pending')).to.not.equal(null);
    const before = await counts();
    await setNetwork('up');
    await el.flush();
    expect(await reporters(description)).to.have.length(1);
    const after = await counts();
    expect(after.issued).to.be.greaterThan(before.issued);
    expect(after.accepted).to.equal(before.accepted + 1);
  });
});

describe('the device outbox forgets the reporter’s contact after 24 h (issue 10)', () => {
  afterEach(() => setNetwork('up'));

  const entry = (description: string, hoursAgo: number): outbox.OutboxEntry<RecordObservationInput> => ({
    clientId: `outbox-${Math.random().toString(36).slice(2, 10)}`,
    url: `${API}/observations`,
    createdAt: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
    body: {
      quartierId: 'valensolles',
      polarity: 'problem',
      themeId: 'voirie',
      description,
      address: 'Place Saint-Jean',
      reporter: { name: 'Alex Martin', email: 'alex.martin@example.org', phone: '06 11 22 33 44', consent: true },
    },
  });

  it('a queued observation older than 24 h loses name, email and phone on the device, and is still sent without them', async () => {
    const old = entry(unique('Fuite d’eau'), 25);
    const fresh = entry(unique('Grille tordue'), 2);
    await outbox.put(old);
    await outbox.put(fresh);
    await setNetwork('down');
    const el = await fixture<GuspIssueForm>(html`<gusp-issue-form endpoint=${API} quartier-id="valensolles"></gusp-issue-form>`);
    await el.loaded;
    // Read straight from IndexedDB: what a person at this computer could find.
    const kept = await outbox.pending<RecordObservationInput>(`${API}/observations`);
    const body = (id: string) => kept.find((e) => e.clientId === id)?.body;
    expect(body(old.clientId)).to.exist;
    expect(body(old.clientId)).to.not.have.property('reporter');
    expect(JSON.stringify(body(old.clientId))).to.not.match(/Alex|alex\.martin|06 11/);
    expect(body(old.clientId)?.description).to.equal(old.body.description);
    expect(body(fresh.clientId)?.reporter).to.deep.equal(fresh.body.reporter);

    await setNetwork('up');
    await el.flush();
    expect(await reporters(old.body.description)).to.deep.equal([{ description: old.body.description, reporter: null }]);
    const [sentFresh] = await reporters(fresh.body.description);
    expect(sentFresh?.reporter).to.deep.include({ name: 'Alex Martin', email: 'alex.martin@example.org' });
    expect(await outbox.pending(`${API}/observations`)).to.deep.equal([]);
  });
});
