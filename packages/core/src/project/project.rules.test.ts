// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { valence } from '../city/valence.js';
import { errorMessage } from '../i18n.js';
import { assertRefused, assertTarget, itFollowsTheExpectedTable, X, type ExpectedTable } from '../rules/rules.test-helpers.js';
import { transition } from '../rules/transition.js';
import { workshopRules, type WorkshopContext, type WorkshopEventName } from '../workshop/workshop.rules.js';
import type { Workshop, WorkshopStatus } from '../workshop/workshop.js';
import { contributionRules, type ContributionEventName } from './contribution.rules.js';
import type { ContributionOutcome } from './contribution.js';
import { projectRules, type ProjectContext, type ProjectEventName } from './project.rules.js';
import type { ProjectStatus } from './project.js';

const NOW = new Date('2026-04-01T10:00:00+02:00');

/** Every project guard passes: a known quartier and organisations, a reason, phase days in order, city staff. */
const allPass = (over: Partial<ProjectContext> = {}): ProjectContext => ({
  city: valence,
  now: NOW,
  project: {
    quartierId: 'le-plan' as never,
    landlordId: 'oph' as never,
    partnerIds: ['compagnons-batisseurs' as never],
    suspendedFrom: 'announced',
  },
  reason: 'Le chantier attend son financement',
  phase: { kind: 'works', plannedStart: '2026-05-01', plannedEnd: '2026-12-31' },
  actorRole: 'coordinator',
  ...over,
});

/**
 * DOMAIN.md / issue 15: draft →announce→ announced →startConcertation→ in-concertation →startWorks→
 * in-works →deliver→ delivered →evaluate→ evaluated; announced|in-concertation|in-works →suspend→
 * suspended →resume→ where it was; draft|announced|in-concertation|in-works|suspended →abandon→
 * abandoned; edit and setPhase keep the state (edit not once evaluated).
 */
const projectTable: ExpectedTable<ProjectStatus, ProjectEventName> = {
  states: ['draft', 'announced', 'in-concertation', 'in-works', 'delivered', 'evaluated', 'suspended', 'abandoned'],
  events: [
    'create',
    'edit',
    'setPhase',
    'announce',
    'startConcertation',
    'startWorks',
    'deliver',
    'evaluate',
    'suspend',
    'resume',
    'abandon',
  ],
  rows: {
    //                create   edit               setPhase           announce     startConc.         startWorks  deliver      evaluate     suspend      resume       abandon
    none: ['draft', X, X, X, X, X, X, X, X, X, X],
    draft: [X, 'draft', 'draft', 'announced', X, X, X, X, X, X, 'abandoned'],
    announced: [X, 'announced', 'announced', X, 'in-concertation', X, X, X, 'suspended', X, 'abandoned'],
    'in-concertation': [X, 'in-concertation', 'in-concertation', X, X, 'in-works', X, X, 'suspended', X, 'abandoned'],
    'in-works': [X, 'in-works', 'in-works', X, X, X, 'delivered', X, 'suspended', X, 'abandoned'],
    delivered: [X, 'delivered', 'delivered', X, X, X, X, 'evaluated', X, X, X],
    evaluated: [X, X, 'evaluated', X, X, X, X, X, X, X, X],
    suspended: [X, 'suspended', 'suspended', X, X, X, X, X, X, 'announced', 'abandoned'],
    abandoned: [X, X, X, X, X, X, X, X, X, X, X],
  },
  fallbacks: [
    { from: 'suspended', event: 'resume', target: 'in-concertation' },
    { from: 'suspended', event: 'resume', target: 'in-works' },
  ],
};

describe('projectRules: the table', () => {
  itFollowsTheExpectedTable(projectRules, projectTable, () => allPass());
});

describe('projectRules: guards', () => {
  it('resumes to the status it was suspended from', () => {
    for (const from of ['announced', 'in-concertation', 'in-works'] as const) {
      assertTarget(
        transition(projectRules, 'suspended', 'resume', allPass({ project: { ...allPass().project, suspendedFrom: from } })),
        from,
      );
    }
  });

  it('refuses an organisation’s staff every change with project.organisation-cannot-change', () => {
    for (const [state, event] of [
      ['none', 'create'],
      ['draft', 'announce'],
      ['in-concertation', 'startWorks'],
      ['suspended', 'resume'],
      ['draft', 'edit'],
    ] as const) {
      assertRefused(transition(projectRules, state, event, allPass({ actorRole: 'organisation' })), 'project.organisation-cannot-change');
    }
    assertTarget(transition(projectRules, 'draft', 'announce', allPass({ actorRole: 'agent' })), 'announced');
  });

  it('refuses to suspend or abandon without a reason with project.reason-required', () => {
    assertRefused(transition(projectRules, 'in-works', 'suspend', allPass({ reason: '  ' })), 'project.reason-required');
    assertRefused(transition(projectRules, 'draft', 'abandon', allPass({ reason: undefined })), 'project.reason-required');
    assertRefused(transition(projectRules, 'in-works', 'suspend', allPass({ reason: '' })), 'project.reason-required', 'en');
  });

  it('refuses an unknown quartier or organisation, naming it', () => {
    const quartier = assertRefused(
      transition(projectRules, 'none', 'create', allPass({ project: { ...allPass().project, quartierId: 'vaulx' as never } })),
      'project.unknown-quartier',
    );
    assert.equal(quartier.details.quartierId, 'vaulx');
    const organisation = assertRefused(
      transition(projectRules, 'draft', 'edit', allPass({ project: { ...allPass().project, partnerIds: ['batir-ensemble' as never] } })),
      'project.unknown-organisation',
    );
    assert.equal(organisation.details.organisationId, 'batir-ensemble');
  });

  it('refuses a phase that ends before it starts with project.phase-dates', () => {
    assertRefused(
      transition(
        projectRules,
        'announced',
        'setPhase',
        allPass({ phase: { kind: 'works', plannedStart: '2026-06-01', plannedEnd: '2026-05-01' } }),
      ),
      'project.phase-dates',
    );
    assertRefused(
      transition(
        projectRules,
        'in-works',
        'setPhase',
        allPass({ phase: { kind: 'works', actualStart: '2026-06-02', actualEnd: '2026-06-01' } }),
      ),
      'project.phase-dates',
    );
    // One day long is fine; only a start is fine.
    assertTarget(
      transition(
        projectRules,
        'draft',
        'setPhase',
        allPass({ phase: { kind: 'diagnostic', plannedStart: '2026-06-01', plannedEnd: '2026-06-01' } }),
      ),
      'draft',
    );
    assertTarget(
      transition(projectRules, 'draft', 'setPhase', allPass({ phase: { kind: 'diagnostic', actualStart: '2026-06-01' } })),
      'draft',
    );
  });
});

/** issue 15: pending →adopt|study|decline; studied →adopt|decline; declining needs a reason. */
const contributionTable: ExpectedTable<ContributionOutcome, ContributionEventName> = {
  states: ['pending', 'adopted', 'studied', 'declined'],
  events: ['record', 'adopt', 'study', 'decline'],
  rows: {
    none: ['pending', X, X, X],
    pending: [X, 'adopted', 'studied', 'declined'],
    adopted: [X, X, X, X],
    studied: [X, 'adopted', X, 'declined'],
    declined: [X, X, X, X],
  },
};

describe('contributionRules', () => {
  itFollowsTheExpectedTable(contributionRules, contributionTable, () => ({ reason: 'Trop coûteux', actorRole: 'coordinator' as const }));

  it('refuses to decline without a reason with contribution.reason-required, in French and English', () => {
    assertRefused(transition(contributionRules, 'pending', 'decline', {}), 'contribution.reason-required');
    assertRefused(transition(contributionRules, 'studied', 'decline', { reason: ' ' }), 'contribution.reason-required', 'en');
    assertTarget(transition(contributionRules, 'pending', 'adopt', {}), 'adopted');
  });

  it('lets no organisation decide', () => {
    assertRefused(transition(contributionRules, 'pending', 'adopt', { actorRole: 'organisation' }), 'project.organisation-cannot-change');
  });
});

const workshop: Workshop = {
  id: 'w1' as never,
  projectId: 'p1' as never,
  quartierId: 'le-plan' as never,
  kind: 'learning',
  title: 'Repeindre sa cage d’escalier',
  startsAt: '2026-04-11T14:00:00+02:00',
  durationMinutes: 120,
  place: { label: 'Local des habitants, 3 allée des Bleuets' },
  capacity: 12,
  registrationDeadline: '2026-04-10T18:00:00+02:00',
  status: 'draft',
  sequence: 0,
  createdAt: '2026-04-01T10:00:00+02:00',
  updatedAt: '2026-04-01T10:00:00+02:00',
};
const workshopPass = (over: Partial<WorkshopContext> = {}): WorkshopContext => ({
  city: valence,
  workshop,
  now: NOW,
  projectStatus: 'in-concertation',
  reason: 'Salle indisponible',
  actorRole: 'coordinator',
  ...over,
});

/** The walk's lifecycle without its compte-rendu. */
const workshopTable: ExpectedTable<WorkshopStatus, WorkshopEventName> = {
  states: ['draft', 'open', 'closed', 'in-progress', 'done', 'cancelled'],
  events: ['schedule', 'editDraft', 'publish', 'closeRegistrations', 'start', 'finish', 'cancel', 'reschedule'],
  rows: {
    none: ['draft', X, X, X, X, X, X, X],
    draft: [X, 'draft', 'open', X, X, X, 'cancelled', X],
    open: [X, X, X, 'closed', X, X, 'cancelled', 'open'],
    closed: [X, X, X, X, 'in-progress', X, 'cancelled', 'closed'],
    'in-progress': [X, X, X, X, X, 'done', X, X],
    done: [X, X, X, X, X, X, X, X],
    cancelled: [X, X, X, X, X, X, X, X],
  },
};

describe('workshopRules', () => {
  // Starting is allowed from 30 minutes before: the clock is then.
  itFollowsTheExpectedTable(workshopRules, workshopTable, (event) =>
    workshopPass(event === 'start' ? { now: new Date('2026-04-11T13:45:00+02:00') } : {}),
  );

  it('publishes only with a place, seats, a start ahead and a project going on', () => {
    const publish = (over: Partial<WorkshopContext>) => transition(workshopRules, 'draft', 'publish', workshopPass(over));
    const { place: _place, ...noPlace } = workshop;
    assertRefused(publish({ workshop: noPlace }), 'workshop.place-required');
    assertRefused(publish({ workshop: { ...workshop, capacity: 0 } }), 'workshop.capacity-required');
    assertRefused(publish({ now: new Date('2026-04-12T10:00:00+02:00') }), 'workshop.start-in-past');
    assertRefused(publish({ projectStatus: 'abandoned' }), 'workshop.project-over');
    assertRefused(publish({ projectStatus: 'draft' }), 'workshop.project-not-announced');
    assertRefused(transition(workshopRules, 'none', 'schedule', workshopPass({ projectStatus: 'evaluated' })), 'workshop.project-over');
  });

  it('starts no earlier than the city says, cancels with a reason, and is run by city staff only', () => {
    assertRefused(transition(workshopRules, 'closed', 'start', workshopPass()), 'workshop.too-early-to-start');
    assertRefused(transition(workshopRules, 'open', 'cancel', workshopPass({ reason: '' })), 'workshop.reason-required');
    assertRefused(
      transition(workshopRules, 'draft', 'publish', workshopPass({ actorRole: 'organisation' })),
      'project.organisation-cannot-change',
    );
    assertRefused(
      transition(
        workshopRules,
        'open',
        'reschedule',
        workshopPass({ startsAt: '2026-04-20T14:00:00+02:00', registrationDeadline: '2026-03-01T10:00:00+01:00' }),
      ),
      'workshop.deadline-in-past',
    );
  });
});

describe('the project domain’s codes', () => {
  it('all have a message in French and in English', () => {
    const codes = new Set<string>();
    for (const table of [projectRules, contributionRules, workshopRules]) {
      codes.add(`${table.id}.invalid-transition`);
      for (const guard of Object.values(table.guards) as { code: string }[]) codes.add(guard.code);
    }
    for (const code of [...codes, 'project.not-found', 'workshop.not-found', 'contribution.not-found']) {
      for (const locale of ['fr', 'en']) {
        const text = errorMessage(code, locale, { state: 'draft', event: 'announce', minutes: 30, quartierId: 'x', organisationId: 'y' });
        assert.notEqual(text, code, `${locale} ${code}`);
        assert.ok(!/undefined/.test(text), `${locale} ${code}: ${text}`);
      }
    }
    assert.notEqual(errorMessage('project.reason-required', 'fr'), errorMessage('project.reason-required', 'en'));
  });
});
