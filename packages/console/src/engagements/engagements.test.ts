// SPDX-License-Identifier: EUPL-1.2
import { parseCSV, valence, writeCSV, type Engagement } from '@gusp/core';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define/engagements.js';
import { clean, shadow, until } from '../../test/helpers.js';
import { api, failNext, REAL, signInAs, signOut } from '../../test/real.js';
import type { EngagementsData, GuspConsoleEngagements } from './engagements.js';

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...shadow(el).querySelectorAll<HTMLElement>(selector)];
const text = (el: Element, selector: string) => clean($(el, selector)?.textContent);
const type = (value: string) => sendKeys({ type: value });
const press = (key: string) => sendKeys({ press: key });
const row = (id: string) => `li.engagement[data-engagement-id="${id}"]`;

/** A value set the way a person's choice sets it: `input` and `change`. */
function choose(el: Element, selector: string, value: string): void {
  const control = $<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(el, selector)!;
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** A file chosen in the file input, as a person's pick sets it. */
function pick(el: Element, name: string, content: string): void {
  const input = $<HTMLInputElement>(el, '#import-file')!;
  const files = new DataTransfer();
  files.items.add(new File([content], name, { type: 'text/csv' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** An engagement proposed (and accepted for `organisationId`, when given) through the real API as the coordinator signed in. */
async function engagement(title: string, quartierId = 'valensolles', organisationId?: string): Promise<Engagement> {
  const proposed = await api<Engagement>('POST', '/engagements', { title, quartierId });
  if (!organisationId) return proposed;
  return api<Engagement>('POST', `/engagements/${proposed.id}/accept`, { organisationId, dueOn: inDays(30) });
}

async function desk(role: 'coordinator' | 'organisation', lang = 'fr'): Promise<GuspConsoleEngagements> {
  const el = await fixture<GuspConsoleEngagements>(
    html`<gusp-console-engagements lang=${lang} endpoint=${REAL} staff-role=${role}></gusp-console-engagements>`,
  );
  await el.loaded;
  return el;
}

/** Opens an action's form on an engagement, fills it (`fields`: by `data-field`), sends it and waits for it to settle. */
async function act(el: GuspConsoleEngagements, id: string, action: string, fields: Record<string, string> = {}): Promise<void> {
  $(el, `${row(id)} [data-action="${action}"]`)!.click();
  await el.updateComplete;
  for (const [field, value] of Object.entries(fields)) choose(el, `#form-${action}-${id} [data-field="${field}"]`, value);
  $(el, `#form-${action}-${id} [data-submit]`)!.click();
  // The click marks the form as sending at once (rendered on the next update), until the answer.
  await el.updateComplete;
  await until(() => !$(el, `#form-${action}-${id} [data-submit][aria-disabled="true"]`), 10_000, `${action} sent`);
  await el.updateComplete;
}

const statusOf = (el: Element, id: string) => $(el, row(id))?.dataset['status'];

afterEach(() => fixtureCleanup());

/* ------------------------------------------------------------------ given data: states and layout */

const given = (): EngagementsData => {
  const base = {
    quartierId: 'le-plan',
    observationIds: [],
    proposedAt: '2026-03-20T11:00:00+01:00',
    updatedAt: '2026-04-10T14:00:00+02:00',
  } as const;
  return {
    city: valence,
    engagements: [
      {
        ...base,
        id: 'e-late',
        title: 'Réparer l’éclairage devant l’école Jean-Moulin, rue Bizet, avant l’hiver et les soirées sombres',
        organisationId: 'ville-de-valence',
        dueOn: '2020-01-31',
        status: 'in-progress',
        progress: 40,
        milestones: [
          { at: '2026-03-20T11:00:00+01:00', kind: 'proposed', by: { role: 'coordinator' } },
          {
            at: '2026-04-10T14:00:00+02:00',
            kind: 'progressed',
            percent: 40,
            note: 'Pièce commandée',
            by: { role: 'organisation', organisationId: 'ville-de-valence' },
          },
        ],
      },
      {
        ...base,
        id: 'e-done',
        title: 'Ajouter des bacs de tri',
        organisationId: 'oph',
        dueOn: '2099-06-30',
        status: 'done',
        progress: 100,
        milestones: [{ at: '2026-03-20T11:00:00+01:00', kind: 'proposed' }],
        residentAnswers: { yes: 3, partly: 1, no: 1 },
        residentsSaidNo: true,
      },
      { ...base, id: 'e-new', title: 'Élaguer les arbres', status: 'proposed', progress: 0, milestones: [] },
    ] as unknown as EngagementsData['engagements'],
  };
};

describe('<gusp-console-engagements> with its data given', () => {
  it('shows status, organisation, due date, overdue, progress, the residents’ answers and the timeline; accessible, in English too', async () => {
    for (const lang of ['fr', 'en']) {
      const el = await fixture<GuspConsoleEngagements>(
        html`<gusp-console-engagements lang=${lang} staff-role="coordinator" .data=${given()}></gusp-console-engagements>`,
      );
      await el.loaded;
      expect($$(el, 'li.engagement').map((li) => li.dataset['engagementId'])).to.deep.equal(['e-late', 'e-done', 'e-new']);
      expect($(el, `${row('e-late')} [data-overdue]`)).to.not.equal(null);
      expect(text(el, `${row('e-done')} [data-resident-answers]`)).to.contain(lang === 'fr' ? 'Oui : 3' : 'Yes: 3');
      expect($(el, `${row('e-done')} [data-residents-said-no]`)).to.not.equal(null);
      // The coordinator: accept on a proposed one, verify and reopen on a done one.
      expect($$(el, `${row('e-new')} [data-action]`).map((b) => b.dataset['action'])).to.deep.equal(['accept', 'abandon']);
      expect($$(el, `${row('e-done')} [data-action]`).map((b) => b.dataset['action'])).to.deep.equal(['verify', 'reopen']);
      $(el, `${row('e-late')} [data-history]`)!.click();
      await el.updateComplete;
      expect(text(el, `${row('e-late')} [data-milestone="progressed"] [data-by]`)).to.contain('Ville');
      $(el, `${row('e-done')} [data-action="verify"]`)!.click();
      await el.updateComplete;
      expect(text(el, '#form-verify-e-done')).to.contain(lang === 'fr' ? 'Non : 1' : 'No: 1');
      await expect(el).to.be.accessible();
      // Overdue only.
      choose(el, '#filter-due', 'overdue');
      await el.updateComplete;
      expect($$(el, 'li.engagement').map((li) => li.dataset['engagementId'])).to.deep.equal(['e-late']);
      fixtureCleanup();
    }
  });

  it('never offers an organisation’s staff to verify, accept or abandon: start, progress and complete only', async () => {
    const el = await fixture<GuspConsoleEngagements>(
      html`<gusp-console-engagements staff-role="organisation" .data=${{ ...given(), organisationId: 'oph' }}></gusp-console-engagements>`,
    );
    await el.loaded;
    expect($$(el, '[data-action="verify"], [data-action="accept"], [data-action="abandon"], [data-action="reopen"]')).to.have.length(0);
    expect($$(el, `${row('e-late')} [data-action]`).map((b) => b.dataset['action'])).to.deep.equal(['progress', 'complete']);
    expect($(el, '#filter-organisation')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px screen, a form open', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await fixture<GuspConsoleEngagements>(
        html`<gusp-console-engagements staff-role="coordinator" .data=${given()}></gusp-console-engagements>`,
      );
      await el.loaded;
      $(el, `${row('e-new')} [data-action="accept"]`)!.click();
      await el.updateComplete;
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('says a missing reason and a percent out of range at their field, before sending', async () => {
    const el = await fixture<GuspConsoleEngagements>(
      html`<gusp-console-engagements staff-role="coordinator" .data=${given()}></gusp-console-engagements>`,
    );
    await el.loaded;
    $(el, `${row('e-new')} [data-action="abandon"]`)!.click();
    await el.updateComplete;
    $(el, '#form-abandon-e-new [data-submit]')!.click();
    await el.updateComplete;
    expect(text(el, '#error-e-new')).to.contain('Motif');
    expect(shadow(el).activeElement?.id).to.equal('abandon-reason-e-new');
    $(el, `${row('e-late')} [data-action="progress"]`)!.click();
    await el.updateComplete;
    choose(el, '#progress-percent-e-late', '140');
    $(el, '#form-progress-e-late [data-submit]')!.click();
    await el.updateComplete;
    expect(text(el, '#error-e-late')).to.contain('0 à 100');
  });
});

/* ------------------------------------------------------------------ against the real server */

describe('<gusp-console-engagements> against the real server', () => {
  after(() => signOut());

  it('the coordinator accepts and assigns, reschedules and abandons with a reason, by the keyboard alone for the first', async () => {
    await signInAs('coordinator');
    const mark = stamp();
    const first = await engagement(`Réparer la porte du hall B ${mark}`);
    const second = await engagement(`Repeindre la cage d’escalier ${mark}`, 'valensolles', 'oph');
    const third = await engagement(`Remplacer le banc ${mark}`);
    const el = await desk('coordinator');
    expect(statusOf(el, first.id)).to.equal('proposed');

    // Keyboard only: the accept button, then its fields one after the other.
    $(el, `${row(first.id)} [data-action="accept"]`)!.focus();
    await press('Enter');
    await el.updateComplete;
    expect(shadow(el).activeElement?.id).to.equal(`accept-organisationId-${first.id}`);
    choose(el, `#accept-organisationId-${first.id}`, 'oph');
    choose(el, `#accept-dueOn-${first.id}`, inDays(45));
    $(el, `#accept-note-${first.id}`)!.focus();
    await type('Pris en charge par l’OPH');
    await press('Tab');
    await press('Enter');
    await until(() => statusOf(el, first.id) === 'accepted', 10_000, 'accepted');
    expect(text(el, `${row(first.id)} [data-organisation]`)).to.equal('Office public de l’habitat');
    expect(text(el, '#engagements-said')).to.contain('accepté');

    await act(el, second.id, 'reschedule', { dueOn: inDays(90), reason: 'Entreprise indisponible' });
    expect(text(el, `${row(second.id)}`)).to.contain(new Intl.DateTimeFormat('fr', { year: 'numeric' }).format(new Date(inDays(90))));
    await act(el, third.id, 'abandon', { reason: 'Hors compétence' });
    await until(() => statusOf(el, third.id) === 'abandoned', 10_000, 'abandoned');
    const history = await api<{ history: { kind: string; by?: { role: string } }[] }>('GET', `/staff/engagements/${first.id}/history`);
    expect(history.history.map((h) => [h.kind, h.by?.role])).to.deep.equal([
      ['proposed', 'coordinator'],
      ['accepted', 'coordinator'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('an organisation sees its own only, starts, records a point d’étape, completes; refused on another’s; never verifies', async () => {
    await signInAs('coordinator');
    const mark = stamp();
    const own = await engagement(`Nettoyer le local vélos ${mark}`, 'fontbarlettes', 'oph');
    const other = await engagement(`Réparer l’éclairage ${mark}`, 'fontbarlettes', 'ville-de-valence');
    await signOut();
    await signInAs('organisation', 'oph');
    const el = await desk('organisation');
    const shown = $$(el, 'li.engagement');
    expect(shown.some((li) => li.dataset['engagementId'] === own.id)).to.equal(true);
    expect(shown.some((li) => li.dataset['engagementId'] === other.id)).to.equal(false);
    expect(shown.every((li) => clean(li.querySelector('[data-organisation]')?.textContent) === 'Office public de l’habitat')).to.equal(
      true,
    );
    expect($(el, '#filter-organisation')).to.equal(null);

    await act(el, own.id, 'start');
    await until(() => statusOf(el, own.id) === 'in-progress', 10_000, 'started');
    // A cut connection: what was typed stays, and the same request sent again is applied once.
    await failNext(`/engagements/${own.id}/progress`, 0);
    await act(el, own.id, 'progress', { percent: '60', note: 'Deux locaux sur trois' });
    expect(text(el, `#error-${own.id}`)).to.contain('conservé');
    expect($<HTMLInputElement>(el, `#progress-percent-${own.id}`)!.value).to.equal('60');
    expect($<HTMLTextAreaElement>(el, `#progress-note-${own.id}`)!.value).to.equal('Deux locaux sur trois');
    $(el, `#form-progress-${own.id} [data-submit]`)!.click();
    await el.updateComplete;
    await until(() => $(el, row(own.id))?.querySelector('[data-progress]')?.getAttribute('data-progress') === '60', 10_000, 'progress');
    const history = await api<{ history: { kind: string }[] }>('GET', `/staff/engagements/${own.id}/history`);
    expect(history.history.filter((h) => h.kind === 'progressed')).to.have.length(1);

    await act(el, own.id, 'complete', { note: 'Terminé' });
    await until(() => statusOf(el, own.id) === 'done', 10_000, 'done');
    expect($(el, `${row(own.id)} [data-action="verify"]`)).to.equal(null);
    await expect(el).to.be.accessible();
    fixtureCleanup();

    // Another organisation's engagement, on a page that has it (a stale list, a forged one): the server refuses, said in words.
    const forged = await fixture<GuspConsoleEngagements>(
      html`<gusp-console-engagements
        endpoint=${REAL}
        staff-role="organisation"
        .data=${{ city: valence, organisationId: 'oph', engagements: [other] }}
      ></gusp-console-engagements>`,
    );
    await forged.loaded;
    await act(forged, other.id, 'start');
    expect(text(forged, `#error-${other.id}`)).to.equal(
      'Cet engagement est celui d’une autre organisation : vous ne pouvez modifier que les vôtres.',
    );
    // And verifying its own done one, asked of the server directly: refused too.
    const verify = await fetch(`${REAL}/engagements/${own.id}/verify`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': (await signInAs('organisation', 'oph')).csrfToken },
      body: '{}',
    });
    expect(verify.status).to.equal(403);
  });

  it('imports a CSV: the dry run names the bad row, nothing changes; fixed, « Appliquer » applies it once; in English', async () => {
    await signInAs('coordinator');
    const mark = stamp();
    const a = await engagement(`Poser une rampe ${mark}`, 'polygone', 'oph');
    const b = await engagement(`Repeindre le préau ${mark}`, 'polygone', 'oph');
    await api('POST', `/engagements/${a.id}/start`);
    await api('POST', `/engagements/${b.id}/start`);
    const exported = await (await fetch(`${REAL}/engagements.csv?quartier=polygone&delimiter=%3B`)).text();
    const parsed = parseCSV(exported);
    if (!parsed.ok) throw new Error('the export does not parse');
    const [header, ...rows] = parsed.value;
    const at = header!.indexOf('progress');
    const edit = (percents: Record<string, string>) =>
      writeCSV([header!, ...rows.map((r) => r.map((cell, i) => (i === at && percents[r[0]!] !== undefined ? percents[r[0]!]! : cell)))], {
        delimiter: ';',
      });
    const el = await desk('coordinator', 'en');
    pick(el, 'engagements.csv', edit({ [a.id]: '50', [b.id]: '140' }));
    await until(() => el.updateComplete !== undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    $(el, '#import-check')!.click();
    await until(() => $(el, '[data-import-result]') !== null, 10_000, 'dry run');
    const problems = $$(el, '[data-problems] tbody tr');
    expect(problems.map((tr) => [tr.dataset['column'], tr.dataset['code']])).to.deep.equal([
      ['progress', 'engagement-import.percent-out-of-range'],
    ]);
    expect(clean(problems[0]!.textContent)).to.contain('0 to 100');
    expect($(el, '#import-apply')).to.equal(null);
    await expect(el).to.be.accessible();
    // On a phone the problems' table scrolls in its own box, never the page.
    await setViewport({ width: 320, height: 640 });
    try {
      await el.updateComplete;
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
    expect((await api<Engagement>('GET', `/engagements/${a.id}`)).progress).to.equal(0);

    pick(el, 'engagements.csv', edit({ [a.id]: '50', [b.id]: '40' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    $(el, '#import-check')!.click();
    await until(() => $(el, '#import-apply') !== null, 10_000, 'clean dry run');
    expect(text(el, '#import-result')).to.contain('2 to change');
    $(el, '#import-apply')!.click();
    await until(() => $(el, '[data-import-result="applied"]') !== null, 10_000, 'applied');
    expect(text(el, '#import-result')).to.contain('2 commitment(s) updated');
    expect((await api<Engagement>('GET', `/engagements/${a.id}`)).progress).to.equal(50);
    expect((await api<Engagement>('GET', `/engagements/${b.id}`)).progress).to.equal(40);
    // The same file again: nothing to apply.
    $(el, '#import-check')!.click();
    await until(() => $(el, '[data-import-result="clean"]') !== null, 10_000, 'second dry run');
    expect(text(el, '#import-result')).to.contain('Nothing to apply');
    await expect(el).to.be.accessible();
  });
});
