// SPDX-License-Identifier: EUPL-1.2
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define/inbox.js';
import { clean, shadow, until } from '../../test/helpers.js';
import { api, failNext, REAL, signInAs, walkIn } from '../../test/real.js';
import type { GuspConsoleInbox } from './inbox.js';

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...shadow(el).querySelectorAll<HTMLElement>(selector)];
const text = (el: Element, selector: string) => clean($(el, selector)?.textContent);
const focused = (el: Element) => (shadow(el).activeElement as HTMLElement | null)?.id ?? '';

interface Obs {
  readonly id: string;
  readonly status: string;
  readonly description: string;
  readonly organisationId?: string;
  readonly duplicateOf?: string;
  readonly rejectReason?: string;
  readonly note?: string;
  readonly photos: readonly { id: string; url?: string }[];
}

/** A finished walk of two stops with `descriptions` recorded at them (the first two at the first stop, same theme). */
async function walkWith(descriptions: readonly string[], photoId?: string): Promise<{ walkId: string; ids: string[] }> {
  const walkId = await walkIn('in-progress', { stops: 2 });
  const { walk } = await api<{ walk: { stops: { id: string }[] } }>('GET', `/walks/${walkId}`);
  const ids: string[] = [];
  for (const [i, description] of descriptions.entries()) {
    const o = await api<{ observationId: string }>('POST', '/observations', {
      walkId,
      source: 'walk',
      polarity: 'problem',
      stopId: walk.stops[i < 2 ? 0 : 1]!.id,
      themeId: i < 2 ? 'eclairage-public' : 'voirie',
      description,
      ...(photoId && i === 0 ? { photos: [{ id: photoId }] } : {}),
    });
    ids.push(o.observationId);
  }
  await api('POST', `/walks/${walkId}/finish`);
  return { walkId, ids };
}

const observationsOf = async (walkId: string) => (await api<{ observations: Obs[] }>('GET', `/observations?walk=${walkId}`)).observations;

async function inbox(walkId: string, lang = 'fr'): Promise<GuspConsoleInbox> {
  const el = await fixture<GuspConsoleInbox>(
    html`<gusp-console-inbox lang=${lang} endpoint=${REAL} walk-id=${walkId}></gusp-console-inbox>`,
  );
  await el.loaded;
  return el;
}

/** Presses keys one after the other, letting the screen render between them. */
async function press(el: GuspConsoleInbox, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    await sendKeys({ press: key });
    await el.updateComplete;
  }
}

afterEach(() => fixtureCleanup());

describe('<gusp-console-inbox> against the real server', () => {
  before(async () => {
    await signInAs('coordinator');
  });

  it('triages a walk with the keyboard only: one duplicate, one rejected, the rest qualified at once', async () => {
    const { walkId, ids } = await walkWith([
      'Lampadaire éteint devant le 12',
      'Lampadaire en panne au 12',
      'Nid-de-poule rue des Alpes',
      'Trottoir défoncé rue des Alpes',
      'Voiture ventouse',
    ]);
    const [o1, o2, o3, o4, o5] = ids as [string, string, string, string, string];
    const el = await inbox(walkId);
    expect(text(el, '#inbox-title')).to.match(/^Observations du diagnostic du /);
    expect(text(el, '#inbox-keys')).to.contain('qualifier');
    expect($$(el, '#inbox-list [data-observation]').map((li) => li.dataset.observation)).to.have.members(ids);
    expect($(el, '#inbox-counts [data-status="recorded"]')!.dataset.count).to.equal('5');
    const first = ($(el, '#inbox-detail') as HTMLElement).dataset.observation!;
    expect(text(el, '#inbox-stop')).to.equal(ids.indexOf(first) < 2 ? 'Halte 1' : 'Halte 2');
    await expect(el).to.be.accessible();

    // Into the list, then keys only.
    $(el, `#inbox-item-${first}`)!.focus();
    const order = $$(el, '#inbox-list [data-observation]').map((li) => li.dataset.observation!);
    const at = (id: string) => order.indexOf(id);
    const goTo = async (id: string) => {
      const from = at(($(el, '#inbox-detail') as HTMLElement).dataset.observation!);
      const steps = at(id) - from;
      await press(el, ...Array<string>(Math.abs(steps)).fill(steps > 0 ? 'j' : 'k'));
      expect(($(el, '#inbox-detail') as HTMLElement).dataset.observation).to.equal(id);
      expect(focused(el)).to.equal(`inbox-item-${id}`);
    };

    // d: the duplicate, chosen among the suggestions (the same stop's, same theme first).
    await goTo(o2);
    await press(el, 'd');
    await until(() => $(el, '[data-suggestion]') !== null, 8000, 'suggestions');
    await el.updateComplete;
    expect($$(el, '[data-suggestion]').map((s) => s.dataset.suggestion)[0]).to.equal(o1);
    expect(focused(el)).to.equal(`inbox-suggestion-${o1}`);
    expect(($(el, '#inbox-note') as HTMLTextAreaElement).value).to.contain('déjà été signalé');
    await expect(el).to.be.accessible();
    await press(el, 'Space', 'Tab', 'Tab', 'Enter');
    await until(() => text(el, '#inbox-said') === 'Observation marquée comme doublon.', 8000, 'duplicate done');

    // r: a reason is required; the template starts it, the person completes it.
    await goTo(o5);
    await press(el, 'r');
    expect(focused(el)).to.equal('inbox-reason');
    const reason = $(el, '#inbox-reason') as HTMLTextAreaElement;
    expect(reason.value).to.contain('ne relève pas');
    await sendKeys({ down: 'Control' });
    await press(el, 'a');
    await sendKeys({ up: 'Control' });
    await press(el, 'Backspace', 'Tab', 'Enter');
    expect(text(el, '#inbox-action-error')).to.equal('Indiquez un motif.');
    expect(focused(el)).to.equal('inbox-reason');
    await sendKeys({ type: 'stationnement privé, hors GUSP.' });
    await press(el, 'Tab', 'Enter');
    await until(() => text(el, '#inbox-said') === 'Observation écartée.', 8000, 'reject done');

    // x on the three left, then q: one bulk qualify.
    for (const id of [o1, o3, o4]) {
      await goTo(id);
      await press(el, 'x');
    }
    expect($(el, '#inbox-selected')!.dataset.count).to.equal('3');
    await press(el, 'q');
    expect(($(el, '#inbox-action-form') as HTMLElement).dataset.bulk).to.equal('true');
    expect(focused(el)).to.equal('inbox-organisation');
    await press(el, 'ArrowDown');
    expect(($(el, '#inbox-organisation') as HTMLSelectElement).value).to.equal('ville-de-valence');
    await expect(el).to.be.accessible();
    await press(el, 'Tab', 'Tab', 'Tab', 'Enter');
    await until(() => text(el, '#inbox-said') === '3 observations traitées.', 8000, 'bulk done');

    const after = new Map((await observationsOf(walkId)).map((o) => [o.id, o]));
    expect(after.get(o2)).to.include({ status: 'duplicate', duplicateOf: o1 });
    expect(after.get(o2)!.note).to.contain('déjà été signalé');
    expect(after.get(o5)!.status).to.equal('rejected');
    expect(after.get(o5)!.rejectReason).to.equal('stationnement privé, hors GUSP.');
    for (const id of [o1, o3, o4]) expect(after.get(id)).to.include({ status: 'qualified', organisationId: 'ville-de-valence' });
    await until(() => $(el, '#inbox-counts [data-status="qualified"]')?.dataset.count === '3', 8000, 'counts');
    expect($(el, '#inbox-counts [data-status="recorded"]')).to.equal(null);
    expect($(el, `#inbox-list [data-observation="${o2}"]`)!.dataset.status).to.equal('duplicate');

    // s: resolve one, from its button this time.
    await goTo(o3);
    expect($(el, '#inbox-qualify')).to.equal(null);
    ($(el, '#inbox-resolve') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(($(el, '#inbox-note') as HTMLTextAreaElement).value).to.contain('réglé');
    ($(el, '#inbox-send') as HTMLButtonElement).click();
    await until(() => text(el, '#inbox-said') === 'Observation marquée comme résolue.', 8000, 'resolve done');
  });

  it('never takes a key typed in a field, and refuses an action the status does not allow', async () => {
    const { walkId, ids } = await walkWith(['Banc cassé', 'Poubelle pleine']);
    const el = await inbox(walkId);
    $(el, `#inbox-item-${ids[0]}`)!.focus();
    await press(el, 'r');
    expect(focused(el)).to.equal('inbox-reason');
    // j, k, q, d, s, x typed in the reason stay in the reason.
    await sendKeys({ type: 'jkqdsx' });
    expect(($(el, '#inbox-reason') as HTMLTextAreaElement).value).to.match(/jkqdsx$/);
    expect(($(el, '#inbox-action-form') as HTMLElement).dataset.action).to.equal('reject');
    await press(el, 'Escape');
    expect($(el, '#inbox-action-form')).to.equal(null);
    expect(focused(el)).to.equal(`inbox-item-${ids[0]}`);
    await press(el, 's');
    expect(text(el, '#inbox-said')).to.equal('Cette action n’est pas possible pour une observation dans ce statut.');
  });

  it('keeps what was entered through a network failure, and applies it once when sent again', async () => {
    const { walkId, ids } = await walkWith(['Graffiti sur l’abribus']);
    const el = await inbox(walkId);
    $(el, `#inbox-item-${ids[0]}`)!.focus();
    await press(el, 'q', 'ArrowDown', 'ArrowDown');
    const organisation = ($(el, '#inbox-organisation') as HTMLSelectElement).value;
    expect(organisation).to.not.equal('');
    await failNext(`/observations/${ids[0]}/qualify`, 0, 1);
    await press(el, 'Tab', 'Tab', 'Tab', 'Enter');
    await until(() => $(el, '#inbox-action-error') !== null, 8000, 'failure shown');
    expect(text(el, '#inbox-action-error')).to.contain('Votre saisie est conservée');
    expect(($(el, '#inbox-organisation') as HTMLSelectElement).value).to.equal(organisation);
    expect(focused(el)).to.equal('inbox-send');
    await press(el, 'Enter');
    await until(() => text(el, '#inbox-said') === 'Observation qualifiée.', 8000, 'sent again');
    const [o] = await observationsOf(walkId);
    expect(o).to.include({ status: 'qualified', organisationId: organisation });
  });

  it('blurs a region of a photo set with the keyboard: the served photo changes', async () => {
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [200, 150];
    const g = canvas.getContext('2d')!;
    for (let x = 0; x < 200; x += 10)
      for (let y = 0; y < 150; y += 10) {
        g.fillStyle = (x + y) % 20 === 0 ? '#000' : '#fff';
        g.fillRect(x, y, 10, 10);
      }
    const jpeg = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.95));
    const uploaded = await fetch(`${REAL}/photos`, { method: 'POST', headers: { 'Content-Type': 'image/jpeg' }, body: jpeg });
    const { id: photoId } = (await uploaded.json()) as { id: string };
    // The real server is mounted under /real here: its photo URLs name its own public URL.
    const url = `${REAL}/photos/${photoId}`;
    const before = new Uint8Array(await (await fetch(url)).arrayBuffer());
    const { walkId, ids } = await walkWith(['Plaque lisible sur la photo'], photoId);
    const el = await inbox(walkId);
    $(el, `#inbox-redact-${photoId}`)!.focus();
    await press(el, 'Enter');
    await until(() => $(el, '#inbox-redaction-size') !== null, 8000, 'image loaded');
    expect(text(el, '#inbox-redaction-size')).to.equal('Photo de 200 × 150 pixels.');
    expect(focused(el)).to.equal('inbox-region-add');
    await press(el, 'Enter');
    expect(focused(el)).to.equal('inbox-region-0');
    await press(el, 'ArrowLeft', 'ArrowUp');
    await sendKeys({ down: 'Shift' });
    await press(el, 'ArrowRight');
    await sendKeys({ up: 'Shift' });
    expect(($(el, '#inbox-region-0-x') as HTMLInputElement).value).to.equal('71');
    expect(($(el, '#inbox-region-0-width') as HTMLInputElement).value).to.equal('54');
    await expect(el).to.be.accessible();
    $(el, '#inbox-redaction-send')!.focus();
    await press(el, 'Enter');
    await until(() => text(el, '#inbox-said') === 'Photo floutée : l’originale a été supprimée.', 8000, 'redacted');
    const after = new Uint8Array(await (await fetch(url, { cache: 'no-store' })).arrayBuffer());
    expect(after.length).to.be.greaterThan(0);
    expect(after.join(',')).to.not.equal(before.join(','));
    expect(ids).to.have.length(1);
    expect(focused(el)).to.equal(`inbox-redact-${photoId}`);
  });

  it('speaks English, and fits 320 px', async () => {
    const { walkId } = await walkWith(['Lampadaire éteint', 'Lampadaire en panne']);
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await inbox(walkId, 'en');
      expect(text(el, '#inbox-title')).to.match(/^Observations of the walk of /);
      expect(text(el, '#inbox-keys')).to.contain('next observation');
      expect(text(el, '#inbox-counts')).to.contain('Recorded: 2');
      expect(el.scrollWidth).to.be.at.most(320);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });
});
