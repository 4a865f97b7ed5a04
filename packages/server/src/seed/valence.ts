// SPDX-License-Identifier: EUPL-1.2
/**
 * Valence's demo data: this year's walks in the five quartiers — some open,
 * one full, one done with its compte-rendu shared — observations, and
 * engagements in every state; and the concerted renovation of Les Bleuets (the core's `bleuetsSeed`). Written through the core's commands (with a
 * clock moved back for what happened in the past), so it obeys every rule.
 */
import { bleuetsSeed, calendarDay, createGusp, valence, type Result, type Store } from '@gusp/core';
import { SEED_EMAIL_DOMAIN } from '../notify/emails.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

const must = <T>(what: string, r: Result<T>): T => {
  if (!r.ok) throw new Error(`Seed: ${what} refused: ${r.error.code} ${JSON.stringify(r.error.details)}`);
  return r.value;
};

/** An instant `days` from `base`, at `hour` UTC (9:00 or 10:00 in Paris). */
const at = (base: number, days: number, hour = 8) => {
  const d = new Date(base + days * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d;
};

const people = [
  ['Nadia Benali', 'resident'],
  ['Jean-Marc Roux', 'resident'],
  ['Fatou Diallo', 'association'],
  ['Lucie Martin', 'resident'],
  ['Karim Haddad', 'resident'],
  ['Élodie Faure', 'elected'],
  ['Samuel Petit', 'landlord'],
  ['Inès Moreau', 'resident'],
] as const;

const register = async (gusp: ReturnType<typeof createGusp>, walkId: string, count: number, tag: string) => {
  for (let i = 0; i < count; i++) {
    const [name, role] = people[i % people.length] ?? people[0];
    must(`register ${name}`, await gusp.walks.register(walkId, { name, email: `${tag}-${i}@${SEED_EMAIL_DOMAIN}`, role, consent: true }));
  }
};

/** Seeds an empty journal with Valence's demo data. */
export async function seedValence(store: Store, now: Date = new Date()): Promise<void> {
  let clock = now.getTime();
  const gusp = createGusp({ city: valence, store, now: () => new Date(clock) });
  const today = now.getTime();

  // Le Plan: done, with its compte-rendu shared (the Bleuets building, the residents' room).
  const walkDay = at(today, -45);
  clock = walkDay.getTime() - 40 * DAY;
  const lePlan = must(
    'schedule Le Plan',
    await gusp.walks.schedule({
      quartierId: 'le-plan',
      title: 'Diagnostic en marchant — Le Plan',
      startsAt: walkDay.toISOString(),
      capacity: 25,
      stops: [
        { label: 'Parvis de l’immeuble Les Bleuets', point: { lat: 44.9205, lon: 4.9128 } },
        { label: 'Aire de jeux rue Jean-Moulin', point: { lat: 44.9212, lon: 4.9141 } },
        { label: 'Passage vers l’arrêt de bus', point: { lat: 44.9199, lon: 4.9152 } },
      ],
    }),
  );
  must('publish Le Plan', await gusp.walks.publish(lePlan.id));
  await register(gusp, lePlan.id, 8, 'le-plan');
  clock = walkDay.getTime() - 10 * 60_000;
  must('start Le Plan', await gusp.walks.start(lePlan.id));
  const [bleuets, jeux, passage] = lePlan.stops;
  const observe = async (input: Parameters<typeof gusp.observations.record>[0]) =>
    must('record observation', await gusp.observations.record(input));
  clock += HOUR;
  const lightOut = await observe({
    walkId: lePlan.id,
    stopId: passage?.id,
    polarity: 'problem',
    themeId: 'eclairage-public',
    description: 'Deux lampadaires éteints dans le passage vers l’arrêt de bus.',
    source: 'walk',
  });
  const playground = await observe({
    walkId: lePlan.id,
    stopId: jeux?.id,
    polarity: 'problem',
    themeId: 'espaces-publics-jeux',
    description: 'Le toboggan de l’aire de jeux est cassé.',
    source: 'walk',
  });
  const bins = await observe({
    walkId: lePlan.id,
    stopId: bleuets?.id,
    polarity: 'problem',
    themeId: 'tri-selectif',
    description: 'Les bacs de tri débordent le lundi matin.',
    source: 'walk',
  });
  await observe({
    walkId: lePlan.id,
    stopId: bleuets?.id,
    polarity: 'positive',
    themeId: 'lien-social',
    description: 'La salle des habitants rénovée par les habitants eux-mêmes est très utilisée.',
    source: 'walk',
  });
  await observe({
    walkId: lePlan.id,
    stopId: jeux?.id,
    polarity: 'positive',
    themeId: 'espaces-verts',
    description: 'Les massifs sont bien entretenus.',
    source: 'walk',
  });
  const graffiti = await observe({
    walkId: lePlan.id,
    stopId: passage?.id,
    polarity: 'problem',
    themeId: 'embellissement',
    description: 'Tags sur le mur du passage.',
    source: 'walk',
  });
  clock = walkDay.getTime() + 4 * HOUR;
  must('finish Le Plan', await gusp.walks.finish(lePlan.id));

  clock += HOUR;
  for (const [o, org, severity] of [
    [lightOut, 'ville-de-valence', 'high'],
    [playground, 'ville-de-valence', 'medium'],
    [bins, 'oph', 'medium'],
    [graffiti, 'oph', 'low'],
  ] as const) {
    must('qualify', await gusp.observations.qualify(o.id, { organisationId: org, severity }));
  }
  const dueIn = (days: number) => calendarDay(new Date(clock + days * DAY), valence.timezone);
  const propose = async (title: string, themeId: string, organisationId: string, observationIds: string[]) =>
    must(
      'propose',
      await gusp.engagements.propose({ title, quartierId: 'le-plan', themeId, organisationId, walkId: lePlan.id, observationIds }),
    );
  const lights = await propose('Remplacer les lampadaires du passage', 'eclairage-public', 'ville-de-valence', [lightOut.id]);
  const slide = await propose('Réparer le toboggan de l’aire de jeux', 'espaces-publics-jeux', 'ville-de-valence', [playground.id]);
  const sorting = await propose('Ajouter une collecte des bacs de tri le lundi', 'tri-selectif', 'oph', [bins.id]);
  const tags = await propose('Effacer les tags du passage', 'embellissement', 'oph', [graffiti.id]);
  const fresco = await propose('Fresque participative sur le mur du passage', 'embellissement', 'associations-de-quartier', []);
  const benches = await propose('Installer des bancs près des Bleuets', 'espaces-publics-jeux', 'ville-de-valence', []);
  const litter = await propose('Nettoyer les abords de l’immeuble Les Bleuets', 'nettoyage', 'oph', []);

  must('accept lights', await gusp.engagements.accept(lights.id, { organisationId: 'ville-de-valence', dueOn: dueIn(20) }));
  must('accept slide', await gusp.engagements.accept(slide.id, { organisationId: 'ville-de-valence', dueOn: dueIn(30) }));
  must('accept sorting', await gusp.engagements.accept(sorting.id, { organisationId: 'oph', dueOn: dueIn(60) }));
  must('accept litter', await gusp.engagements.accept(litter.id, { organisationId: 'oph', dueOn: dueIn(10) }));
  must('accept tags', await gusp.engagements.accept(tags.id, { organisationId: 'oph', dueOn: dueIn(15) }));
  clock += 2 * DAY;
  must('draft report', await gusp.reports.draft(lePlan.id));
  must(
    'validate report',
    await gusp.reports.validate(lePlan.id, {
      summary: 'Un quartier attaché à ses espaces partagés ; l’éclairage et l’aire de jeux sont les priorités.',
    }),
  );
  must('share report', await gusp.reports.share(lePlan.id));

  clock += 3 * DAY;
  must('start lights', await gusp.engagements.start(lights.id, { note: 'Commande passée.' }));
  must('start litter', await gusp.engagements.start(litter.id, {}));
  must('complete litter', await gusp.engagements.complete(litter.id, { note: 'Abords nettoyés, passage hebdomadaire ajouté.' }));
  must('start tags', await gusp.engagements.start(tags.id, {}));
  must('complete tags', await gusp.engagements.complete(tags.id, { note: 'Mur nettoyé.' }));
  clock += 5 * DAY;
  must('verify tags', await gusp.engagements.verify(tags.id, { note: 'Constaté par les habitants.' }));
  must('progress sorting', await gusp.engagements.start(sorting.id, {}));
  must('progress sorting', await gusp.engagements.progress(sorting.id, { percent: 40, note: 'Tournée du lundi en test.' }));
  must('abandon benches', await gusp.engagements.abandon(benches.id, { reason: 'Remplacé par le projet de jardin partagé.' }));
  void fresco; // stays proposed
  // The lights are late by now (due 20 days after the walk, 45 days ago): overdue.

  // Open walks this year, and one full.
  clock = today - 5 * DAY;
  const open = async (quartierId: string, title: string, days: number, capacity: number, label: string, lat: number, lon: number) => {
    const w = must(
      `schedule ${quartierId}`,
      await gusp.walks.schedule({
        quartierId,
        title,
        startsAt: at(today, days).toISOString(),
        capacity,
        stops: [{ label, point: { lat, lon } }],
      }),
    );
    must(`publish ${quartierId}`, await gusp.walks.publish(w.id));
    return w;
  };
  const polygone = await open('polygone', 'Diagnostic en marchant — Polygone', 21, 25, 'Place de la mairie de quartier', 44.9392, 4.9083);
  await register(gusp, polygone.id, 6, 'polygone');
  const chamberliere = await open('chamberliere', 'Diagnostic en marchant — Chamberlière', 35, 20, 'Centre social', 44.9436, 4.9007);
  await register(gusp, chamberliere.id, 3, 'chamberliere');
  const valensolles = await open('valensolles', 'Diagnostic en marchant — Valensolles', 14, 5, 'Entrée du parc', 44.9118, 4.9046);
  // Five public seats: seven residents and associations, an elected official and the landlord
  // (institutional seats do not count) fill it, and two wait.
  await register(gusp, valensolles.id, 9, 'valensolles');
  await open('fontbarlettes', 'Diagnostic en marchant — Fontbarlettes', 49, 30, 'Esplanade de la médiathèque', 44.9229, 4.9262);

  // Reports from residents, outside walks.
  clock = today - 2 * DAY;
  await observe({
    quartierId: 'fontbarlettes',
    polarity: 'problem',
    themeId: 'voirie',
    description: 'Nid-de-poule devant l’école.',
    address: 'Rue Magellan, devant l’école',
    source: 'resident',
  });
  await observe({
    quartierId: 'polygone',
    polarity: 'positive',
    themeId: 'transport-urbain',
    description: 'Le nouvel abribus est apprécié.',
    point: { lat: 44.9395, lon: 4.909 },
    source: 'resident',
  });
  await observe({
    quartierId: 'chamberliere',
    polarity: 'problem',
    themeId: 'stationnement',
    description: 'Voitures garées sur le trottoir devant la pharmacie.',
    address: 'Avenue de Chabeuil',
    source: 'resident',
  });

  // Les Bleuets, the seed's concerted renovation (issue 15): its workshops since the opening of the local des habitants
  // in September 2013, what residents decided, the OPH's engagements, and the next workshop open for sign-up.
  await bleuetsSeed(store, { now: new Date(today), emailDomain: SEED_EMAIL_DOMAIN });
}
