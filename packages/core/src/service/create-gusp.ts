// SPDX-License-Identifier: EUPL-1.2
import type { CityProfile } from '../city/city-profile.js';
import { yearOf } from '../dates.js';
import type { Milestone } from '../engagement/engagement.js';
import { ok, type Result } from '../result.js';
import type { Store } from '../store/store.js';
import { yearlyCoverage, type QuartierCoverage } from '../views/coverage.js';
import { engagementDashboard, type EngagementDashboard } from '../views/engagement-dashboard.js';
import { observationStats, type ObservationStats } from '../views/observation-stats.js';
import { nextWalks, walkSummary, type WalkSummary } from '../views/walk-summary.js';
import type { Walk } from '../walk/walk.js';
import { contributionsByOutcome, projectPage, type ProjectPage } from '../views/project-page.js';
import {
  participationByWorkshop,
  upcomingWorkshops,
  workshopSummary,
  type WorkshopParticipation,
  type WorkshopSummary,
} from '../views/workshop-summary.js';
import type { ContributionOutcome } from '../project/contribution.js';
import type { Workshop } from '../workshop/workshop.js';
import { GATHERING_OPTIONS_AT } from './gathering-lifecycle.js';
import { engagementCommands, type EngagementCommands } from './engagements.js';
import { observationCommands, type ObservationCommands } from './observations.js';
import { reportCommands, type ReportCommands } from './reports.js';
import { Runtime, withInputDigests, type CommandOptions } from './runtime.js';
import { walkCommands, type WalkCommands } from './walks.js';
import { projectCommands, type ProjectCommands } from './projects.js';
import { workshopCommands, type WorkshopCommands } from './workshops.js';

export interface GuspOptions {
  /** The city profile (`valence`, or one made with `defineCity`). */
  readonly city: CityProfile;
  /** Where the journal lives: `memoryStore()` here, the SQL store of `@gusp/server` there. */
  readonly store: Store;
  /** The clock; injectable for tests and replays. */
  readonly now?: () => Date;
  /** Default language of error messages (the city's otherwise). */
  readonly locale?: string;
}

/** Read-only views over the journal: `gusp.queries`. They never change anything. */
export interface GuspQueries {
  /** Seats left, waitlist, participants by role; or `walk.not-found`. */
  walkSummary(walkId: string, options?: CommandOptions): Promise<Result<WalkSummary>>;
  /** The next walk of each quartier that has one (published, not cancelled, not yet started), soonest first. */
  nextWalks(): Promise<Walk[]>;
  /** Counts by theme × polarity, by stop, by quartier and year; `year` is read in the city's time zone. */
  observationStats(filter?: { quartierId?: string; walkId?: string; year?: number }): Promise<ObservationStats>;
  /** Where engagements stand: by status, overdue, on-time rate, by organisation, quartier, theme. */
  engagementDashboard(filter?: { quartierId?: string; organisationId?: string; themeId?: string }): Promise<EngagementDashboard>;
  /** Whether each priority quartier has its walk in `year` (this year, in the city's time zone, by default). */
  coverage(year?: number): Promise<QuartierCoverage[]>;
  /** An engagement's timeline (jalons), from its events; or `engagement.not-found`. */
  engagementTimeline(engagementId: string, options?: CommandOptions): Promise<Result<Milestone[]>>;
  /** A concerted project's public page (phases, workshops, decisions, engagements); `project.not-found` for a draft too. */
  projectPage(projectId: string, options?: CommandOptions & { includeDraft?: boolean }): Promise<Result<ProjectPage>>;
  /** A workshop's seats left, waitlist and participants by role; or `workshop.not-found`. */
  workshopSummary(workshopId: string, options?: CommandOptions): Promise<Result<WorkshopSummary>>;
  /** Published workshops not yet started, soonest first, of a quartier or a project when asked; none of a project still in draft. */
  upcomingWorkshops(filter?: { quartierId?: string; projectId?: string }): Promise<Workshop[]>;
  /** Who came to each workshop (of a project when asked), by status and role, in date order. */
  participationByWorkshop(filter?: { projectId?: string }): Promise<WorkshopParticipation[]>;
  /** How many contributions (of a project when asked) have each outcome. */
  contributionsByOutcome(filter?: { projectId?: string }): Promise<Record<ContributionOutcome, number>>;
}

/** What {@linkcode createGusp} returns: the city, the store, the command groups and the queries. */
export interface Gusp {
  /** The city profile the service was made with. */
  readonly city: CityProfile;
  /** The journal the service reads and appends to. */
  readonly store: Store;
  /** Walks and their registrations. */
  readonly walks: WalkCommands;
  /** Observations: points positifs and dysfonctionnements. */
  readonly observations: ObservationCommands;
  /** Engagements opérationnels. */
  readonly engagements: EngagementCommands;
  /** Comptes-rendus of walks. */
  readonly reports: ReportCommands;
  /** Concerted projects, their phases and the contributions residents made. */
  readonly projects: ProjectCommands;
  /** The workshops (ateliers) of projects and their registrations (the walk's registration commands). */
  readonly workshops: WorkshopCommands;
  /** Read-only views. */
  readonly queries: GuspQueries;
}

/**
 * The GUSP service: grouped commands over a store. Every command is async,
 * returns a `Result` and never throws for bad input or a refused rule.
 *
 * @example
 * const gusp = createGusp({ city: valence, store: memoryStore() });
 * const walk = await gusp.walks.schedule({ quartierId: 'le-plan', startsAt: '2026-03-14T09:00:00+01:00' });
 */
export function createGusp(options: GuspOptions): Gusp {
  const { city, store } = options;
  const now = options.now ?? (() => new Date());
  const rt = new Runtime(city, store, now, options.locale ?? city.locale);
  // Where each command takes its options: a client id is then compared on the input it came with.
  const walks = withInputDigests('walks', walkCommands(rt), { schedule: 1, ...GATHERING_OPTIONS_AT });
  const observations = withInputDigests('observations', observationCommands(rt), {
    record: 1,
    qualify: 2,
    markDuplicate: 2,
    reject: 2,
    resolve: 1,
    eraseReporter: 1,
  });
  const engagements = withInputDigests('engagements', engagementCommands(rt), {
    propose: 1,
    accept: 2,
    start: 2,
    progress: 2,
    complete: 2,
    verify: 2,
    reopen: 2,
    abandon: 2,
    reschedule: 2,
  });
  const reports = withInputDigests('reports', reportCommands(rt), { draft: 1, validate: 2, share: 2 });
  const projects = withInputDigests('projects', projectCommands(rt), {
    create: 1,
    edit: 2,
    setPhase: 2,
    announce: 1,
    startConcertation: 1,
    startWorks: 1,
    deliver: 1,
    evaluate: 1,
    suspend: 2,
    resume: 1,
    abandon: 2,
    recordContribution: 2,
    decideContribution: 3,
  });
  const workshops = withInputDigests('workshops', workshopCommands(rt), { schedule: 2, ...GATHERING_OPTIONS_AT });

  const queries: GuspQueries = {
    /** Seats left, waitlist, participants by role. */
    async walkSummary(walkId: string, opts?: CommandOptions): Promise<Result<WalkSummary>> {
      const agg = await walks.get(walkId, opts);
      return agg.ok ? ok(walkSummary(agg.value, now())) : agg;
    },
    /** The next walk of each quartier. */
    async nextWalks() {
      return nextWalks(
        (await walks.list()).map((a) => a.walk),
        now(),
      );
    },
    /** Counts by theme × polarity, by stop, by quartier and year. */
    async observationStats(filter: { quartierId?: string; walkId?: string; year?: number } = {}) {
      const list = (await observations.list()).filter(
        (o) =>
          (filter.quartierId === undefined || o.quartierId === filter.quartierId) &&
          (filter.walkId === undefined || o.walkId === filter.walkId) &&
          (filter.year === undefined || yearOf(o.recordedAt, city.timezone) === filter.year),
      );
      return observationStats(list, city.timezone);
    },
    /** Where engagements stand: by status, overdue, on-time rate, by organisation, quartier, theme. */
    async engagementDashboard(filter: { quartierId?: string; organisationId?: string; themeId?: string } = {}) {
      const list = (await engagements.list()).filter(
        (e) =>
          (filter.quartierId === undefined || e.quartierId === filter.quartierId) &&
          (filter.organisationId === undefined || e.organisationId === filter.organisationId) &&
          (filter.themeId === undefined || e.themeId === filter.themeId),
      );
      return engagementDashboard(list, now(), city);
    },
    /** Whether each priority quartier has its walk this year (or `year`). */
    async coverage(year: number = yearOf(now(), city.timezone)) {
      return yearlyCoverage(
        (await walks.list()).map((a) => a.walk),
        city,
        year,
      );
    },
    /** An engagement's timeline (jalons), from its events. */
    async engagementTimeline(engagementId: string, opts?: CommandOptions) {
      const e = await engagements.get(engagementId, opts);
      return e.ok ? ok(e.value.milestones) : e;
    },
    /** A concerted project's public page. */
    async projectPage(projectId: string, opts?: CommandOptions & { includeDraft?: boolean }) {
      const p = await projects.get(projectId, opts);
      if (!p.ok) return p;
      if (p.value.project.status === 'draft' && !opts?.includeDraft) return rt.error('project.not-found', opts, { projectId });
      const [ws, es] = await Promise.all([workshops.list({ projectId }), engagements.list()]);
      return ok(projectPage(p.value, ws, es, city, now()));
    },
    /** A workshop's seats left, waitlist and participants by role. */
    async workshopSummary(workshopId: string, opts?: CommandOptions) {
      const w = await workshops.get(workshopId, opts);
      return w.ok ? ok(workshopSummary(w.value, now())) : w;
    },
    /** Published workshops not yet started, soonest first. */
    async upcomingWorkshops(filter: { quartierId?: string; projectId?: string } = {}) {
      const upcoming = upcomingWorkshops(
        (await workshops.list()).map((w) => w.workshop),
        now(),
        filter,
      );
      // A draft project is not public yet, nor are its workshops: only the projects of the upcoming
      // ones are read (each from the runtime's snapshot), not every project folded again.
      const ids = [...new Set(upcoming.map((w) => w.projectId as string))];
      const found = await Promise.all(ids.map((id) => projects.get(id)));
      const drafts = new Set(found.flatMap((p) => (p.ok && p.value.project.status === 'draft' ? [p.value.project.id as string] : [])));
      return upcoming.filter((w) => !drafts.has(w.projectId));
    },
    /** Who came to each workshop, by status and role. */
    async participationByWorkshop(filter: { projectId?: string } = {}) {
      return participationByWorkshop(await workshops.list(filter));
    },
    /** How many contributions have each outcome. */
    async contributionsByOutcome(filter: { projectId?: string } = {}) {
      const list = (await projects.list()).filter((p) => filter.projectId === undefined || p.project.id === filter.projectId);
      return contributionsByOutcome(list.flatMap((p) => p.contributions));
    },
  };

  return { city, store, walks, observations, engagements, reports, projects, workshops, queries };
}
