// SPDX-License-Identifier: EUPL-1.2
/**
 * The seed's second example of GUSP, « Les Bleuets, un exemple de réhabilitation concertée »: the
 * renovation of one of the oldest buildings of Le Plan done with its residents, through workshops
 * at the local des habitants (opened in September 2013) with the OPH and the Compagnons bâtisseurs.
 * Written through the commands with a clock moved back for what happened in the past, so it obeys
 * every rule; the server's demo seed and the tests call it.
 */
import type { CityProfile } from '../city/city-profile.js';
import { valence } from '../city/valence.js';
import { calendarDay } from '../dates.js';
import type { ActorRole } from '../actor.js';
import type { WalkInInput } from '../registration/registration.js';
import type { Result } from '../result.js';
import type { Store } from '../store/store.js';
import type { ScheduleWorkshopInput } from '../workshop/workshop.js';
import { createGusp, type Gusp } from './create-gusp.js';

/** What {@linkcode bleuetsSeed} made: ids to link to. */
export interface BleuetsSeed {
  readonly projectId: string;
  /** The opening of the local des habitants, 21 September 2013 (done). */
  readonly openingWorkshopId: string;
  /** A learning workshop of October 2013 (done). */
  readonly learningWorkshopId: string;
  /** The next workshop, open for sign-up (twelve days after `now`). */
  readonly upcomingWorkshopId: string;
  /** The OPH's engagements on the project: the staircases (done), the bicycle shelter (accepted). */
  readonly engagementIds: readonly string[];
}

export interface BleuetsSeedOptions {
  /** Today: the upcoming workshop is twelve days later. */
  readonly now?: Date;
  /** Valence's profile by default (it has Le Plan, the OPH, the Compagnons bâtisseurs and the Ville). */
  readonly city?: CityProfile;
  /** The domain of the participants' made-up addresses; `example.org` by default. */
  readonly emailDomain?: string;
}

const DAY = 86_400_000;
const COORDINATION = { actor: { accountId: 'seed-coordination', role: 'coordinator', organisationId: 'ville-de-valence' } } as const;
const OPH = { actor: { accountId: 'seed-oph', role: 'organisation', organisationId: 'oph' }, organisationId: 'oph' } as const;
const LOCAL = { label: 'Local des habitants, rez-de-chaussée des Bleuets', point: { lat: 44.9207, lon: 4.9125 } };

const RESIDENTS: readonly (readonly [string, ActorRole])[] = [
  ['Nadia Benali', 'resident'],
  ['Jean-Marc Roux', 'resident'],
  ['Fatou Diallo', 'association'],
  ['Lucie Martin', 'resident'],
  ['Karim Haddad', 'resident'],
  ['Inès Moreau', 'resident'],
  ['Yasmina Cherif', 'resident'],
  ['Paul Garnier', 'resident'],
  ['Élodie Faure', 'elected'],
  ['Samuel Petit', 'landlord'],
  ['Marc Lefèvre', 'partner'],
];

const must = <T>(what: string, r: Result<T>): T => {
  if (!r.ok) throw new Error(`Bleuets seed: ${what} refused: ${r.error.code} ${JSON.stringify(r.error.details)}`);
  return r.value;
};

/** Seeds the Bleuets project into `store` (any journal: the memory store, the server's SQL one). */
export async function bleuetsSeed(store: Store, options: BleuetsSeedOptions = {}): Promise<BleuetsSeed> {
  const now = options.now ?? new Date();
  const city = options.city ?? valence;
  const domain = options.emailDomain ?? 'example.org';
  let clock = Date.parse('2013-03-04T09:00:00+01:00');
  const set = (iso: string) => {
    clock = Date.parse(iso);
  };
  const gusp: Gusp = createGusp({ city, store, now: () => new Date(clock) });
  const register = async (workshopId: string, tag: string, count: number) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const [name, role] = RESIDENTS[i % RESIDENTS.length] ?? ['Habitant', 'resident'];
      const email = `bleuets-${tag}-${i}@${domain}`;
      const o = must(`register ${name}`, await gusp.workshops.register(workshopId, { name, email, role, consent: true }));
      ids.push(o.registration.id);
    }
    return ids;
  };

  // 2013: the project, its diagnostic done, announced, then the concertation.
  const project = must(
    'create the project',
    await gusp.projects.create(
      {
        quartierId: 'le-plan',
        title: 'Les Bleuets, une réhabilitation concertée',
        kind: 'building-renovation',
        site: { label: 'Immeuble Les Bleuets', address: 'Allée des Bleuets, 26000 Valence', point: { lat: 44.9205, lon: 4.9128 } },
        landlordId: 'oph',
        partnerIds: ['compagnons-batisseurs', 'ville-de-valence'],
        description:
          'La réhabilitation d’un des plus anciens immeubles du Plan se fait avec ses habitants : des ateliers d’apprentissage avec les Compagnons bâtisseurs pour transformer son logement, un local des habitants rénové par les occupants eux-mêmes, lieu de rencontre des élus, des partenaires et surtout des habitants.\n\nSans les habitants, rien ne se fera.',
        phases: [
          {
            kind: 'diagnostic',
            actualStart: '2012-10-15',
            actualEnd: '2013-06-28',
            note: 'Visites des logements et diagnostic en marchant.',
          },
        ],
      },
      COORDINATION,
    ),
  );
  const id = project.id;
  set('2013-06-03T10:00:00+02:00');
  must('announce', await gusp.projects.announce(id, COORDINATION));
  must('plan the works', await gusp.projects.setPhase(id, { kind: 'works', plannedStart: '2014-03-01' }, COORDINATION));
  set('2013-09-02T09:00:00+02:00');
  must('start the concertation', await gusp.projects.startConcertation(id, COORDINATION));
  must(
    'date the concertation',
    await gusp.projects.setPhase(
      id,
      { kind: 'concertation', actualStart: '2013-09-02', actualEnd: '2014-02-28', note: 'Ateliers au local des habitants.' },
      COORDINATION,
    ),
  );

  /** A workshop of the project scheduled, published and signed up to by `signUps` people (tagged `tag` in their addresses). */
  const openWorkshop = async (what: string, input: ScheduleWorkshopInput, tag: string, signUps: number) => {
    const workshop = must(`schedule ${what}`, await gusp.workshops.schedule(id, input, COORDINATION));
    must(`publish ${what}`, await gusp.workshops.publish(workshop.id, COORDINATION));
    return { workshop, registrations: await register(workshop.id, tag, signUps) };
  };
  /** A workshop that took place: opened, started at `startAt`, the first `present` checked in and the walk-ins added, finished at `finishAt`. */
  const holdWorkshop = async (
    what: string,
    input: ScheduleWorkshopInput,
    run: { tag: string; signUps: number; startAt: string; present: number; walkIns?: readonly WalkInInput[]; finishAt: string },
  ) => {
    const { workshop, registrations } = await openWorkshop(what, input, run.tag, run.signUps);
    set(run.startAt);
    must(`start ${what}`, await gusp.workshops.start(workshop.id, COORDINATION));
    for (const r of registrations.slice(0, run.present)) must('check in', await gusp.workshops.checkIn(workshop.id, r, COORDINATION));
    for (const w of run.walkIns ?? []) must('a walk-in comes', await gusp.workshops.walkIn(workshop.id, w, COORDINATION));
    set(run.finishAt);
    must(`finish ${what}`, await gusp.workshops.finish(workshop.id, COORDINATION));
    return workshop;
  };

  // 21 September 2013: the opening of the local des habitants.
  const opening = await holdWorkshop(
    'the opening',
    {
      kind: 'consultation',
      title: 'Ouverture du local des habitants',
      description: 'Le local rénové par les habitants ouvre ses portes : ce qu’on y fera, et comment.',
      startsAt: '2013-09-21T10:00:00+02:00',
      durationMinutes: 180,
      place: LOCAL,
      capacity: 30,
      institutionalSeats: 6,
    },
    {
      tag: 'ouverture',
      signUps: 11,
      startAt: '2013-09-21T09:50:00+02:00',
      present: 9,
      walkIns: [{ name: 'Voisine du 4e', consent: true }],
      finishAt: '2013-09-21T13:00:00+02:00',
    },
  );
  const contribute = async (workshopId: string, kind: 'decision' | 'request', text: string) =>
    must('record a contribution', await gusp.projects.recordContribution(id, { workshopId, kind, text }, COORDINATION)).id;
  const hours = await contribute(
    opening.id,
    'decision',
    'Le local est ouvert le mercredi après-midi et le samedi matin ; l’amicale des locataires en garde les clés.',
  );
  const colours = await contribute(opening.id, 'decision', 'Les habitants choisissent eux-mêmes les couleurs des cages d’escalier.');
  const wallpaper = await contribute(opening.id, 'request', 'Un atelier pour apprendre à poser du papier peint chez soi.');
  set('2013-09-25T10:00:00+02:00');
  for (const c of [hours, colours, wallpaper])
    must('adopt', await gusp.projects.decideContribution(id, c, { outcome: 'adopted' }, COORDINATION));

  // October 2013: a learning workshop with the Compagnons bâtisseurs.
  const learning = await holdWorkshop(
    'the learning workshop',
    {
      kind: 'learning',
      title: 'Atelier d’apprentissage : poser du papier peint',
      description: 'Avec les Compagnons bâtisseurs, au local : les outils sont prêtés.',
      startsAt: '2013-10-12T14:00:00+02:00',
      place: LOCAL,
      capacity: 12,
    },
    { tag: 'papier-peint', signUps: 8, startAt: '2013-10-12T13:55:00+02:00', present: 7, finishAt: '2013-10-12T16:00:00+02:00' },
  );
  const windows = await contribute(learning.id, 'request', 'Remplacer les fenêtres par des baies coulissantes.');
  const bikes = await contribute(learning.id, 'request', 'Un abri à vélos fermé au pied de l’immeuble.');
  set('2013-10-20T10:00:00+02:00');
  must(
    'decline the windows',
    await gusp.projects.decideContribution(
      id,
      windows,
      {
        outcome: 'declined',
        reason: 'Les menuiseries neuves sont imposées par la performance thermique du bâtiment : le modèle retenu s’ouvre à la française.',
      },
      COORDINATION,
    ),
  );
  must(
    'study the shelter',
    await gusp.projects.decideContribution(id, bikes, { outcome: 'studied', reason: 'L’OPH cherche l’emplacement.' }, COORDINATION),
  );

  // The OPH's engagement: the staircases in the residents' colours.
  const staircases = must(
    'propose the staircases',
    await gusp.engagements.propose(
      {
        title: 'Repeindre les cages d’escalier aux couleurs choisies par les habitants',
        quartierId: 'le-plan',
        organisationId: 'oph',
        projectId: id,
      },
      COORDINATION,
    ),
  );
  must('accept the staircases', await gusp.engagements.accept(staircases.id, { organisationId: 'oph', dueOn: '2014-06-30' }, OPH));

  // March 2014: the works.
  set('2014-03-03T08:00:00+01:00');
  must('start the works', await gusp.projects.startWorks(id, COORDINATION));
  const worksEnd = calendarDay(new Date(now.getTime() + 200 * DAY), city.timezone);
  must(
    'date the works',
    await gusp.projects.setPhase(
      id,
      {
        kind: 'works',
        plannedStart: '2014-03-01',
        actualStart: '2014-03-03',
        plannedEnd: worksEnd,
        note: 'Logement par logement, avec les habitants.',
      },
      COORDINATION,
    ),
  );
  set('2014-03-10T09:00:00+01:00');
  must('start the staircases', await gusp.engagements.start(staircases.id, {}, OPH));
  set('2014-06-12T17:00:00+02:00');
  must('finish the staircases', await gusp.engagements.complete(staircases.id, { note: 'Jaune et bleu, comme décidé.' }, OPH));

  // A year after the workshops: names and contacts forgotten, the counts kept.
  set('2014-10-21T09:00:00+02:00');
  must('purge the opening', await gusp.workshops.purgePersonalData(opening.id, COORDINATION));
  must('purge the learning workshop', await gusp.workshops.purgePersonalData(learning.id, COORDINATION));

  // These days: the bicycle shelter adopted with its engagement, and the next workshop open for sign-up.
  clock = now.getTime() - 5 * DAY;
  must('adopt the shelter', await gusp.projects.decideContribution(id, bikes, { outcome: 'adopted' }, COORDINATION));
  const shelter = must(
    'propose the shelter',
    await gusp.engagements.propose(
      { title: 'Installer un abri à vélos fermé au pied des Bleuets', quartierId: 'le-plan', organisationId: 'oph', projectId: id },
      COORDINATION,
    ),
  );
  must(
    'accept the shelter',
    await gusp.engagements.accept(
      shelter.id,
      { organisationId: 'oph', dueOn: calendarDay(new Date(now.getTime() + 120 * DAY), city.timezone) },
      OPH,
    ),
  );
  const nextDay = new Date(now.getTime() + 12 * DAY);
  nextDay.setUTCHours(13, 0, 0, 0);
  const { workshop: upcoming } = await openWorkshop(
    'the next workshop',
    {
      kind: 'learning',
      title: 'Atelier d’apprentissage : rénover sa cuisine',
      description: 'Avec les Compagnons bâtisseurs : carrelage, joints et peinture. Venez avec vos questions.',
      startsAt: nextDay.toISOString(),
      place: LOCAL,
      capacity: 12,
      institutionalSeats: 4,
    },
    'cuisine',
    5,
  );
  return {
    projectId: id,
    openingWorkshopId: opening.id,
    learningWorkshopId: learning.id,
    upcomingWorkshopId: upcoming.id,
    engagementIds: [staircases.id, shelter.id],
  };
}
