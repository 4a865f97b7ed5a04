// SPDX-License-Identifier: EUPL-1.2
import { valence, type Engagement } from '@gusp/core';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../define/engagement-tracker.js';
import { NOW, engagement, typicalEngagements as sample } from '../../test/fixtures.js';
import { runElementBaseTests } from '../../test/element-base-tests.js';
import { API, OTHER_API, createEngagement, fill, heldArrived, holdNext, release, until } from '../../test/helpers.js';
import type { GuspEngagementTracker } from './engagement-tracker.js';
import type { EngagementTrackerData } from './engagement-tracker-data.js';

async function tracker(engagements: Engagement[], now: Date = NOW, lang?: string): Promise<GuspEngagementTracker> {
  const data: EngagementTrackerData = { engagements, city: valence };
  return lang
    ? fixture<GuspEngagementTracker>(html`<gusp-engagement-tracker lang=${lang} .data=${data} .now=${now}></gusp-engagement-tracker>`)
    : fixture<GuspEngagementTracker>(html`<gusp-engagement-tracker .data=${data} .now=${now}></gusp-engagement-tracker>`);
}

const shadow = (el: GuspEngagementTracker): ShadowRoot => el.shadowRoot as ShadowRoot;
const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
/** Rows rendered now: those near the viewport (see internal/window-list.ts). */
const rows = (el: GuspEngagementTracker): HTMLElement[] => [...shadow(el).querySelectorAll<HTMLElement>('.item')];
const row = (el: GuspEngagementTracker, title: string): HTMLElement => {
  const found = rows(el).find((r) => clean(r.querySelector('h3')?.textContent) === title);
  if (!found) throw new Error(`No row "${title}"`);
  return found;
};
const counters = (el: GuspEngagementTracker): Record<string, string> =>
  Object.fromEntries(
    [...shadow(el).querySelectorAll<HTMLElement>('.counter')].map((c) => [c.dataset.status, clean(c.querySelector('.count')?.textContent)]),
  );
const frame = (): Promise<unknown> => new Promise((r) => requestAnimationFrame(r));
/** Waits for the list to settle: the window of rows is measured, then adjusted, over a few frames. */
const settled = async (el: GuspEngagementTracker): Promise<void> => {
  await el.updateComplete;
  await frame();
  await until(() => rows(el).length > 0 || !!shadow(el).querySelector('.empty'));
  await frame();
  await frame();
};

afterEach(() => fixtureCleanup());

runElementBaseTests({
  tag: 'gusp-engagement-tracker',
  data: () => ({ engagements: sample(), city: valence }),
  heading: { fr: 'Suivi des engagements', en: 'Commitments' },
  loading: 'Chargement des engagements…',
  fromApi: async () => ({ attributes: { endpoint: API }, path: '/engagements' }),
  change: async () => {
    const { title } = await createEngagement(`Sur l’autre API ${Math.random().toString(36).slice(2, 8)}`, OTHER_API);
    return {
      attribute: 'endpoint',
      value: OTHER_API,
      shown: (root) => [...root.querySelectorAll('.item h3')].some((h) => h.textContent?.trim() === title),
    };
  },
});

describe('gusp-engagement-tracker', () => {
  it('is accessible', async () => {
    const el = await tracker(sample());
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('is accessible with a timeline open, in English, filtered to nothing, and while loading', async () => {
    const el = await tracker(sample(), NOW, 'en');
    await settled(el);
    row(el, 'Repeindre la salle des résidents').querySelector('details')!.open = true;
    await expect(el).to.be.accessible();
    fill(shadow(el), { 'filter-quartierId': 'valensolles' });
    await settled(el);
    expect(clean(shadow(el).querySelector('.empty')?.textContent)).to.equal('No commitment matches these filters.');
    await expect(el).to.be.accessible();
    const loading = await fixture<GuspEngagementTracker>(html`<gusp-engagement-tracker></gusp-engagement-tracker>`);
    await expect(loading).to.be.accessible();
  });

  it('counts engagements by status, and overdue ones', async () => {
    const el = await tracker(sample());
    expect(counters(el)).to.deep.equal({
      proposed: '1',
      accepted: '2',
      'in-progress': '1',
      done: '1',
      verified: '0',
      abandoned: '0',
      overdue: '1',
    });
    expect(clean(shadow(el).querySelector('.counter.overdue')?.textContent)).to.equal('1 ⚠ En retard');
  });

  it('writes the due date in words, and the status in words with a shape, never by colour alone', async () => {
    const el = await tracker(sample());
    await settled(el);
    const due = (title: string) => clean(row(el, title).querySelector('.due')?.textContent);
    expect(due('Réparer l’éclairage de la rue des Bleuets')).to.equal('Échéance dans 3 semaines');
    expect(due('Nettoyer le square')).to.equal('En retard de 12 jours');
    expect(due('Changer les poubelles')).to.equal('Échéance demain');
    expect(due('Ajouter un banc')).to.equal('Sans échéance');
    expect(due('Repeindre la salle des résidents')).to.equal('Échéance : 30 novembre 2026');
    const late = row(el, 'Nettoyer le square');
    expect(clean(late.querySelector('.status')?.textContent)).to.equal('◑ En cours');
    expect(clean(late.querySelector('.overdue')?.textContent)).to.equal('⚠ En retard');
    expect(clean(late.querySelector('.meta')?.textContent)).to.equal('Office public de l’habitat · Le Plan · Nettoyage des lieux publics');
    expect(clean(late.querySelector('.progress span')?.textContent)).to.equal('Avancement : 40 %');
    expect(clean(row(el, 'Ajouter un banc').querySelector('.meta')?.textContent)).to.contain('Organisation à désigner');
  });

  it('speaks English', async () => {
    const el = await tracker(sample(), NOW, 'en');
    await settled(el);
    expect(clean(row(el, 'Nettoyer le square').querySelector('.due')?.textContent)).to.equal('12 days late');
    expect(clean(row(el, 'Réparer l’éclairage de la rue des Bleuets').querySelector('.due')?.textContent)).to.equal('Due in 3 weeks');
    expect(clean(row(el, 'Nettoyer le square').querySelector('.meta')?.textContent)).to.contain('Cleaning of public places');
  });

  it('writes English dates one way, the British one, in due dates and timelines (never "November 30, 2026")', async () => {
    const el = await tracker(sample(), NOW, 'en');
    await settled(el);
    const done = row(el, 'Repeindre la salle des résidents');
    expect(clean(done.querySelector('.due')?.textContent)).to.equal('Due date: 30 November 2026');
    expect([...done.querySelectorAll('.timeline time')].map((t) => clean(t.textContent))).to.deep.equal([
      '1 October 2026',
      '20 October 2026',
      '28 November 2026',
    ]);
  });

  it('names each « Historique » button after its engagement, its visible word first', async () => {
    const titles = ['Nettoyer le square', 'Changer les poubelles', 'Ajouter un banc'];
    const milestones = [{ at: '2026-10-01T10:00:00+02:00', kind: 'proposed' }];
    const el = await tracker(titles.map((title) => engagement({ title, milestones })));
    await settled(el);
    const summaries = [...shadow(el).querySelectorAll('summary')];
    expect(summaries.map((s) => clean(s.textContent))).to.deep.equal(titles.map((t) => `Historique : ${t}`));
    expect(
      summaries.map((s) => clean(s.textContent?.replace(s.querySelector('.visually-hidden')?.textContent ?? '(none)', ''))),
    ).to.deep.equal(titles.map(() => 'Historique'));
    await expect(el).to.be.accessible();
  });

  it('on a German page without German texts, writes the due dates in French like the rest (never « Échéance in 3 Wochen »)', async () => {
    const el = await tracker(sample(), NOW, 'de');
    await settled(el);
    expect(clean(row(el, 'Réparer l’éclairage de la rue des Bleuets').querySelector('.due')?.textContent)).to.equal(
      'Échéance dans 3 semaines',
    );
    expect(clean(row(el, 'Repeindre la salle des résidents').querySelector('.due')?.textContent)).to.equal('Échéance : 30 novembre 2026');
    expect(shadow(el).querySelector('[part~=base]')?.getAttribute('lang')).to.equal('fr');
  });

  it('filters by quartier, theme, organisation and status, the counters following the place', async () => {
    const el = await tracker(sample());
    fill(shadow(el), { 'filter-quartierId': 'le-plan' });
    await settled(el);
    expect(clean(shadow(el).querySelector('.shown')?.textContent)).to.equal('4 engagements sur 5');
    expect(counters(el).done).to.equal('0');
    fill(shadow(el), { 'filter-status': 'overdue' });
    await settled(el);
    expect(rows(el).map((r) => clean(r.querySelector('h3')?.textContent))).to.deep.equal(['Nettoyer le square']);
    fill(shadow(el), { 'filter-status': '', 'filter-organisationId': 'oph' });
    await settled(el);
    expect(rows(el)).to.have.length(1);
    fill(shadow(el), { 'filter-organisationId': '', 'filter-themeId': 'tri-selectif' });
    await settled(el);
    expect(rows(el).map((r) => clean(r.querySelector('h3')?.textContent))).to.deep.equal(['Changer les poubelles']);
  });

  it('groups themes by axis in the theme filter', async () => {
    const el = await tracker(sample());
    const groups = [...shadow(el).querySelectorAll<HTMLOptGroupElement>('#filter-themeId optgroup')];
    expect(groups.map((g) => g.label)).to.deep.equal(valence.axes.map((a) => a.name));
    const proprete = groups[0]!;
    expect([...proprete.querySelectorAll('option')].map((o) => o.value)).to.deep.equal(['nettoyage', 'tri-selectif']);
  });

  it('shows overdue by the Paris calendar day around the spring DST change', async () => {
    // 00:30 on Sunday 29 March 2026 in Paris is still Saturday 28 in UTC; clocks go forward at 02:00.
    const now = new Date('2026-03-29T00:30:00+01:00');
    const el = await tracker(
      [
        engagement({ title: 'Dû samedi', dueOn: '2026-03-28' }),
        engagement({ title: 'Dû dimanche', dueOn: '2026-03-29' }),
        engagement({ title: 'Dû lundi', dueOn: '2026-03-30' }),
      ],
      now,
    );
    await settled(el);
    expect(clean(row(el, 'Dû samedi').querySelector('.due')?.textContent)).to.equal('En retard d’1 jour');
    expect(clean(row(el, 'Dû dimanche').querySelector('.due')?.textContent)).to.equal('Échéance aujourd’hui');
    expect(clean(row(el, 'Dû lundi').querySelector('.due')?.textContent)).to.equal('Échéance demain');
    fill(shadow(el), { 'filter-status': 'overdue' });
    await settled(el);
    expect(rows(el).map((r) => clean(r.querySelector('h3')?.textContent))).to.deep.equal(['Dû samedi']);
  });

  it('shows overdue by the Paris calendar day around the autumn DST change', async () => {
    // 23:30 UTC on Sunday 25 October 2026 is already Monday 26 in Paris (UTC+1 since 03:00 that day).
    const now = new Date('2026-10-25T23:30:00Z');
    const el = await tracker(
      [engagement({ title: 'Dû dimanche', dueOn: '2026-10-25' }), engagement({ title: 'Dû lundi', dueOn: '2026-10-26' })],
      now,
    );
    await settled(el);
    expect(counters(el).overdue).to.equal('1');
    expect(clean(row(el, 'Dû dimanche').querySelector('.due')?.textContent)).to.equal('En retard d’1 jour');
    expect(clean(row(el, 'Dû lundi').querySelector('.due')?.textContent)).to.equal('Échéance aujourd’hui');
  });

  it('shows the timeline of an engagement when expanded', async () => {
    const el = await tracker(sample());
    await settled(el);
    const item = row(el, 'Repeindre la salle des résidents');
    expect(clean(item.querySelector('.observations')?.textContent)).to.equal('2 observations liées');
    const details = item.querySelector('details')!;
    expect(details.open).to.be.false;
    item.querySelector('summary')!.click();
    expect(details.open).to.be.true;
    expect([...details.querySelectorAll('li')].map((li) => clean(li.textContent))).to.deep.equal([
      '1 octobre 2026 : Proposé (Ville — coordination)',
      '20 octobre 2026 : Point d’étape – 50 % – Peinture achetée (OPH)',
      '28 novembre 2026 : Réalisé',
    ]);
  });

  it('shows what the walk’s participants answered to « Est-ce réglé ? », counts only, and « Vérifié avec les habitants »', async () => {
    const answered = engagement({
      title: 'Réparer la porte du hall B',
      status: 'verified',
      progress: 100,
      residentAnswers: { yes: 2, partly: 1, no: 0 },
      residentsSaidNo: false,
      milestones: [{ at: '2026-11-20T10:00:00+01:00', kind: 'verified', by: { role: 'coordinator' } }],
    });
    const flagged = engagement({
      title: 'Changer l’éclairage',
      status: 'done',
      progress: 100,
      residentAnswers: { yes: 0, partly: 1, no: 1 },
      residentsSaidNo: true,
    });
    const silent = engagement({ title: 'Sans réponse', status: 'done', progress: 100, residentAnswers: { yes: 0, partly: 0, no: 0 } });
    const el = await tracker([answered, flagged, silent]);
    await settled(el);
    const said = (title: string) => row(el, title).querySelector<HTMLElement>('.resident-answers');
    expect(clean(said('Réparer la porte du hall B')?.textContent)).to.equal('2 habitants : réglé, 1 : en partie');
    expect(said('Réparer la porte du hall B')?.hasAttribute('data-said-no')).to.be.false;
    expect(clean(said('Changer l’éclairage')?.textContent)).to.equal('1 habitant : en partie, 1 : non réglé');
    expect(said('Changer l’éclairage')?.hasAttribute('data-said-no')).to.be.true;
    expect(said('Sans réponse')).to.equal(null);
    row(el, 'Réparer la porte du hall B').querySelector('summary')!.click();
    expect(clean(row(el, 'Réparer la porte du hall B').querySelector('li')?.textContent)).to.equal(
      '20 novembre 2026 : Vérifié avec les habitants (Ville — coordination)',
    );
    await expect(el).to.be.accessible();
    const en = await tracker([answered, flagged], NOW, 'en');
    await settled(en);
    expect(clean(row(en, 'Réparer la porte du hall B').querySelector('.resident-answers')?.textContent)).to.equal(
      '2 residents: settled, 1: partly',
    );
    expect(clean(row(en, 'Changer l’éclairage').querySelector('.resident-answers')?.textContent)).to.equal(
      '1 resident: partly, 1: not settled',
    );
  });

  it('stays light with 10,000 engagements: only the visible rows are in the DOM', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      engagement({
        title: `Engagement n° ${i + 1}`,
        status: i % 3 === 0 ? 'in-progress' : 'accepted',
        dueOn: i % 2 === 0 ? '2026-12-01' : '2027-06-01',
      }),
    );
    const el = await fixture<GuspEngagementTracker>(html`<gusp-engagement-tracker .now=${NOW}></gusp-engagement-tracker>`);
    const start = performance.now();
    el.data = { engagements: many, city: valence };
    await settled(el);
    const elapsed = performance.now() - start;
    expect(counters(el).overdue).to.equal('5000');
    expect(rows(el).length).to.be.greaterThan(0).and.lessThan(200);
    expect(rows(el)[0]!.getAttribute('aria-setsize')).to.equal('10000');
    // Generous bound for a shared CI machine; bench/elements measures the real figure.
    expect(elapsed).to.be.lessThan(1500);
  });

  it('renders every row while the page is printed, and only the visible ones again afterwards', async () => {
    const many = Array.from({ length: 300 }, (_, i) => engagement({ title: `À imprimer n° ${i + 1}` }));
    const el = await tracker(many);
    await settled(el);
    const onScreen = rows(el).length;
    expect(onScreen).to.be.greaterThan(0).and.lessThan(300);
    window.dispatchEvent(new Event('beforeprint'));
    expect(rows(el)).to.have.length(300);
    expect(rows(el).at(-1)!.getAttribute('aria-posinset')).to.equal('300');
    window.dispatchEvent(new Event('afterprint'));
    await settled(el);
    expect(rows(el).length).to.equal(onScreen);
  });

  it('reads its data from a child <script type="application/json">', async () => {
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const json = JSON.stringify({ engagements: sample(), city: valence });
    container.innerHTML = `<gusp-engagement-tracker><script type="application/json">${json}</script></gusp-engagement-tracker>`;
    const el = container.firstElementChild as GuspEngagementTracker;
    await settled(el);
    expect(clean(shadow(el).querySelector('.shown')?.textContent)).to.equal('5 engagements');
  });

  it('loads engagements from the endpoint', async () => {
    const title = `Réparer le portail ${Math.random().toString(36).slice(2, 6)}`;
    await fetch(`${API}/__test/engagements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title, quartierId: 'polygone', organisationId: 'oph', dueOn: '2099-01-01', progress: 30 }),
    });
    const el = await fixture<GuspEngagementTracker>(html`<gusp-engagement-tracker endpoint=${API}></gusp-engagement-tracker>`);
    await el.loaded;
    fill(shadow(el), { 'filter-quartierId': 'polygone' });
    await settled(el);
    const item = row(el, title);
    expect(clean(item.querySelector('.status')?.textContent)).to.equal('◑ En cours');
    expect(clean(item.querySelector('.progress span')?.textContent)).to.equal('Avancement : 30 %');
  });

  it('with refresh, a slow answer never overwrites a newer one: the next refresh aborts it', async () => {
    const { title } = await createEngagement(`Après la réponse lente ${Math.random().toString(36).slice(2, 6)}`);
    await holdNext('/engagements');
    const el = await fixture<GuspEngagementTracker>(
      html`<gusp-engagement-tracker endpoint=${API} refresh="0.2"></gusp-engagement-tracker>`,
    );
    await heldArrived();
    // The first answer is held; a refresh asks again, and its answer is shown.
    await until(() => el.data !== undefined, 5000);
    expect(el.data!.engagements.some((e) => e.title === title)).to.equal(true);
    const { aborted } = await release();
    expect(aborted, 'the held request was aborted by the refresh').to.equal(true);
  });

  it('with refresh, shows what staff changed since it loaded, keeping its filters', async () => {
    const el = await fixture<GuspEngagementTracker>(
      html`<gusp-engagement-tracker endpoint=${API} refresh="0.2"></gusp-engagement-tracker>`,
    );
    await el.loaded;
    fill(shadow(el), { 'filter-quartierId': 'polygone' });
    await settled(el);
    const title = `Repeindre la passerelle ${Math.random().toString(36).slice(2, 6)}`;
    const shows = () => rows(el).some((r) => clean(r.querySelector('h3')?.textContent) === title);
    expect(shows()).to.equal(false);
    await fetch(`${API}/__test/engagements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title, quartierId: 'polygone', organisationId: 'oph', dueOn: '2099-01-01', progress: 60 }),
    });
    await until(shows, 5000);
    expect(clean(row(el, title).querySelector('.progress span')?.textContent)).to.equal('Avancement : 60 %');
    expect(shadow(el).querySelector<HTMLSelectElement>('#filter-quartierId')?.value).to.equal('polygone');
    el.remove(); // stops the timer
  });
});
