// SPDX-License-Identifier: EUPL-1.2
/**
 * `<gusp-console-plan>` in real Chromium against the REAL server (test/real.ts: PGlite, Valence
 * seeded, a real session): planning a walk with the keyboard only, its stops ordered with buttons,
 * saved as a draft, then published, rescheduled and cancelled as its status allows; the core's
 * checks before sending, the server's refusals localized, a network failure that keeps the form.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { nothing } from 'lit';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define/plan.js';
import { clean, shadow, until } from '../../test/helpers.js';
import { api, failNext, REAL, signInAs, walkIn } from '../../test/real.js';
import type { GuspConsolePlan } from './plan.js';

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...shadow(el).querySelectorAll<HTMLElement>(selector)];
const text = (el: Element, selector: string) => clean($(el, selector)?.textContent);
const focused = (el: Element) => (shadow(el).activeElement as HTMLElement | null)?.id;
const value = (el: Element, id: string) => $<HTMLInputElement>(el, `#${id}`)!.value;
const noSidewaysScroll = () => document.documentElement.scrollWidth <= document.documentElement.clientWidth;

interface PlannedWalk {
  readonly status: string;
  readonly walk: {
    readonly id: string;
    readonly quartierId: string;
    readonly startsAt: string;
    readonly registrationDeadline: string;
    readonly durationMinutes: number;
    readonly capacity: number;
    readonly meetingPoint?: { label: string };
    readonly stops: readonly { label: string; description?: string; point?: { lat: number; lon: number } }[];
    readonly organiserIds: readonly string[];
    readonly title?: string;
    readonly cancelReason?: string;
  };
}

/** Types into the focused control, as a person does. */
const type = (text: string) => sendKeys({ type: text });
const press = (key: string) => sendKeys({ press: key });

/** Tabs (forwards, or backwards with `back`) until the control `id` has the focus, as a keyboard user does. */
async function tabTo(el: Element, id: string, back = false): Promise<void> {
  if (back) await sendKeys({ down: 'Shift' });
  for (let i = 0; i < 120 && focused(el) !== id; i++) await press('Tab');
  if (back) await sendKeys({ up: 'Shift' });
  expect(focused(el), `the focus reached #${id}`).to.equal(id);
}

/** Types a local date and time into the focused `datetime-local` control, segment by segment (Chromium's en-US order: month, day, year, hour, minute, AM/PM). */
async function typeLocal(local: string): Promise<void> {
  const [, y, mo, d, h, mi] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)!;
  const hour = Number(h);
  // The year takes up to six digits: Tab moves on to the hour.
  await type(`${mo}${d}${y}`);
  await press('Tab');
  await type(`${String(hour % 12 || 12).padStart(2, '0')}${mi}`);
  await type(hour < 12 ? 'A' : 'P');
}

/** Sets a control's value the way typing does (input event), for the fields a test is not about. */
function fill(el: Element, id: string, text: string): void {
  const control = $<HTMLInputElement>(el, `#${id}`)!;
  control.value = text;
  control.dispatchEvent(new Event(control.tagName === 'SELECT' ? 'change' : 'input'));
}

/** A local `datetime-local` value `days` from now at `hour`:00, in Valence's time (the browser runs in UTC or elsewhere: only the digits matter). */
function localIn(days: number, hour = 9): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hour)}:00`;
}

async function plan(lang = 'fr', walkId?: string): Promise<GuspConsolePlan> {
  const el = await fixture<GuspConsolePlan>(
    html`<gusp-console-plan endpoint=${REAL} lang=${lang} walk-id=${walkId ?? nothing}></gusp-console-plan>`,
  );
  await el.loaded;
  return el;
}

before(async function () {
  // The first sign-in starts the real server (PGlite, Valence seeded).
  this.timeout(60_000);
  await signInAs('coordinator');
});
beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', location.pathname);
});
afterEach(async () => {
  fixtureCleanup();
  await setViewport({ width: 800, height: 600 });
});

describe('<gusp-console-plan> a new walk', () => {
  it('loads the city, fills the city’s defaults in and says the deadline rule; accessible loading and loaded', async () => {
    const el = await fixture<GuspConsolePlan>(html`<gusp-console-plan endpoint=${REAL}></gusp-console-plan>`);
    expect(text(el, '[role="status"]')).to.equal('Chargement…');
    await expect(el).to.be.accessible();
    await el.loaded;
    expect(text(el, '#plan-title')).to.equal('Planifier un diagnostic');
    // The core's half-day and the city's capacity, as the server would fill them.
    expect(value(el, 'duration')).to.equal('240');
    expect(Number(value(el, 'capacity'))).to.be.greaterThan(0);
    expect($$(el, '#quartier option').map((o) => o.getAttribute('value'))).to.include('le-plan');
    expect(text(el, '#deadline-hint')).to.match(/^Règle de la ville : \d+ jours? avant, à \d\d:\d\d\.$/);
    expect(text(el, '#preview-missing')).to.equal('L’aperçu s’affiche une fois le quartier et la date choisis.');
    await expect(el).to.be.accessible();
  });
});

describe('<gusp-console-plan> planning with the keyboard only', () => {
  it('plans a walk with four stops, reordered and one removed with buttons, saves the draft, goes to #plan/<id> and publishes it', async function () {
    this.timeout(40_000);
    const el = await plan();
    const start = localIn(30);
    await tabTo(el, 'walk-title');
    await type('Autour des Bleuets');
    await tabTo(el, 'quartier');
    await type('Le Plan');
    expect(value(el, 'quartier')).to.equal('le-plan');
    await tabTo(el, 'starts-at');
    await typeLocal(start);
    expect(value(el, 'starts-at')).to.equal(start);
    // The deadline the city rule gives this start is said before anyone asks.
    expect(text(el, '#deadline-hint')).to.match(/Sans date, les inscriptions ferment le .+\./);
    await tabTo(el, 'institutional-seats');
    await type('5');
    await tabTo(el, 'meeting-point');
    await type('Devant la maison de quartier');
    const labels = ['Parvis des Bleuets', 'Aire de jeux', 'Rue des Écoles', 'Square Jean-Moulin', 'À retirer'];
    for (const [i, label] of labels.entries()) {
      await tabTo(el, 'add-stop');
      await press('Enter');
      // The new stop's name has the focus.
      expect(focused(el)).to.equal(`stop-label-${i}`);
      await type(label);
      if (i === 0) {
        await tabTo(el, 'stop-description-0');
        await type('Point de départ, près des bancs');
        await tabTo(el, 'stop-lat-0');
        await type('44.9205');
        await tabTo(el, 'stop-lon-0');
        await type('4.9128');
      }
    }
    expect(text(el, '#stops-status')).to.equal('Halte 5 ajoutée.');
    // The last one goes: the focus moves to the stop now last.
    await tabTo(el, 'stop-remove-4');
    await press('Enter');
    expect($$(el, '.stops > li')).to.have.length(4);
    expect(text(el, '#stops-status')).to.equal('Halte « À retirer » retirée.');
    expect(focused(el)).to.equal('stop-label-3');
    // Square Jean-Moulin up twice: the focus stays on its « Monter » button as it moves.
    await tabTo(el, 'stop-up-3');
    await press('Enter');
    expect(focused(el)).to.equal('stop-up-2');
    await press('Enter');
    expect(focused(el)).to.equal('stop-up-1');
    expect(text(el, '#stops-status')).to.equal('Halte « Square Jean-Moulin » déplacée en position 2.');
    expect($$(el, '.stops input[id^="stop-label-"]').map((i) => (i as HTMLInputElement).value)).to.deep.equal([
      'Parvis des Bleuets',
      'Square Jean-Moulin',
      'Aire de jeux',
      'Rue des Écoles',
    ]);
    await tabTo(el, 'organiser-oph');
    await press('Space');
    await expect(el).to.be.accessible();
    // What residents will see, before saving.
    const preview = $(el, 'gusp-walk-signup')!;
    expect(clean(preview.shadowRoot?.textContent)).to.contain('Devant la maison de quartier');
    await tabTo(el, 'save');
    await press('Enter');
    await until(() => !!el.walkId, 8000, 'the draft saved');
    await el.loaded;
    expect(location.hash).to.equal(`#plan/${el.walkId}`);
    const saved = await api<PlannedWalk>('GET', `/walks/${el.walkId}`);
    expect(saved.status).to.equal('draft');
    expect(saved.walk.title).to.equal('Autour des Bleuets');
    expect(saved.walk.quartierId).to.equal('le-plan');
    expect(saved.walk.durationMinutes).to.equal(240);
    expect(saved.walk.organiserIds).to.deep.equal(['oph']);
    expect(saved.walk.meetingPoint?.label).to.equal('Devant la maison de quartier');
    expect(saved.walk.stops.map((x) => x.label)).to.deep.equal([
      'Parvis des Bleuets',
      'Square Jean-Moulin',
      'Aire de jeux',
      'Rue des Écoles',
    ]);
    expect(saved.walk.stops[0]).to.deep.include({ description: 'Point de départ, près des bancs', point: { lat: 44.9205, lon: 4.9128 } });
    // The start as typed, in Valence's time.
    expect(saved.walk.startsAt.slice(0, 16)).to.equal(start);
    expect(text(el, '#walk-status')).to.equal('Brouillon');
    expect(focused(el)).to.equal('plan-title');
    // Saved: nothing of it stays on the device.
    expect(localStorage.getItem('gusp-console-plan:new')).to.equal(null);
    await expect(el).to.be.accessible();
    await tabTo(el, 'publish');
    await press('Enter');
    await until(() => text(el, '#action-done') !== '', 8000, 'published');
    expect(text(el, '#action-done')).to.equal('Diagnostic publié : les inscriptions sont ouvertes.');
    expect(text(el, '#walk-status')).to.equal('Inscriptions ouvertes');
    expect((await api<PlannedWalk>('GET', `/walks/${el.walkId}`)).status).to.equal('open');
    // Open now: publish is gone, closing registrations has come, by the core's rules table.
    expect($(el, '#publish')).to.equal(null);
    expect($(el, '#close-registrations')).to.exist;
    await expect(el).to.be.accessible();
  });
});

describe('<gusp-console-plan> checks and refusals', () => {
  it('checks with the core’s schema before sending: an error summary naming each field, focused, each link to its control; axe', async () => {
    const el = await plan();
    $<HTMLButtonElement>(el, '#add-stop')!.click();
    await el.updateComplete;
    fill(el, 'stop-lat-0', '44.92');
    fill(el, 'capacity', '-3');
    $<HTMLButtonElement>(el, '#save')!.click();
    await until(() => !!$(el, '.error-summary'), 4000, 'the summary');
    expect(shadow(el).activeElement?.classList.contains('error-summary')).to.equal(true);
    const items = $$(el, '.error-summary li').map((li) => clean(li.textContent));
    expect(items[0]).to.equal('Choisissez un quartier.');
    expect(items[1]).to.equal('Indiquez la date et l’heure de début.');
    expect(items.some((i) => i.startsWith('Places pour le public : '))).to.equal(true);
    expect(items).to.include('Nommez la halte 1.');
    expect(items.some((i) => i.startsWith('Longitude de la halte 1 (facultatif) : '))).to.equal(true);
    expect($(el, '#quartier')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#stop-lon-0')!.getAttribute('aria-describedby')).to.contain('stop-lon-0-error');
    $<HTMLAnchorElement>(el, '.error-summary a[href="#starts-at"]')!.click();
    expect(focused(el)).to.equal('starts-at');
    await expect(el).to.be.accessible();
  });

  it('shows the server’s refusal in the screen’s language: a walk saved in the past cannot be published (French, then English)', async () => {
    for (const [lang, message] of [
      ['fr', 'La date du diagnostic doit être dans le futur.'],
      ['en', 'The walk must start in the future.'],
    ] as const) {
      const el = await plan(lang);
      fill(el, 'quartier', 'le-plan');
      fill(el, 'starts-at', localIn(-2));
      fill(el, 'meeting-point', 'Parvis');
      $<HTMLButtonElement>(el, '#save')!.click();
      await until(() => !!el.walkId, 8000, 'the draft saved');
      await el.loaded;
      $<HTMLButtonElement>(el, '#publish')!.click();
      await until(() => !!$(el, '#action-error'), 8000, 'the refusal');
      expect(text(el, '#action-error')).to.equal(message);
      expect(focused(el)).to.equal('action-error');
      expect((await api<PlannedWalk>('GET', `/walks/${el.walkId}`)).status).to.equal('draft');
      await expect(el).to.be.accessible();
      fixtureCleanup();
    }
  });

  it('keeps every field typed when the network fails, says so, and saves once on the retry (one draft, not two)', async function () {
    this.timeout(30_000);
    const el = await plan();
    fill(el, 'walk-title', 'Réseau coupé');
    fill(el, 'quartier', 'fontbarlettes');
    fill(el, 'starts-at', localIn(20, 14));
    $<HTMLButtonElement>(el, '#add-stop')!.click();
    await el.updateComplete;
    fill(el, 'stop-label-0', 'Place centrale');
    await failNext('/walks', 0);
    $<HTMLButtonElement>(el, '#save')!.click();
    await until(() => !!$(el, '.error-summary'), 25000, 'the failure');
    expect(text(el, '.error-summary')).to.contain('Rien n’est perdu : ce que vous avez saisi reste dans le formulaire.');
    expect(el.walkId).to.equal(undefined);
    expect(value(el, 'walk-title')).to.equal('Réseau coupé');
    expect(value(el, 'quartier')).to.equal('fontbarlettes');
    expect(value(el, 'stop-label-0')).to.equal('Place centrale');
    await expect(el).to.be.accessible();
    // Kept on the device too: a reload finds it.
    fixtureCleanup();
    const again = await plan();
    expect(value(again, 'walk-title')).to.equal('Réseau coupé');
    expect(text(again, '[role="status"]')).to.contain('Le formulaire reprend ce que vous aviez saisi sur cet appareil.');
    $<HTMLButtonElement>(again, '#save')!.click();
    await until(() => !!again.walkId, 8000, 'the draft saved');
    const drafts = await api<{ walks: PlannedWalk[] }>('GET', '/walks?status=draft&quartier=fontbarlettes');
    expect(drafts.walks.filter((w) => w.walk.title === 'Réseau coupé')).to.have.length(1);
  });

  it('fits 320 px without sideways scrolling, form and saved walk alike', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await plan();
    $<HTMLButtonElement>(el, '#add-stop')!.click();
    await el.updateComplete;
    expect(noSidewaysScroll()).to.equal(true);
    fixtureCleanup();
    const id = await walkIn('open', { stops: 3 });
    const saved = await plan('fr', id);
    expect($$(saved, '#walk-stops li')).to.have.length(3);
    expect(noSidewaysScroll()).to.equal(true);
    await expect(saved).to.be.accessible();
  });
});

describe('<gusp-console-plan> a saved walk', () => {
  it('reschedules an open walk: the deadline follows the new date by the city rule, as the screen said', async () => {
    const id = await walkIn('open');
    const el = await plan('fr', id);
    expect(text(el, '#plan-title')).to.equal('Préparer le diagnostic');
    expect(text(el, '#reschedule-follows')).to.equal(
      'Les inscrits sont prévenus par courriel ; la fin des inscriptions suit la nouvelle date.',
    );
    const before = await api<PlannedWalk>('GET', `/walks/${id}`);
    fill(el, 'reschedule-at', localIn(12, 10));
    await el.updateComplete;
    expect(text(el, '#reschedule-deadline-hint')).to.match(/Sans date, les inscriptions ferment le .+\./);
    $<HTMLButtonElement>(el, '#reschedule')!.click();
    await until(() => text(el, '#action-done') !== '', 8000, 'moved');
    expect(text(el, '#action-done')).to.equal('Diagnostic déplacé ; les inscrits sont prévenus.');
    const after = await api<PlannedWalk>('GET', `/walks/${id}`);
    expect(after.walk.startsAt.slice(0, 16)).to.equal(localIn(12, 10));
    expect(after.walk.registrationDeadline).to.not.equal(before.walk.registrationDeadline);
    expect(Date.parse(after.walk.registrationDeadline)).to.be.lessThan(Date.parse(after.walk.startsAt));
    await expect(el).to.be.accessible();
  });

  it('cancels with a reason after a confirmation step; « Non, revenir » sends nothing; then no step is left', async () => {
    const id = await walkIn('open');
    const el = await plan('fr', id);
    $<HTMLButtonElement>(el, '#cancel')!.click();
    await until(() => !!$(el, '#action-error'), 4000, 'the reason asked');
    expect(text(el, '#action-error')).to.equal('Indiquez le motif de l’annulation.');
    fill(el, 'cancel-reason', 'Travaux sur la place');
    $<HTMLButtonElement>(el, '#cancel')!.click();
    await el.updateComplete;
    expect(text(el, '#cancel-confirmation')).to.contain('« Travaux sur la place »');
    expect(focused(el)).to.equal('cancel-confirm');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '#cancel-back')!.click();
    await el.updateComplete;
    expect(focused(el)).to.equal('cancel');
    expect((await api<PlannedWalk>('GET', `/walks/${id}`)).status).to.equal('open');
    $<HTMLButtonElement>(el, '#cancel')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#cancel-confirm')!.click();
    await until(() => text(el, '#action-done') !== '', 8000, 'cancelled');
    const after = await api<PlannedWalk>('GET', `/walks/${id}`);
    expect(after.status).to.equal('cancelled');
    expect(after.walk.cancelReason).to.equal('Travaux sur la place');
    expect(text(el, '#walk-status')).to.equal('Annulé');
    expect(text(el, '.notice')).to.equal('Ce diagnostic n’accepte plus de changement ici.');
    await expect(el).to.be.accessible();
  });

  it('edits a saved draft’s details in the same form, prefilled, and saves them (POST /api/walks/{id}/edit)', async () => {
    const id = await walkIn('draft', { stops: 3, title: 'À revoir' });
    const el = await plan('fr', id);
    expect(text(el, '#walk-status')).to.equal('Brouillon');
    expect(value(el, 'walk-title')).to.equal('À revoir');
    expect(value(el, 'quartier')).to.equal('le-plan');
    expect($$(el, '.stops input[id^="stop-label-"]').map((i) => (i as HTMLInputElement).value)).to.deep.equal([
      'Halte 1',
      'Halte 2',
      'Halte 3',
    ]);
    expect(text(el, '#save')).to.equal('Enregistrer les modifications');
    fill(el, 'walk-title', 'Revu et corrigé');
    $<HTMLButtonElement>(el, '#stop-remove-1')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#save')!.click();
    await until(() => text(el, '#save-done') !== '', 8000, 'saved');
    expect(text(el, '#save-done')).to.equal('Modifications enregistrées.');
    const after = await api<PlannedWalk>('GET', `/walks/${id}`);
    expect(after.status).to.equal('draft');
    expect(after.walk.title).to.equal('Revu et corrigé');
    expect(after.walk.stops.map((x) => x.label)).to.deep.equal(['Halte 1', 'Halte 3']);
    // The form shows the draft as the server has it, and publishing is still there.
    expect(value(el, 'walk-title')).to.equal('Revu et corrigé');
    expect($(el, '#publish')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('speaks English: the saved walk, its steps, its links and the preview', async () => {
    const draftId = await walkIn('draft', { stops: 2 });
    const draft = await plan('en', draftId);
    expect(text(draft, '#walk-status')).to.equal('Draft');
    expect(text(draft, '#publish')).to.equal('Publish');
    expect(text(draft, '#save')).to.equal('Save the changes');
    await expect(draft).to.be.accessible();
    fixtureCleanup();
    const id = await walkIn('open', { stops: 2 });
    const el = await plan('en', id);
    expect(text(el, '#plan-title')).to.equal('Prepare the walk');
    expect(text(el, '#walk-status')).to.equal('Registrations open');
    expect(text(el, '#close-registrations')).to.equal('Close registrations');
    expect(new URL($<HTMLAnchorElement>(el, '#link-registrations')!.href).hash).to.equal(`#registrations/${id}`);
    expect(new URL($<HTMLAnchorElement>(el, '#link-day')!.href).hash).to.equal(`#day/${id}`);
    expect(text(el, '#preview-title')).to.equal('Preview: what residents will see');
    expect($(el, 'gusp-walk-signup')!.getAttribute('lang')).to.equal('en');
    await expect(el).to.be.accessible();
  });

  it('says a load failure and retries; a walk unknown to the server is its localized refusal', async () => {
    await failNext('/city', 503);
    const el = await plan();
    expect(text(el, '[role="alert"]')).to.not.equal('');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '#retry')!.click();
    await el.loaded;
    expect($(el, '#quartier')).to.exist;
    fixtureCleanup();
    const unknown = await plan('fr', 'no-such-walk');
    expect(text(unknown, '[role="alert"]')).to.match(/introuvable|n’existe/i);
  });
});
