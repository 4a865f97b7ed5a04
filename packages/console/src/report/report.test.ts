// SPDX-License-Identifier: EUPL-1.2
/**
 * `<gusp-console-report>` in real Chromium against the REAL server (test/real.ts): a finished walk's
 * compte-rendu drafted on arrival, every section written, a photo chosen, an engagement created in
 * place, the preview the very page the public will get, validated, shared after a confirmation, then
 * who it reached; typed text kept when the network fails; axe, keyboard, 320 px, French and English.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define/report.js';
import { clean, shadow, until } from '../../test/helpers.js';
import { api, failNext, REAL, signInAs, walkIn } from '../../test/real.js';
import type { GuspConsoleReport } from './report.js';

const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<E>(selector);
const text = (el: Element, selector: string) => clean($(el, selector)?.textContent);
const focused = (el: Element) => shadow(el).activeElement?.id;

/** A tiny real PNG, drawn by the browser. */
async function png(): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = 4;
  canvas.height = 3;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#0a4a8f';
  g.fillRect(0, 0, 4, 3);
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
}

/** A done walk of two stops with two observations (one with a photo) and two residents signed up. */
async function finishedWalk(): Promise<{ id: string; photoId: string; problemId: string }> {
  await signInAs('coordinator');
  const id = await walkIn('in-progress', { stops: 2, registrations: 2 });
  const walk = await api<{ walk: { stops: { id: string }[] } }>('GET', `/walks/${id}`);
  const uploaded = await fetch(`${REAL}/photos`, { method: 'POST', headers: { 'Content-Type': 'image/png' }, body: await png() });
  expect(uploaded.status).to.equal(201);
  const photoId = ((await uploaded.json()) as { id: string }).id;
  const problem = await api<{ id: string }>('POST', '/observations', {
    walkId: id,
    stopId: walk.walk.stops[0]!.id,
    polarity: 'problem',
    themeId: 'eclairage-public',
    description: 'Lampadaire éteint au square',
    source: 'walk',
    photos: [{ id: photoId }],
  });
  await api('POST', '/observations', {
    walkId: id,
    stopId: walk.walk.stops[1]!.id,
    polarity: 'positive',
    themeId: 'lien-social',
    description: 'Jardin partagé très vivant',
    source: 'walk',
  });
  await api('POST', `/walks/${id}/finish`);
  return { id, photoId, problemId: problem.id };
}

async function real(walkId: string, lang = 'fr'): Promise<GuspConsoleReport> {
  const el = await fixture<GuspConsoleReport>(
    html`<gusp-console-report lang=${lang} walk-id=${walkId} endpoint=${REAL}></gusp-console-report>`,
  );
  await el.loaded;
  return el;
}

/** Types into a textarea the way a person does: focus, then keys. */
async function typeInto(el: GuspConsoleReport, selector: string, value: string): Promise<void> {
  $<HTMLTextAreaElement>(el, selector)!.focus();
  await sendKeys({ type: value });
  await el.updateComplete;
}

describe('<gusp-console-report> against the real server', function () {
  this.timeout(90_000);
  afterEach(() => fixtureCleanup());

  it('drafts the report of a finished walk, every section written with the keyboard, a photo and an engagement; preview, validate, share, then who it reached', async () => {
    const { id, photoId, problemId } = await finishedWalk();
    const el = await real(id);
    expect(text(el, '#report-status')).to.equal('Brouillon');
    expect($(el, 'textarea[data-section="introduction"]')).to.exist;
    expect(shadow(el).querySelectorAll('textarea[data-section="stop"]')).to.have.length(2);
    expect(text(el, 'label[for="report-stop-1"]')).to.equal('Halte 1');
    await expect(el).to.be.accessible();

    await typeInto(el, '#report-introduction', 'Quinze habitants malgré la pluie.');
    await typeInto(el, '#report-stop-1', 'Le square est trop sombre le soir.');
    await typeInto(el, '#report-positives', 'Le jardin partagé rassemble.');
    await typeInto(el, '#report-next', 'Rendez-vous à la permanence du mardi.');
    $<HTMLInputElement>(el, `input[data-photo-id="${photoId}"]`)!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(text(el, '#report-unsaved')).to.equal('Modifications non enregistrées.');
    $(el, '#report-save')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => text(el, '#report-done') === 'Compte-rendu enregistré.', 8000, 'saved');
    const saved = await api<{ introduction: string; stopNotes: unknown[]; nextSteps: string; photos: { photoId: string }[] }>(
      'GET',
      `/walks/${id}/report`,
    );
    expect(saved.introduction).to.equal('Quinze habitants malgré la pluie.');
    expect(saved.stopNotes).to.have.length(1);
    expect(saved.photos.map((p) => p.photoId)).to.deep.equal([photoId]);

    // An engagement from the problem, created in place: the report lists it, the texts stay.
    $<HTMLInputElement>(el, `input[data-observation-id="${problemId}"]`)!.click();
    await typeInto(el, '#engagement-title', 'Réparer l’éclairage du square');
    const select = $<HTMLSelectElement>(el, '#engagement-organisation')!;
    select.value = 'oph';
    select.dispatchEvent(new Event('change'));
    $(el, '#engagement-create')!.click();
    await until(() => text(el, '#engagements-listed').includes('Réparer l’éclairage du square'), 8000, 'the engagement listed');
    expect($<HTMLTextAreaElement>(el, '#report-introduction')!.value).to.equal('Quinze habitants malgré la pluie.');

    // The preview: the staff page the public will get once shared.
    $(el, '#report-preview-toggle')!.click();
    await until(() => !!$(el, 'iframe#report-preview'), 8000, 'the preview');
    const frame = $<HTMLIFrameElement>(el, 'iframe#report-preview')!;
    await until(
      () => frame.contentDocument?.querySelector('main') !== null && frame.contentDocument?.readyState === 'complete',
      8000,
      'its page',
    );
    const page = clean(frame.contentDocument!.body.textContent);
    expect(page).to.contain('Quinze habitants malgré la pluie.').and.contain('Réparer l’éclairage du square').and.contain('La suite');
    expect($<HTMLAnchorElement>(el, '#report-preview-link')!.getAttribute('href')).to.equal(`${REAL}/walks/${id}/report.html?lang=fr`);
    await expect(el).to.be.accessible();

    $(el, '#report-validate')!.click();
    await until(() => text(el, '#report-status') === 'Validé', 8000, 'validated');
    $(el, '#report-share')!.click();
    await until(() => focused(el) === 'report-share-confirm', 4000, 'the confirmation step');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await until(() => !!$(el, '[data-restitution] #restitution-emailed'), 8000, 'the restitution');
    expect(text(el, '#report-status')).to.equal('Restitué');
    expect($(el, '#restitution-emailed')!.dataset['count']).to.equal('2');
    expect(text(el, '#restitution-emailed')).to.equal('2 personnes reçoivent le compte-rendu par e-mail.');
    expect($(el, '#restitution-without-email')!.dataset['count']).to.equal('0');
    const list = $<HTMLAnchorElement>(el, '#report-without-email')!.getAttribute('href')!;
    expect(list).to.equal(`${REAL}/walks/${id}/report/without-email.html?lang=fr`);
    expect((await fetch(list)).status).to.equal(200);
    await until(() => focused(el) === 'restitution-title', 4000, 'the focus on the restitution');
    await expect(el).to.be.accessible();
  });

  it('keeps what was typed when the network fails, says so, and saves it on « Réessayer »', async () => {
    const { id } = await finishedWalk();
    const el = await real(id);
    await typeInto(el, '#report-next', 'Une réunion en juin.');
    // The connection drops twice: Chromium may send a dropped request again once by itself, on a connection the
    // harness cannot always tell was kept alive; what is left of the failure is cleared once the screen said it.
    await failNext(`/walks/${id}/report/edit`, 0, 2);
    $(el, '#report-save')!.click();
    await until(() => text(el, '#report-failure') !== '', 8000, 'the failure');
    await failNext(`/walks/${id}/report/edit`, 0, 0);
    expect(text(el, '#report-failure')).to.contain('gardés sur cet appareil');
    expect($<HTMLTextAreaElement>(el, '#report-next')!.value).to.equal('Une réunion en juin.');
    await expect(el).to.be.accessible();
    // A reload of the screen (the tab closed and opened again) still has it.
    fixtureCleanup();
    const again = await real(id);
    expect($<HTMLTextAreaElement>(again, '#report-next')!.value).to.equal('Une réunion en juin.');
    $(again, '#report-save')!.click();
    await until(() => text(again, '#report-done') === 'Compte-rendu enregistré.', 8000, 'saved');
    expect((await api<{ nextSteps: string }>('GET', `/walks/${id}/report`)).nextSteps).to.equal('Une réunion en juin.');
  });

  it('speaks English, refuses an engagement without a title in words, fits 320 px', async () => {
    const { id } = await finishedWalk();
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await real(id, 'en');
      expect(text(el, '#report-status')).to.equal('Draft');
      expect(text(el, 'label[for="report-next"]')).to.equal('What comes next');
      $(el, '#engagement-create')!.click();
      await el.updateComplete;
      expect(text(el, '#engagement-title-error')).to.equal('Give the commitment a title.');
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('says a walk not finished has no report yet', async () => {
    await signInAs('coordinator');
    const id = await walkIn('open');
    const el = await real(id);
    expect(text(el, '#report-not-done')).to.equal('Le compte-rendu se rédige une fois le diagnostic terminé.');
    await expect(el).to.be.accessible();
  });
});
