// SPDX-License-Identifier: EUPL-1.2
import { valence } from '@gusp/core';
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../define/issue-form.js';
import { runElementBaseTests } from '../../test/element-base-tests.js';
import { API, ageDrafts, createWalk, fill, setNetwork, storedDrafts, until } from '../../test/helpers.js';
import * as outbox from '../internal/outbox.js';
import type { GuspIssueForm } from './issue-form.js';

interface StoredObservation {
  description: string;
  polarity: string;
  themeId: string;
  walkId?: string;
  stopId?: string;
  address?: string;
  point?: { lat: number; lon: number };
  source: string;
}

const shadow = (el: GuspIssueForm): ShadowRoot => el.shadowRoot as ShadowRoot;
const $ = <T extends Element = HTMLElement>(el: GuspIssueForm, selector: string): T | null => shadow(el).querySelector<T>(selector);
const text = (el: GuspIssueForm, selector: string): string => ($(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const focusedId = (el: GuspIssueForm): string | undefined => {
  const active = shadow(el).activeElement as HTMLElement | null;
  return active?.id || active?.className;
};
const summaryItems = (el: GuspIssueForm): string[] =>
  [...shadow(el).querySelectorAll('.error-summary li')].map((li) => (li.textContent ?? '').trim());

/**
 * A camera-like JPEG: `width`×`height` pixels, with an EXIF APP1 segment
 * (a TIFF header and a fake GPS string) right after SOI, as phones write them.
 */
async function cameraPhoto(width: number, height: number, name = 'IMG_0001.jpg'): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#2a6f97';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#f4d35e';
  ctx.fillRect(width / 4, height / 4, width / 2, height / 2);
  const jpeg = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
  const payload = new TextEncoder().encode('Exif\0\0II*\0\x08\0\0\0\0\0GPS 44.9334N 4.8924E Pixel 9');
  const app1 = new Uint8Array([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload]);
  return new File([jpeg.subarray(0, 2), app1, jpeg.subarray(2)], name, { type: 'image/jpeg' });
}

/** Whether JPEG bytes hold an EXIF APP1 segment, and the size its SOF marker gives. */
function readJpeg(bytes: Uint8Array): { exif: boolean; width: number; height: number } {
  let exif = false;
  for (let at = 2; at + 8 < bytes.length && bytes[at] === 0xff; at += 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!)) {
    const marker = bytes[at + 1]!;
    if (marker === 0xe1 && new TextDecoder().decode(bytes.subarray(at + 4, at + 8)) === 'Exif') exif = true;
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { exif, height: (bytes[at + 5]! << 8) | bytes[at + 6]!, width: (bytes[at + 7]! << 8) | bytes[at + 8]! };
    }
  }
  return { exif, width: 0, height: 0 };
}

/** Chooses files in the photo input, as the file picker would. */
async function choosePhotos(el: GuspIssueForm, files: File[]): Promise<void> {
  const input = $<HTMLInputElement>(el, '#photos')!;
  const transfer = new DataTransfer();
  for (const f of files) transfer.items.add(f);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.photosReady;
}

const stored = async (description: string): Promise<StoredObservation[]> =>
  ((await (await fetch(`${API}/__test/observations`)).json()) as StoredObservation[]).filter((o) => o.description === description);
const unique = (words: string): string => `${words} (${Math.random().toString(36).slice(2, 8)})`;

const resident = (lang?: string): Promise<GuspIssueForm> =>
  lang
    ? fixture<GuspIssueForm>(html`<gusp-issue-form lang=${lang} .data=${{ city: valence }}></gusp-issue-form>`)
    : fixture<GuspIssueForm>(html`<gusp-issue-form .data=${{ city: valence }}></gusp-issue-form>`);

async function fromApi(attributes: { walkId?: string; quartierId?: string } = {}): Promise<GuspIssueForm> {
  const el = await fixture<GuspIssueForm>(
    attributes.walkId
      ? html`<gusp-issue-form endpoint=${API} walk-id=${attributes.walkId}></gusp-issue-form>`
      : html`<gusp-issue-form endpoint=${API} quartier-id=${attributes.quartierId ?? 'le-plan'}></gusp-issue-form>`,
  );
  await el.loaded;
  return el;
}

async function clearOutbox(): Promise<void> {
  for (const url of [`${API}/observations`]) for (const e of await outbox.pending(url)) await outbox.remove(e.clientId);
}

beforeEach(async () => {
  localStorage.clear();
  await clearOutbox();
  await setNetwork('up');
});
afterEach(async () => {
  fixtureCleanup();
  await setNetwork('up');
});

runElementBaseTests({
  tag: 'gusp-issue-form',
  data: () => ({ city: valence }),
  heading: { fr: 'Signaler un problème ou un point positif', en: 'Report a problem or something that works well' },
  loading: 'Chargement du formulaire de signalement…',
  fromApi: async () => ({ attributes: { endpoint: API }, path: '/city' }),
  change: async () => ({
    attribute: 'walk-id',
    value: await createWalk({ then: 'start' }),
    shown: (root) => root.querySelector('#stop') !== null,
  }),
});

describe('gusp-issue-form', () => {
  it('is accessible', async () => {
    const el = await resident();
    await expect(el).to.be.accessible();
  });

  describe('accessibility in every state', () => {
    it('is accessible with the error summary, and in English', async () => {
      const el = await resident('en');
      await el.submit();
      expect($(el, '.error-summary')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('is accessible during a walk, with observations waiting to be sent', async () => {
      const walkId = await createWalk({ then: 'start' });
      const el = await fromApi({ walkId });
      await setNetwork('down');
      fill(shadow(el), { 'polarity-problem': true, theme: 'voirie', description: unique('Trottoir défoncé'), address: 'Rue des Bleuets' });
      await el.submit();
      expect($(el, '.pending')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('is accessible once sent, and when the position is refused', async () => {
      const el = await fromApi();
      fill(shadow(el), {
        'polarity-positive': true,
        theme: 'espaces-verts',
        description: unique('Jardin partagé bien tenu'),
        address: 'Jardin des Bleuets',
      });
      await el.submit();
      expect(text(el, '.submit-status')).to.equal('Merci ! Votre observation est enregistrée.');
      await executeServerCommand('set-geolocation', null);
      await el.locate();
      await el.updateComplete;
      expect(text(el, '.position')).to.equal('Votre position n’est pas disponible. Indiquez une adresse ou un repère.');
      await expect(el).to.be.accessible();
    });
  });

  describe('the form', () => {
    it('offers both polarities and the city’s themes grouped by axis', async () => {
      const el = await resident();
      expect([...shadow(el).querySelectorAll('input[name=polarity] + label')].map((l) => l.textContent)).to.deep.equal([
        'Point positif',
        'Dysfonctionnement',
      ]);
      const groups = [...shadow(el).querySelectorAll<HTMLOptGroupElement>('#theme optgroup')];
      expect(groups.map((g) => g.label)).to.deep.equal(valence.axes.map((a) => a.name));
      expect([...groups[0]!.querySelectorAll('option')].map((o) => o.textContent)).to.deep.equal([
        'Nettoyage des lieux publics',
        'Tri sélectif',
      ]);
    });

    it('shows a French error summary that receives focus, with the location rule of the core', async () => {
      const el = await resident();
      fill(shadow(el), { 'reporter-email': 'a@example.org' });
      await el.submit();
      expect(focusedId(el)).to.equal('error-summary');
      expect($(el, '.error-summary')!.getAttribute('role')).to.equal('alert');
      // Each message names its field (never four times « Ce champ est obligatoire. »), in the summary and inline.
      expect(summaryItems(el)).to.deep.equal([
        'Indiquez si vous signalez un point positif ou un dysfonctionnement.',
        'Choisissez une thématique.',
        'Décrivez ce que vous avez vu.',
        'Choisissez un quartier.',
        'Indiquez où se trouve ce point : une halte, une position ou une adresse.',
        'Votre accord est nécessaire pour garder vos coordonnées.',
      ]);
      expect($(el, '#description')!.getAttribute('aria-describedby')).to.equal('description-hint description-error');
      expect(['polarity', 'themeId', 'description', 'quartierId'].map((t) => text(el, `#${t}-error`))).to.deep.equal(
        summaryItems(el).slice(0, 4),
      );
      expect($(el, '#address')!.getAttribute('aria-invalid')).to.equal('true');
    });

    it('shows the error summary in English', async () => {
      const el = await resident('en');
      fill(shadow(el), { 'polarity-problem': true, theme: 'voirie', quartier: 'polygone', description: 'Pothole' });
      await el.submit();
      expect(text(el, '.error-summary h3')).to.equal('There is 1 problem with the form');
      expect(summaryItems(el)).to.deep.equal(['Say where this is: a stop, a position or an address.']);
    });

    it('uses the position of the device when allowed', async () => {
      await executeServerCommand('set-geolocation', { latitude: 44.9205, longitude: 4.9128, accuracy: 12 });
      const el = await fromApi();
      $<HTMLButtonElement>(el, '#locate')!.click();
      await until(() => text(el, '.position').startsWith('Position'));
      expect(text(el, '.position')).to.equal('Position enregistrée (à 12 m près).');
      const description = unique('Banc cassé');
      fill(shadow(el), { 'polarity-problem': true, theme: 'espaces-publics-jeux', description });
      await el.submit();
      const [saved] = await stored(description);
      expect(saved?.point).to.deep.equal({ lat: 44.9205, lon: 4.9128 });
      expect(saved?.address).to.be.undefined;
    });
  });

  describe('says what is wrong and where focus goes (issue 11)', () => {
    it('names the fields in English, and prefixes a message that does not with its field', async () => {
      const el = await resident('en');
      fill(shadow(el), { description: 'x'.repeat(5000) });
      await el.submit();
      const items = summaryItems(el);
      expect(items.slice(0, 2)).to.deep.equal(['Say whether you are reporting a positive point or a problem.', 'Choose a theme.']);
      expect(items[2]).to.match(/^Description: /);
      expect(items[3]).to.equal('Choose a neighbourhood.');
      expect(text(el, '#description-error')).to.equal(items[2]);
    });

    it('exposes the required state of its radio group and selects', async () => {
      const el = await resident();
      expect([...shadow(el).querySelectorAll<HTMLInputElement>('input[name=polarity]')].map((r) => r.required)).to.deep.equal([true, true]);
      expect(['#theme', '#quartier'].map((s) => $<HTMLSelectElement>(el, s)!.required)).to.deep.equal([true, true]);
      expect($<HTMLTextAreaElement>(el, '#description')!.required).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('keeps focus on the position button through « Utiliser ma position » and « Retirer la position »', async () => {
      await executeServerCommand('set-geolocation', { latitude: 44.9205, longitude: 4.9128, accuracy: 12 });
      const el = await resident();
      $<HTMLButtonElement>(el, '#locate')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => text(el, '.position').startsWith('Position'));
      await el.updateComplete;
      expect(document.activeElement?.localName, 'focus is in the form, not on <body>').to.equal('gusp-issue-form');
      expect(focusedId(el)).to.equal('locate');
      expect(text(el, '#locate')).to.equal('Retirer la position');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(document.activeElement?.localName, 'focus is in the form, not on <body>').to.equal('gusp-issue-form');
      expect(focusedId(el)).to.equal('locate');
      expect(text(el, '#locate')).to.equal('Utiliser ma position');
      expect(text(el, '.position')).to.equal('');
    });

    it('moves focus to the last « Retirer » when the third photo fills the picker, and back to the picker when it is removed', async () => {
      const el = await resident();
      const photos = await Promise.all([1, 2, 3].map((n) => cameraPhoto(400, 300, `IMG_000${n}.jpg`)));
      $<HTMLInputElement>(el, '#photos')!.focus();
      await choosePhotos(el, photos);
      expect($<HTMLInputElement>(el, '#photos')!.disabled).to.equal(true);
      expect(document.activeElement?.localName, 'focus is in the form, not on <body>').to.equal('gusp-issue-form');
      expect(shadow(el).activeElement?.getAttribute('aria-label')).to.equal('Retirer la photo 3');
      await sendKeys({ press: 'Enter' });
      await until(() => shadow(el).querySelectorAll('.thumbnails li').length === 2);
      await el.updateComplete;
      expect(document.activeElement?.localName, 'focus is in the form, not on <body>').to.equal('gusp-issue-form');
      expect(focusedId(el)).to.equal('photos');
    });

    it('announces a queued observation once « Envoyer maintenant » sent it, drops « Pas de réseau », and keeps focus off <body>', async () => {
      const el = await fromApi();
      const description = unique('Banc arraché');
      await setNetwork('down');
      fill(shadow(el), { 'polarity-problem': true, theme: 'voirie', description, address: 'Square des Lilas' });
      await el.submit();
      expect(text(el, '.submit-status')).to.match(/^Pas de réseau/);
      expect($(el, '.outbox-status')!.getAttribute('role')).to.equal('status');
      expect(text(el, '.outbox-status')).to.equal('');
      await setNetwork('up');
      $<HTMLButtonElement>(el, '.pending button')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !$(el, '.pending') && focusedId(el) === 'outbox-status');
      expect(document.activeElement?.localName, 'focus is in the form, not on <body>').to.equal('gusp-issue-form');
      expect(text(el, '.outbox-status')).to.equal('Votre observation en attente a été envoyée. Merci !');
      expect($(el, '.submit-status')).to.equal(null);
      expect(await stored(description)).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('announces what the network sends by itself when it comes back', async () => {
      const el = await fromApi();
      await setNetwork('down');
      for (const d of ['Tag sur le mur', 'Poubelle renversée']) {
        fill(shadow(el), { 'polarity-problem': true, theme: 'voirie', description: unique(d), address: 'Rue des Lilas' });
        await el.submit();
      }
      await setNetwork('up');
      window.dispatchEvent(new Event('online'));
      await until(() => !$(el, '.pending'));
      await el.updateComplete;
      expect(text(el, '.outbox-status')).to.equal('Vos 2 observations en attente ont été envoyées. Merci !');
      expect($(el, '.submit-status')).to.equal(null);
    });

    it('sends by itself what an `online` event came too early for (the network not back yet): retried, recorded once', async () => {
      const el = await fromApi();
      const description = unique('Lampadaire éteint');
      await setNetwork('down');
      fill(shadow(el), { 'polarity-problem': true, theme: 'voirie', description, address: 'Rue des Lilas' });
      await el.submit();
      // The browser says online while requests still fail (Chromium's offline mode turned off): that flush fails.
      window.dispatchEvent(new Event('online'));
      await el.flush();
      expect(text(el, '.pending h3')).to.equal('1 observation en attente d’envoi');
      await setNetwork('up');
      // No other event: the outbox tries again by itself (after 2 s, then 4 s…).
      await until(() => !$(el, '.pending'), 10_000);
      expect(await stored(description)).to.have.length(1);
    });
  });

  describe('submitting', () => {
    it('can be completed with the keyboard only', async () => {
      const page = await fixture<HTMLDivElement>(
        html`<div><button id="before">Avant</button><gusp-issue-form endpoint=${API} quartier-id="valensolles"></gusp-issue-form></div>`,
      );
      const el = page.querySelector('gusp-issue-form') as GuspIssueForm;
      await el.loaded;
      const description = unique('Lampadaire éteint');
      page.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(focusedId(el)).to.equal('polarity-positive');
      await sendKeys({ press: 'ArrowRight' }); // moves to and checks « Dysfonctionnement »
      expect(focusedId(el)).to.equal('polarity-problem');
      await sendKeys({ press: 'Tab' });
      expect(focusedId(el)).to.equal('theme');
      await sendKeys({ press: 'ArrowDown' }); // the first theme: « Nettoyage des lieux publics »
      await sendKeys({ press: 'Tab' });
      expect(focusedId(el)).to.equal('description');
      await sendKeys({ type: description });
      await sendKeys({ press: 'Tab' });
      expect(focusedId(el)).to.equal('address');
      await sendKeys({ type: 'Allée des Tilleuls' });
      // « Utiliser ma position », « Choisir le point sur une carte », the photos, the name, email, phone and consent are optional:
      // through them to the button.
      for (let i = 0; i < 8; i++) await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement?.getAttribute('type')).to.equal('submit');
      const observed = oneEvent(el, 'gusp-observed');
      await sendKeys({ press: 'Enter' });
      await observed;
      const [saved] = await stored(description);
      expect(saved).to.include({ polarity: 'problem', themeId: 'nettoyage', address: 'Allée des Tilleuls', source: 'resident' });
    });

    it('fires a cancelable, bubbling, composed gusp-observe with a client id; when prevented, nothing is sent', async () => {
      const el = await fromApi();
      const description = unique('Tags sur le mur');
      fill(shadow(el), { 'polarity-problem': true, theme: 'embellissement', description, address: 'Mur du gymnase' });
      const prevent = (e: Event) => e.preventDefault();
      document.addEventListener('gusp-observe', prevent);
      try {
        const fired = oneEvent(el, 'gusp-observe');
        await el.submit();
        const event = await fired;
        expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, true, true]);
        expect(event.detail.clientId).to.match(/^[A-Za-z0-9_-]{21}$/);
        expect(event.detail.input).to.include({
          polarity: 'problem',
          themeId: 'embellissement',
          quartierId: 'le-plan',
          address: 'Mur du gymnase',
        });
      } finally {
        document.removeEventListener('gusp-observe', prevent);
      }
      expect(await stored(description)).to.have.length(0);
    });

    it('follows a new quartier-id: the heading and the observation name the new quartier', async () => {
      const el = await fromApi({ quartierId: 'le-plan' });
      el.setAttribute('quartier-id', 'fontbarlettes');
      await el.updateComplete;
      expect(text(el, 'h2')).to.equal('Signaler un problème ou un point positif – Fontbarlettes');
      fill(shadow(el), {
        'polarity-positive': true,
        theme: 'espaces-verts',
        description: unique('Square fleuri'),
        address: 'Square central',
      });
      el.addEventListener('gusp-observe', (e) => e.preventDefault(), { once: true });
      const fired = oneEvent(el, 'gusp-observe');
      await el.submit();
      expect((await fired).detail.input.quartierId).to.equal('fontbarlettes');
    });

    it('during a walk, keeps walk, stop, theme and polarity after each submit, for quick entries', async () => {
      const walkId = await createWalk({ then: 'start' });
      const el = await fromApi({ walkId });
      const stops = [...shadow(el).querySelectorAll<HTMLOptionElement>('#stop option')].map((o) => o.textContent?.trim());
      expect(stops).to.deep.equal(['Aucune halte', '1. Parvis de la maison de quartier', '2. Square des Bleuets']);
      const stopId = shadow(el).querySelectorAll<HTMLOptionElement>('#stop option')[2]!.value;
      const first = unique('Poubelle débordante');
      fill(shadow(el), { 'polarity-problem': true, theme: 'nettoyage', stop: stopId, description: first });
      await el.submit();
      expect($<HTMLTextAreaElement>(el, '#description')!.value).to.equal('');
      expect(focusedId(el)).to.equal('description');
      expect($<HTMLSelectElement>(el, '#stop')!.value).to.equal(stopId);
      expect($<HTMLSelectElement>(el, '#theme')!.value).to.equal('nettoyage');
      expect($<HTMLInputElement>(el, '#polarity-problem')!.checked).to.be.true;
      const second = unique('Encombrants');
      fill(shadow(el), { description: second });
      await el.submit();
      for (const d of [first, second]) {
        expect(await stored(d)).to.deep.equal([
          { description: d, polarity: 'problem', themeId: 'nettoyage', walkId, stopId, source: 'walk' },
        ]);
      }
    });

    it('keeps the form filled and shows the refusal when the server says no', async () => {
      // Registrations are open but the walk has not started: residents report outside walks, not in them.
      const walkId = await createWalk();
      const el = await fromApi({ walkId });
      const description = unique('Grille ouverte');
      fill(shadow(el), { 'polarity-problem': true, theme: 'securite', description, address: 'Entrée du parc' });
      await el.submit();
      expect(summaryItems(el)[0]).to.contain('Ce diagnostic n’est pas en cours');
      expect($<HTMLTextAreaElement>(el, '#description')!.value).to.equal(description);
      expect(await outbox.pending(`${API}/observations`)).to.have.length(0);
    });
  });

  describe('offline', () => {
    it('keeps an observation on the device when the network is cut, and sends it once on the next visit', async () => {
      const el = await fromApi();
      const description = unique('Éclairage en panne');
      await setNetwork('down');
      fill(shadow(el), { 'polarity-problem': true, theme: 'eclairage-public', description, address: 'Passage des Lilas' });
      const queued = oneEvent(el, 'gusp-observation-queued');
      await el.submit();
      expect((await queued).detail.pending).to.equal(1);
      expect(text(el, '.submit-status')).to.contain('votre observation est gardée sur cet appareil');
      expect(text(el, '.pending h3')).to.equal('1 observation en attente d’envoi');
      expect(text(el, '.pending li')).to.contain('en attente d’envoi');
      expect(await stored(description)).to.have.length(0);

      // The person leaves; later the network is back and they open the page again.
      fixtureCleanup();
      await setNetwork('up');
      const next = await fromApi();
      await until(() => !$(next, '.pending'));
      expect(await stored(description)).to.have.length(1);
      expect(await outbox.pending(`${API}/observations`)).to.have.length(0);
    });

    it('re-encodes a 3000×2000 camera photo on the device: 1600 px at most, no EXIF, sent as multipart', async () => {
      const original = await cameraPhoto(3000, 2000);
      expect(readJpeg(new Uint8Array(await original.arrayBuffer()))).to.deep.equal({ exif: true, width: 3000, height: 2000 });
      const el = await fromApi();
      await choosePhotos(el, [original]);
      const thumbnails = [...shadow(el).querySelectorAll<HTMLImageElement>('.thumbnails img')];
      expect(thumbnails.map((img) => img.alt)).to.deep.equal(['Photo 1']);
      expect(thumbnails[0]!.src).to.match(/^blob:/);
      const sentBytes = new Uint8Array(await (await fetch(thumbnails[0]!.src)).arrayBuffer());
      expect(readJpeg(sentBytes)).to.deep.equal({ exif: false, width: 1600, height: 1067 });

      const description = unique('Tag sur le mur');
      fill(shadow(el), { 'polarity-problem': true, theme: 'embellissement', description, address: '3 rue des Bleuets' });
      const observed = oneEvent(el, 'gusp-observed');
      await el.submit();
      await observed;
      expect(await stored(description)).to.have.length(1);
      const received = (await (await fetch(`${API}/__test/photos`)).json()) as {
        name: string;
        type: string;
        width: number;
        height: number;
        exif: boolean;
      }[];
      expect(received.at(-1)).to.include({ type: 'image/jpeg', width: 1600, height: 1067, exif: false });
      expect($(el, '.thumbnails')).to.be.null;
    });

    it('keeps the photos on the device with an observation the network could not take, and sends them with it later', async () => {
      const received = async () => ((await (await fetch(`${API}/__test/photos`)).json()) as unknown[]).length;
      const before = await received();
      const el = await fromApi();
      await setNetwork('down');
      await choosePhotos(el, [await cameraPhoto(2400, 3200, 'IMG_portrait.jpg')]);
      const description = unique('Banc cassé');
      fill(shadow(el), { 'polarity-problem': true, theme: 'espaces-publics-jeux', description, address: 'Square des Lilas' });
      const queued = oneEvent(el, 'gusp-observation-queued');
      await el.submit();
      await queued;
      const [entry] = await outbox.pending<{ photos: { id: string; width: number; height: number }[] }>(`${API}/observations`);
      expect(entry!.body.photos).to.have.length(1);
      expect(entry!.body.photos[0]).to.include({ width: 1200, height: 1600 });
      expect(entry!.files?.[0]?.blob.type).to.equal('image/jpeg');
      await setNetwork('up');
      await el.flush();
      expect(await stored(description)).to.have.length(1);
      expect(await received()).to.equal(before + 1);
    });

    it('takes three photos, refuses a fourth with a localized message, and lets one be removed', async () => {
      const el = await resident();
      const photos = await Promise.all([1, 2, 3, 4].map((n) => cameraPhoto(400, 300, `IMG_000${n}.jpg`)));
      await choosePhotos(el, photos.slice(0, 3));
      expect(shadow(el).querySelectorAll('.thumbnails li')).to.have.length(3);
      expect($<HTMLInputElement>(el, '#photos')!.disabled).to.be.true;
      await expect(el).to.be.accessible();
      const four = await fixture<GuspIssueForm>(html`<gusp-issue-form .data=${{ city: valence }}></gusp-issue-form>`);
      await choosePhotos(four, photos);
      expect(shadow(four).querySelectorAll('.thumbnails li')).to.have.length(3);
      expect(text(four, '.photo-status')).to.equal('3 photos au plus : retirez-en une pour en ajouter une autre.');
      const remove = [...shadow(four).querySelectorAll<HTMLButtonElement>('.thumbnails button')];
      expect(remove.map((b) => b.getAttribute('aria-label'))).to.deep.equal([
        'Retirer la photo 1',
        'Retirer la photo 2',
        'Retirer la photo 3',
      ]);
      expect(remove.map((b) => b.textContent?.trim())).to.deep.equal(['Retirer', 'Retirer', 'Retirer']);
      remove[1]!.click();
      await four.updateComplete;
      await four.updateComplete;
      expect(shadow(four).querySelectorAll('.thumbnails li')).to.have.length(2);
      expect(focusedId(four)).to.equal('photos');
      expect(text(four, '.photo-status')).to.equal('');
      const english = await resident('en');
      await choosePhotos(english, photos);
      expect(text(english, '.photo-status')).to.equal('3 photos at most: remove one to add another.');
    });

    it('sends its `headers` (a session’s CSRF token) with each attempt, read when it is sent: a queued one goes with the token of then', async () => {
      // A spy, not a stub: every request still reaches the test API; the headers of the observations' POSTs are noted.
      const sent: { csrf: string | null; key: string | null }[] = [];
      const realFetch = window.fetch;
      window.fetch = (input, init) => {
        const request = new Request(input, init);
        if (request.method === 'POST' && new URL(request.url).pathname === `${API}/observations`)
          sent.push({ csrf: request.headers.get('X-CSRF-Token'), key: request.headers.get('Idempotency-Key') });
        return realFetch(input, init);
      };
      try {
        const walkId = await createWalk({ then: 'start' });
        const el = await fromApi({ walkId });
        el.headers = { 'X-CSRF-Token': 'session-1' };
        const first = unique('Banc cassé');
        const stop = shadow(el).querySelectorAll<HTMLOptionElement>('#stop option')[1]!.value;
        fill(shadow(el), { 'polarity-problem': true, theme: 'nettoyage', stop, description: first });
        await el.submit();
        expect(await stored(first)).to.have.length(1);
        expect(sent.at(-1)).to.deep.include({ csrf: 'session-1' });

        await setNetwork('down');
        const second = unique('Trottoir encombré');
        fill(shadow(el), { description: second });
        await el.submit();
        expect(text(el, '.pending h3')).to.equal('1 observation en attente d’envoi');
        const queuedKey = sent.at(-1)!.key;
        // Signed in again meanwhile: the console gives the new session's token; the queued one leaves with it.
        el.headers = { 'X-CSRF-Token': 'session-2' };
        await setNetwork('up');
        window.dispatchEvent(new Event('online'));
        await until(() => !$(el, '.pending'));
        expect(await stored(second)).to.have.length(1);
        expect(sent.at(-1)).to.deep.equal({ csrf: 'session-2', key: queuedKey });
        expect(queuedKey).to.be.a('string').and.not.equal(sent[0]!.key);
      } finally {
        window.fetch = realFetch;
      }
    });

    it('records once when the server got it but the answer was lost, then the network came back', async () => {
      const el = await fromApi();
      const description = unique('Nid-de-poule');
      await setNetwork('lose-responses');
      fill(shadow(el), { 'polarity-problem': true, theme: 'voirie', description, address: 'Avenue de Romans' });
      await el.submit();
      expect(text(el, '.pending h3')).to.equal('1 observation en attente d’envoi');
      expect(await stored(description)).to.have.length(1);
      await setNetwork('up');
      const observed = oneEvent(el, 'gusp-observed');
      window.dispatchEvent(new Event('online'));
      await observed;
      await until(() => !$(el, '.pending'));
      expect(await stored(description)).to.have.length(1);
    });
  });

  describe('draft', () => {
    it('restores what was typed after a reload, but never the consent', async () => {
      const first = await resident();
      fill(shadow(first), {
        'polarity-positive': true,
        theme: 'lien-social',
        description: 'Fête des voisins',
        quartier: 'chamberliere',
        'reporter-name': 'Yasmine',
        'reporter-consent': true,
      });
      fixtureCleanup();
      const el = await resident();
      expect($<HTMLInputElement>(el, '#polarity-positive')!.checked).to.be.true;
      expect($<HTMLSelectElement>(el, '#theme')!.value).to.equal('lien-social');
      expect($<HTMLTextAreaElement>(el, '#description')!.value).to.equal('Fête des voisins');
      expect($<HTMLSelectElement>(el, '#quartier')!.value).to.equal('chamberliere');
      expect($<HTMLInputElement>(el, '#reporter-name')!.value).to.equal('Yasmine');
      expect($<HTMLInputElement>(el, '#reporter-consent')!.checked).to.be.false;
    });

    it('offers a draft back for 24 hours after its last change, then removes it unseen (a shared computer)', async () => {
      fill(shadow(await resident()), { description: 'Fête des voisins', 'reporter-name': 'Yasmine', 'reporter-phone': '06 11 22 33 44' });
      fixtureCleanup();
      ageDrafts(23);
      expect($<HTMLInputElement>(await resident(), '#reporter-name')!.value).to.equal('Yasmine');
      fixtureCleanup();
      ageDrafts(25);
      const el = await resident();
      expect($<HTMLTextAreaElement>(el, '#description')!.value).to.equal('');
      expect($<HTMLInputElement>(el, '#reporter-name')!.value).to.equal('');
      expect($<HTMLInputElement>(el, '#reporter-phone')!.value).to.equal('');
      expect(storedDrafts()).to.deep.equal({});
    });

    it('keeps no contact after a send, sent or queued, in the form or on the device', async () => {
      for (const network of ['up', 'down'] as const) {
        const el = await fromApi();
        await setNetwork(network);
        fill(shadow(el), {
          'polarity-problem': true,
          theme: 'voirie',
          description: unique('Trottoir défoncé'),
          address: 'Rue des Bleuets',
          'reporter-name': 'Yasmine',
          'reporter-email': 'yasmine@example.org',
          'reporter-phone': '06 11 22 33 44',
          'reporter-consent': true,
        });
        await el.submit();
        expect(text(el, '.submit-status'), network).to.contain(network === 'up' ? 'Merci' : 'gardée sur cet appareil');
        for (const id of ['reporter-name', 'reporter-email', 'reporter-phone', 'description', 'address']) {
          expect($<HTMLInputElement>(el, `#${id}`)!.value, `${network} ${id}`).to.equal('');
        }
        expect($<HTMLInputElement>(el, '#reporter-consent')!.checked).to.be.false;
        expect(JSON.stringify(storedDrafts())).not.to.match(/Yasmine|yasmine@|06 11/);
        fixtureCleanup();
        expect($<HTMLInputElement>(await fromApi(), '#reporter-name')!.value).to.equal('');
        fixtureCleanup();
        await setNetwork('up');
        await clearOutbox();
      }
    });

    it('during a walk, asks the agent no contact (« Vos coordonnées », consent), sends none, and keeps the walk’s context after a send', async () => {
      const walkId = await createWalk({ then: 'start' });
      const el = await fromApi({ walkId });
      for (const id of ['reporter-name', 'reporter-email', 'reporter-phone', 'reporter-consent', 'reporter-hint']) {
        expect($(el, `#${id}`), id).to.equal(null);
      }
      expect(shadow(el).textContent).not.to.contain('Vos coordonnées');
      const stopId = shadow(el).querySelectorAll<HTMLOptionElement>('#stop option')[1]!.value;
      const description = unique('Poubelle débordante');
      fill(shadow(el), { 'polarity-problem': true, theme: 'nettoyage', stop: stopId, description });
      await el.submit();
      expect(text(el, '.submit-status')).to.contain('Merci');
      const [recorded] = (await stored(description)) as (StoredObservation & { reporter?: unknown })[];
      expect([recorded?.source, recorded?.walkId, recorded?.reporter]).to.deep.equal(['walk', walkId, undefined]);
      expect($<HTMLSelectElement>(el, '#stop')!.value).to.equal(stopId);
      expect($<HTMLSelectElement>(el, '#theme')!.value).to.equal('nettoyage');
      await expect(el).to.be.accessible();
      // « Effacer mes réponses » then also drops the walk's context and the message of the last send.
      $<HTMLButtonElement>(el, 'button[part=clear]')!.click();
      await el.updateComplete;
      expect($(el, '.submit-status')).to.be.null;
      expect($<HTMLSelectElement>(el, '#stop')!.value).to.equal('');
      expect($<HTMLSelectElement>(el, '#theme')!.value).to.equal('');
      expect(storedDrafts()).to.deep.equal({});
      await expect(el).to.be.accessible();
    });

    it('« Effacer mes réponses » empties the form, its photos and the device, says so, and goes back to the first field', async () => {
      const el = await resident();
      fill(shadow(el), {
        'polarity-problem': true,
        theme: 'voirie',
        quartier: 'polygone',
        description: 'Trottoir défoncé',
        address: 'Rue des Bleuets',
        'reporter-name': 'Yasmine',
        'reporter-email': 'yasmine@example.org',
        'reporter-consent': true,
      });
      await choosePhotos(el, [await cameraPhoto(400, 300)]);
      expect($(el, '.thumbnails img')).to.exist;
      expect(Object.keys(storedDrafts())).to.have.length(1);
      const clear = $<HTMLButtonElement>(el, 'button[part=clear]')!;
      expect(clear.type).to.equal('button');
      expect(clear.textContent.trim()).to.equal('Effacer mes réponses');
      clear.click();
      await el.updateComplete;
      for (const id of ['theme', 'quartier', 'description', 'address', 'reporter-name', 'reporter-email']) {
        expect($<HTMLInputElement>(el, `#${id}`)!.value, id).to.equal('');
      }
      expect($<HTMLInputElement>(el, '#polarity-problem')!.checked).to.be.false;
      expect($<HTMLInputElement>(el, '#reporter-consent')!.checked).to.be.false;
      expect($(el, '.thumbnails')).to.be.null;
      expect(storedDrafts()).to.deep.equal({});
      expect(text(el, '.hint[role=status]')).to.equal('Vos réponses ont été effacées de cet appareil.');
      expect(focusedId(el)).to.equal('polarity-positive');
      await expect(el).to.be.accessible();
      fixtureCleanup();
      expect($<HTMLTextAreaElement>(await resident(), '#description')!.value).to.equal('');
    });

    it('« Clear my answers » in English', async () => {
      const el = await resident('en');
      fill(shadow(el), { description: 'Pothole' });
      await el.updateComplete; // as a person's click comes after the render of what they typed
      $<HTMLButtonElement>(el, 'button[part=clear]')!.click();
      await el.updateComplete;
      expect(text(el, '.hint[role=status]')).to.equal('Your answers have been cleared from this device.');
      expect($<HTMLTextAreaElement>(el, '#description')!.value).to.equal('');
    });
  });
});
