// SPDX-License-Identifier: EUPL-1.2
/**
 * `<gusp-console-walks>` against the REAL server (test/real.ts): the drafts a coordinator plans
 * listed beside the published walks (`GET /api/walks?include=drafts` from the real session), the
 * calendar of the year's months, and each walk's links to its screens.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { nothing } from 'lit';
import '../define/walks.js';
import { clean, shadow } from '../../test/helpers.js';
import { api, REAL, signInAs, walkIn } from '../../test/real.js';
import type { GuspConsoleWalks } from './walks.js';

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...shadow(el).querySelectorAll<HTMLElement>(selector)];
const text = (el: Element, selector: string) => clean($(el, selector)?.textContent);
const focused = (el: Element) => (shadow(el).activeElement as HTMLElement | null)?.id;

/** The city's year and month (1–12) of a walk's start, as the server wrote it (its offset is the city's). */
async function whenOf(id: string): Promise<{ year: number; month: number }> {
  const { walk } = await api<{ walk: { startsAt: string } }>('GET', `/walks/${id}`);
  return { year: Number(walk.startsAt.slice(0, 4)), month: Number(walk.startsAt.slice(5, 7)) };
}

async function walks(year: number, o: { lang?: string; role?: string; view?: string } = {}): Promise<GuspConsoleWalks> {
  const el = await fixture<GuspConsoleWalks>(
    html`<gusp-console-walks
      endpoint=${REAL}
      year=${year}
      quartier="le-plan"
      lang=${o.lang ?? 'fr'}
      staff-role=${o.role ?? nothing}
      view=${o.view ?? nothing}
    ></gusp-console-walks>`,
  );
  await el.loaded;
  return el;
}

let draft: string;
let open: string;

before(async function () {
  // The first sign-in may start the real server (PGlite, Valence seeded).
  this.timeout(60_000);
  await signInAs('coordinator');
  draft = await walkIn('draft', { title: 'Brouillon à préparer' });
  open = await walkIn('open', { title: 'Publiée' });
});
afterEach(async () => {
  fixtureCleanup();
  await setViewport({ width: 800, height: 600 });
});

describe('<gusp-console-walks> on the real server', () => {
  it('lists a coordinator’s drafts beside the published walks, each walk linking to its screens; « Planifier un diagnostic »', async () => {
    const { year } = await whenOf(draft);
    const el = await walks(year);
    const d = $(el, `[data-walk="${draft}"]`)!;
    expect(clean(d.textContent)).to.contain('Brouillon à préparer').and.contain('Brouillon');
    expect(new URL(d.querySelector<HTMLAnchorElement>('[data-link="plan"]')!.href).hash).to.equal(`#plan/${draft}`);
    // A draft has no registrations nor a day yet.
    expect(d.querySelector('[data-link="registrations"]')).to.equal(null);
    const o = $(el, `[data-walk="${open}"]`)!;
    expect(new URL(o.querySelector<HTMLAnchorElement>('[data-link="registrations"]')!.href).hash).to.equal(`#registrations/${open}`);
    expect(new URL(o.querySelector<HTMLAnchorElement>('[data-link="day"]')!.href).hash).to.equal(`#day/${open}`);
    // Each link names its walk for someone going from link to link.
    expect(clean(o.querySelector('[data-link="day"]')!.textContent)).to.match(/^Jour J – Diagnostic du .+/);
    expect(new URL($<HTMLAnchorElement>(el, '#plan-walk')!.href).hash).to.equal('#plan');
    await expect(el).to.be.accessible();
  });

  it('filters on the drafts only', async () => {
    const { year } = await whenOf(draft);
    const el = await walks(year);
    const select = $<HTMLSelectElement>(el, '#status')!;
    select.value = 'draft';
    select.dispatchEvent(new Event('change'));
    await el.loaded;
    const shown = $$(el, '.walk').map((w) => w.dataset.walk);
    expect(shown).to.include(draft);
    expect(shown).to.not.include(open);
  });

  it('shows the year as a calendar of its months, switched with the keyboard; accessible, 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const { year, month } = await whenOf(open);
    const el = await walks(year);
    for (let i = 0; i < 30 && focused(el) !== 'view-calendar'; i++) await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('view-calendar');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.getAttribute('view')).to.equal('calendar');
    expect($(el, '#view-calendar')!.getAttribute('aria-pressed')).to.equal('true');
    expect(text(el, '#calendar-title')).to.equal(`Calendrier ${year}`);
    const months = $$(el, '.months > li');
    expect(months).to.have.length(12);
    expect(clean(months[0]!.querySelector('h4')?.textContent)).to.equal(`janvier ${year}`);
    const its = $(el, `.months > li[data-month="${month}"]`)!;
    expect([...its.querySelectorAll<HTMLElement>('.walk')].map((w) => w.dataset.walk)).to.include.members([draft, open]);
    expect(clean(its.textContent)).to.contain('Le Plan');
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });

  it('speaks English, and leaves the planning links out for an agent', async () => {
    const { year } = await whenOf(open);
    const el = await walks(year, { lang: 'en', role: 'agent', view: 'calendar' });
    expect(text(el, '#calendar-title')).to.equal(`Calendar ${year}`);
    expect(clean($$(el, '.months > li')[0]!.querySelector('h4')?.textContent)).to.equal(`January ${year}`);
    expect($(el, '#plan-walk')).to.equal(null);
    expect($(el, '[data-link="plan"]')).to.equal(null);
    expect(clean($(el, `[data-walk="${open}"] [data-link="registrations"]`)?.textContent)).to.match(/^Registrations – Walk of .+/);
    await expect(el).to.be.accessible();
  });

  it('refuses the drafts to an organisation’s session, localized, never a blank screen', async () => {
    await signInAs('organisation', 'oph');
    try {
      const el = await walks(new Date().getFullYear());
      expect(text(el, '[role="alert"]')).to.equal('Votre compte n’a pas accès à cet écran.');
      await expect(el).to.be.accessible();
    } finally {
      await signInAs('coordinator');
    }
  });
});
