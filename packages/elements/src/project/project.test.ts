// SPDX-License-Identifier: EUPL-1.2
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define/project.js';
import {
  API,
  createWorkshop,
  fill,
  projectData,
  storedWorkshopRegistrations,
  uniqueEmail,
  until,
  workshopSummary,
} from '../../test/helpers.js';
import { runElementBaseTests } from '../../test/element-base-tests.js';
import { deepActive, tabThroughSignup } from '../../test/keyboard.js';
import type { GuspProject } from './project.js';
import type { GuspWorkshopSignup } from './workshop-signup.js';
import type { ProjectData } from './project-data.js';

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
const root = (el: Element): ShadowRoot => el.shadowRoot as ShadowRoot;
const text = (el: Element, selector: string): string => clean(root(el).querySelector(selector)?.textContent);
const all = (el: Element, selector: string): string[] => [...root(el).querySelectorAll(selector)].map((n) => clean(n.textContent));
const signupOf = (el: GuspProject): GuspWorkshopSignup | null => root(el).querySelector('gusp-workshop-signup');

/** The page as a CMS writes it: the tag and its inline JSON, no script of its own. */
async function inline(data: ProjectData, lang = 'fr', endpoint?: string): Promise<GuspProject> {
  const page = await fixture<HTMLDivElement>(html`<div></div>`);
  page.innerHTML = `<gusp-project lang="${lang}"${endpoint ? ` endpoint="${endpoint}"` : ''}><script type="application/json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script></gusp-project>`;
  const el = page.querySelector('gusp-project') as GuspProject;
  await el.updateComplete;
  return el;
}

beforeEach(() => localStorage.clear());
afterEach(() => fixtureCleanup());

runElementBaseTests({
  tag: 'gusp-project',
  data: () => projectData(),
  heading: { fr: 'Réhabilitation des Bleuets', en: 'Réhabilitation des Bleuets' },
  loading: 'Chargement du projet…',
  loadFailed: 'Impossible de charger ce projet pour le moment.',
  headingDepth: 2,
  // The test API's project (the core's projectPage over its store), with one workshop open for sign-up.
  fromApi: async () => {
    const { projectId } = await createWorkshop({ capacity: 10 });
    return { attributes: { endpoint: API, 'project-id': projectId }, path: `/projects/${projectId}` };
  },
  // Another project of the same API.
  change: async () => {
    const { projectId } = await createWorkshop({ project: 'Aire de jeux des Tilleuls', title: 'Choisir les jeux' });
    return {
      attribute: 'project-id',
      value: projectId,
      shown: (r) => clean(r.querySelector('h2')?.textContent) === 'Aire de jeux des Tilleuls',
    };
  },
});

describe('gusp-project', () => {
  it('shows the Bleuets from inline JSON: what, where, the phases in order with « Nous en sommes là » on the current one', async () => {
    const el = await inline(projectData());
    await expect(el).to.be.accessible();
    expect(text(el, 'h2')).to.equal('Réhabilitation des Bleuets');
    expect(text(el, '.site')).to.equal('Immeuble Les Bleuets12 rue des Bleuets, 26000 Valence');
    expect(text(el, '.quartier')).to.equal('Le Plan');
    expect(text(el, '.landlord')).to.equal('Office public de l’habitat');
    expect(text(el, '.partners')).to.equal('Compagnons bâtisseurs, Ville de Valence');
    expect(text(el, '.status')).to.equal('En concertation');
    // An ordered list, in the phases' order; the current one in words, with a symbol, and aria-current="step".
    const phases = [...root(el).querySelectorAll('ol[part~=phases] > li')];
    expect(phases.map((li) => li.getAttribute('data-phase'))).to.deep.equal([
      'diagnostic',
      'concertation',
      'works',
      'delivery',
      'evaluation',
    ]);
    const current = root(el).querySelectorAll('[aria-current=step]');
    expect(current).to.have.length(1);
    expect(current[0]!.getAttribute('data-phase')).to.equal('concertation');
    expect(clean(current[0]!.querySelector('.here')?.textContent)).to.equal('Nous en sommes là');
    expect(clean(current[0]!.querySelector('.marker')?.textContent)).to.equal('➜');
    expect(clean(phases[0]!.textContent)).to.include('Diagnostic (étape passée)');
    expect(clean(phases[0]!.querySelector('.dates')?.textContent)).to.equal('Réalisé du 15 janvier 2013 au 30 juin 2013');
    expect(clean(phases[2]!.textContent)).to.include('Travaux (étape à venir)');
    expect(clean(phases[2]!.querySelector('.dates')?.textContent)).to.equal('Prévu du 1 septembre 2099 au 30 juin 2100');
  });

  it('shows the decisions with what became of them, the declined one with its reason, in words and symbols', async () => {
    const el = await inline(projectData());
    const decisions = [...root(el).querySelectorAll('[part~=decision]')];
    expect(decisions.map((d) => d.getAttribute('data-outcome'))).to.deep.equal(['adopted', 'adopted', 'declined', 'studied']);
    expect(clean(decisions[0]!.querySelector('.outcome')?.textContent)).to.equal('✓ Retenue — Décision');
    expect(clean(decisions[0]!.querySelector('.hint')?.textContent)).to.equal(
      'Lors de l’atelier « Ouverture du local des habitants » · Réponse du 2 octobre 2013',
    );
    const declined = decisions[2]!;
    expect(clean(declined.querySelector('.outcome')?.textContent)).to.equal('✕ Non retenue — Demande');
    expect(clean(declined.querySelector('.text')?.textContent)).to.equal('Installer un ascenseur dans la cage B.');
    expect(clean(declined.querySelector('.reason')?.textContent)).to.equal(
      'Pourquoi : La structure de la cage B ne le permet pas ; une rampe d’accès au rez-de-chaussée est étudiée à la place.',
    );
    expect(clean(decisions[3]!.querySelector('.outcome')?.textContent)).to.equal('◐ À l’étude — Demande');
    // The symbols are hidden from screen readers, which read the words.
    expect([...root(el).querySelectorAll('.decision .symbol')].every((s) => s.getAttribute('aria-hidden') === 'true')).to.equal(true);
  });

  it('shows the past workshops with their attendance and the engagements with their status in words and a symbol', async () => {
    const el = await inline(projectData());
    expect(all(el, '.past-workshop')).to.deep.equal([
      'Ouverture du local des habitants 14 septembre 2013 · Atelier d’apprentissage · Local des habitants, 12 rue des Bleuets 23 participants et participantes',
    ]);
    const engagement = root(el).querySelector('[part~=engagement]')!;
    expect(engagement.getAttribute('data-status')).to.equal('in-progress');
    expect(clean(engagement.querySelector('.state')?.textContent)).to.equal('◑ En cours (40 %)');
    expect(clean(engagement.querySelector('.hint')?.textContent)).to.equal('Office public de l’habitat · Échéance : 31 mai 2099');
  });

  it('words statuses, phases, kinds and outcomes as the core’s labels do (the project’s HTML page), in French and English', async () => {
    const {
      PROJECT_MESSAGES,
      ENGAGEMENT_MESSAGES,
      PROJECT_STATUSES,
      PHASE_KINDS,
      WORKSHOP_KINDS,
      CONTRIBUTION_KINDS,
      CONTRIBUTION_OUTCOMES,
      ENGAGEMENT_STATUSES,
      labelIn,
    } = await import('@gusp/core');
    const { fr, en } = await import('../translations/index.js');
    for (const [lang, texts] of [
      ['fr', fr.project],
      ['en', en.project],
    ] as const) {
      const core = (key: string) => labelIn([PROJECT_MESSAGES, ENGAGEMENT_MESSAGES], key, lang);
      const pairs: [string, string | undefined][] = [
        ...PROJECT_STATUSES.map((s): [string, string | undefined] => [core(`project.status.${s}`), texts.status[s]]),
        ...PHASE_KINDS.map((k): [string, string | undefined] => [core(`project.phase.${k}`), texts.phase[k]]),
        ...WORKSHOP_KINDS.map((k): [string, string | undefined] => [core(`workshop.kind.${k}`), texts.workshopKind[k]]),
        ...CONTRIBUTION_KINDS.map((k): [string, string | undefined] => [core(`contribution.kind.${k}`), texts.contributionKind[k]]),
        ...CONTRIBUTION_OUTCOMES.map((o): [string, string | undefined] => [core(`contribution.outcome.${o}`), texts.outcome[o]]),
        ...ENGAGEMENT_STATUSES.map((s): [string, string | undefined] => [core(`engagement.status.${s}`), texts.engagementStatus[s]]),
      ];
      expect(
        pairs.filter(([a, b]) => a !== b),
        lang,
      ).to.deep.equal([]);
    }
  });

  it('says so when a section has nothing yet, and is accessible then', async () => {
    const el = await inline(projectData({ upcomingWorkshops: [], pastWorkshops: [], contributions: [], engagements: [] }));
    expect(all(el, '[part~=empty]')).to.deep.equal([
      'Aucun atelier n’est prévu pour le moment.',
      'Aucune décision n’est encore enregistrée.',
      'Aucun engagement n’est encore pris.',
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows a suspended project with its reason and no current phase', async () => {
    const data = projectData();
    const el = await inline({
      ...data,
      project: { ...data.project, status: 'suspended', reason: 'Attente du financement de l’État' },
      phases: data.phases.map((p) => ({ ...p, current: false })),
      currentPhase: undefined,
    });
    expect(text(el, '.status')).to.equal('SuspenduMotif : Attente du financement de l’État');
    expect(root(el).querySelectorAll('[aria-current]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await inline(projectData(), 'en');
    await until(() => text(el, '.phases-title, #phases-title') === 'The project’s steps');
    expect(text(el, '[aria-current=step] .here')).to.equal('We are here');
    expect(text(el, '#decisions-title')).to.equal('What you decided');
    expect(clean(root(el).querySelectorAll('.decision .outcome')[2]?.textContent)).to.equal('✕ Not taken up — Request');
    expect(text(el, '.decision.declined .reason')).to.match(/^Why: La structure/);
    expect(text(el, '[part~=open]')).to.match(/^Sign up: Choisir les couleurs des halls, Saturday 21 March 2099/);
    await expect(el).to.be.accessible();
  });

  it('fits 320 px with no horizontal scroll, its buttons 44 px high', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await inline(projectData());
      await el.updateComplete;
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      const open = root(el).querySelector<HTMLElement>('[part~=open]')!;
      expect(open.getBoundingClientRect().height).to.be.at.least(44);
      await el.open(root(el).querySelector('[part~=open]')!.getAttribute('data-workshop-id')!);
      await signupOf(el)!.updateComplete;
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  describe('signing up to an upcoming workshop: the walk sign-up’s form, against the test API', () => {
    it('is completed with the keyboard only: « S’inscrire », the form, confirmed, then back to the workshop’s button', async () => {
      const { id, summary } = await createWorkshop({ capacity: 6, fill: 2, title: 'Atelier peinture des halls' });
      const page = await fixture<HTMLDivElement>(html`<div><button id="before">avant</button></div>`);
      const el = document.createElement('gusp-project');
      el.setAttribute('endpoint', API);
      el.data = projectData({ upcomingWorkshops: [summary] });
      page.append(el);
      await el.updateComplete;
      await expect(el).to.be.accessible();
      const step = async (press: string) => {
        await sendKeys({ press });
        await el.updateComplete;
        expect(deepActive(), `after ${press}`).to.not.equal(document.body);
      };
      page.querySelector<HTMLButtonElement>('#before')!.focus();
      for (let i = 0; i < 30 && deepActive()?.id !== `open-${id}`; i++) await step('Tab');
      expect(deepActive()?.id).to.equal(`open-${id}`);
      await step('Enter');
      await until(() => deepActive()?.id === 'title');
      const form = signupOf(el)!;
      expect(clean(form.shadowRoot!.querySelector('#title')?.textContent)).to.equal('Atelier peinture des halls');
      expect(clean(form.shadowRoot!.querySelector('.seats')?.textContent)).to.equal('Il reste 4 places');
      await expect(el).to.be.accessible();
      await tabThroughSignup(step, 'Awa Diallo', uniqueEmail('awa'));
      const registered = oneEvent(el, 'gusp-registered');
      await sendKeys({ press: 'Enter' });
      const event = await registered;
      expect(event.detail.workshopId).to.equal(id);
      expect(event.detail.receipt.status).to.equal('confirmed');
      await until(() => deepActive()?.id === 'confirmation-title');
      expect(clean(form.shadowRoot!.querySelector('.position')?.textContent)).to.match(/^Merci Awa Diallo, votre place est réservée/);
      await until(() => !!form.shadowRoot!.querySelector('a.calendar'));
      const calendar = form.shadowRoot!.querySelector<HTMLAnchorElement>('a.calendar')!;
      expect(calendar.getAttribute('download')).to.match(/^atelier-\d{4}-\d{2}-\d{2}\.ics$/);
      const ics = await (await fetch(calendar.href)).text();
      expect(ics).to.include(`UID:workshop-${id}@gusp`);
      expect(ics).to.include('SUMMARY:Atelier peinture des halls');
      expect(ics).to.include('LOCATION:Local des habitants\\, 12 rue des Bleuets');
      expect(ics.replace(/\r\n /g, '')).to.include('Réhabilitation des Bleuets');
      await expect(el).to.be.accessible();
      expect((await storedWorkshopRegistrations(id)).map((r) => r.name)).to.include('Awa Diallo');
      // Escape goes back to the workshop's button.
      await sendKeys({ press: 'Escape' });
      await until(() => deepActive()?.id === `open-${id}`);
    });

    it('a full workshop puts the person on the waiting list, with the position', async () => {
      const { id, summary } = await createWorkshop({ capacity: 2, fill: 3 });
      const el = await fixture<GuspProject>(
        html`<gusp-project endpoint=${API} .data=${projectData({ upcomingWorkshops: [summary] })}></gusp-project>`,
      );
      expect(text(el, '[part~=seats]')).to.equal('Complet : liste d’attente possible');
      await el.open(id);
      const form = signupOf(el)!;
      await form.updateComplete;
      const f = form.shadowRoot!;
      expect(clean(f.querySelector('[part~=submit]')?.textContent)).to.equal('M’inscrire sur la liste d’attente');
      expect(clean(f.querySelector('.notice')?.textContent)).to.match(/^Cet atelier est complet/);
      fill(f, { name: 'Nour Haddad', email: uniqueEmail('nour'), consent: true });
      const registered = oneEvent(el, 'gusp-registered');
      await form.submit();
      expect((await registered).detail.receipt).to.include({ status: 'waitlisted', position: 2 });
      await until(() => clean(f.querySelector('.position')?.textContent).startsWith('Vous êtes en position 2 sur la liste d’attente'));
      await expect(el).to.be.accessible();
    });

    it('shows the form in English with the workshop’s words', async () => {
      const el = await fixture<GuspProject>(
        html`<gusp-project lang="en" .data=${projectData({ upcomingWorkshops: [workshopSummary()] })}></gusp-project>`,
      );
      await el.open('atelier-couleurs-2099');
      const form = signupOf(el)!;
      await until(() => clean(form.shadowRoot?.querySelector('[part~=submit]')?.textContent) === 'Sign me up');
      expect(clean(form.shadowRoot!.querySelector('#consent + label')?.textContent)).to.match(
        /^You may use my contact details for this workshop/,
      );
      await expect(el).to.be.accessible();
    });

    it('a refusal from the core’s rules shows next to its field, before anything is sent (no consent)', async () => {
      const el = await fixture<GuspProject>(html`<gusp-project .data=${projectData()}></gusp-project>`);
      await el.open('atelier-couleurs-2099');
      const form = signupOf(el)!;
      await form.updateComplete;
      let sent = false;
      el.addEventListener('gusp-register', () => (sent = true));
      await form.submit();
      expect(sent).to.equal(false);
      expect(clean(form.shadowRoot!.querySelector('.error-summary')?.textContent)).to.include('Indiquez vos nom et prénom.');
      await expect(el).to.be.accessible();
    });
  });
});
