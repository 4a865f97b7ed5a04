// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { check } from '@placemarkio/check-geojson';
import ICAL from 'ical.js';
import { validateHtml } from '../../../../scripts/validate-html.mjs';
import { valence } from '../city/valence.js';
import type { ProjectAggregate } from '../project/project.fold.js';
import { bleuetsSeed, type BleuetsSeed } from '../service/bleuets-seed.js';
import { createGusp, type Gusp } from '../service/create-gusp.js';
import { memoryStore } from '../store/memory-store.js';
import type { ProjectPage } from '../views/project-page.js';
import type { WorkshopAggregate } from '../workshop/workshop.fold.js';
import { projectFeature, projectsToGeoJSON } from './geojson-projects.js';
import { projectICalendarFeed, toICalendarFeed, workshopToICalendar, workshopUid } from './ical.js';
import { projectPageToHTML } from './project-html.js';

const NOW = new Date('2026-03-02T10:00:00+01:00');

function parse(text: string): ICAL.Component {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  return calendar;
}

let gusp: Gusp;
let seed: BleuetsSeed;
let project: ProjectAggregate;
let workshops: WorkshopAggregate[];
let page: ProjectPage;

before(async () => {
  const store = memoryStore();
  seed = await bleuetsSeed(store, { now: NOW });
  gusp = createGusp({ city: valence, store, now: () => NOW });
  const p = await gusp.projects.get(seed.projectId);
  assert.ok(p.ok);
  project = p.value;
  workshops = await gusp.workshops.list({ projectId: seed.projectId });
  const pg = await gusp.queries.projectPage(seed.projectId);
  assert.ok(pg.ok);
  page = pg.value;
});

describe('the Bleuets seed', () => {
  it('tells the story: in works, the local opened in September 2013, decisions adopted and one declined, the next workshop open', async () => {
    assert.equal(project.project.status, 'in-works');
    assert.equal(page.currentPhase, 'works');
    assert.deepEqual(
      page.pastWorkshops.map((w) => [w.workshop.title, w.workshop.startsAt, w.attended]),
      [
        ['Atelier d’apprentissage : poser du papier peint', '2013-10-12T14:00:00+02:00', 7],
        ['Ouverture du local des habitants', '2013-09-21T10:00:00+02:00', 10],
      ],
    );
    assert.equal(page.upcomingWorkshops.length, 1);
    const next = page.upcomingWorkshops[0];
    assert.deepEqual([next?.workshop.id, next?.status, next?.seatsLeft, next?.confirmed], [seed.upcomingWorkshopId, 'open', 7, 5]);
    assert.deepEqual(page.contributionsByOutcome, { pending: 0, adopted: 4, studied: 0, declined: 1 });
    assert.ok(page.contributions.find((c) => c.outcome === 'declined')?.outcomeReason?.includes('performance thermique'));
    assert.deepEqual(
      page.engagements.map((e) => [e.status, e.organisation?.name]),
      [
        ['done', 'Office public de l’habitat'],
        ['accepted', 'Office public de l’habitat'],
      ],
    );
    // The 2013 workshops' names and contacts are purged; the counts stay.
    const opening = workshops.find((w) => w.workshop.id === seed.openingWorkshopId);
    assert.ok(opening?.registrations.every((r) => r.anonymised && r.name === '' && r.email === undefined));
    const upcoming = await gusp.queries.upcomingWorkshops({ quartierId: 'le-plan' });
    assert.deepEqual(
      upcoming.map((w) => w.id),
      [seed.upcomingWorkshopId],
    );
  });
});

describe('workshops in iCalendar', () => {
  it('gives a workshop its own VEVENT: stable UID, TZID Europe/Paris, LOCATION, GEO, the project in the description', () => {
    const w = workshops.find((x) => x.workshop.id === seed.upcomingWorkshopId)!.workshop;
    const ics = workshopToICalendar(w, valence, { url: 'https://gusp.example/ateliers/x', projectTitle: project.project.title });
    const [event] = parse(ics).getAllSubcomponents('vevent');
    assert.ok(event);
    const e = new ICAL.Event(event);
    assert.equal(e.uid, workshopUid(w));
    assert.equal(e.summary, w.title);
    assert.equal(e.location, 'Local des habitants, rez-de-chaussée des Bleuets');
    assert.equal(event.getFirstProperty('dtstart')?.getParameter('tzid'), 'Europe/Paris');
    assert.equal(e.startDate.toUnixTime(), Date.parse(w.startsAt) / 1000);
    assert.equal(e.endDate.toUnixTime() - e.startDate.toUnixTime(), 120 * 60);
    assert.deepEqual(event.getFirstPropertyValue('geo'), [44.9207, 4.9125]);
    assert.match(e.description, /Atelier d’apprentissage\nProjet\u00a0: Les Bleuets/);
    assert.equal(event.getFirstPropertyValue('status'), 'CONFIRMED');
    assert.match(workshopToICalendar(w, valence, { locale: 'en' }), /DESCRIPTION:Learning workshop/);
  });

  it('says STATUS:CANCELLED with the reason, SEQUENCE up, when a workshop is cancelled', () => {
    const w = workshops.find((x) => x.workshop.id === seed.upcomingWorkshopId)!.workshop;
    const cancelled = { ...w, status: 'cancelled' as const, cancelReason: 'Local inondé', sequence: 1 };
    const event = parse(workshopToICalendar(cancelled, valence)).getFirstSubcomponent('vevent');
    assert.equal(event?.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(event?.getFirstPropertyValue('sequence'), 1);
    assert.match(String(event?.getFirstPropertyValue('description')), /Cet atelier est annulé\.\nMotif\u00a0: Local inondé/);
  });

  it('puts the workshops in the quartier’s feed beside its walks, and gives the project a feed of its own', () => {
    const list = workshops.map((w) => w.workshop);
    const quartier = parse(toICalendarFeed([], valence, { quartierId: 'le-plan', workshops: list }));
    assert.deepEqual(
      quartier
        .getAllSubcomponents('vevent')
        .map((v) => v.getFirstPropertyValue('uid'))
        .sort(),
      list.map(workshopUid).sort(),
    );
    const feed = parse(
      projectICalendarFeed(project.project, list, valence, { workshopUrl: (w) => `https://gusp.example/ateliers/${w.id}` }),
    );
    // TEXT: the title's comma is escaped (RFC 5545 §3.3.11).
    assert.equal(feed.getFirstPropertyValue('x-wr-calname'), 'Ateliers du projet – Les Bleuets\\, une réhabilitation concertée');
    assert.equal(feed.getAllSubcomponents('vevent').length, 3);
    assert.ok(
      feed.getAllSubcomponents('vevent').every((v) => String(v.getFirstPropertyValue('url')).startsWith('https://gusp.example/ateliers/')),
    );
  });
});

describe('projects in GeoJSON', () => {
  it('is valid RFC 7946, lon/lat, labelled, drafts left out, null geometry for a site said in words', () => {
    const draft = { ...project.project, id: 'draft' as never, status: 'draft' as const };
    const inWords = { ...project.project, id: 'words' as never, site: { label: 'Square Bizet' } };
    const collection = projectsToGeoJSON([project.project, draft, inWords], valence);
    assert.doesNotThrow(() => check(JSON.stringify(collection)));
    assert.deepEqual(
      collection.features.map((f) => f.id),
      [seed.projectId, 'words'],
    );
    const [bleuets, words] = collection.features;
    assert.deepEqual(bleuets?.geometry, { type: 'Point', coordinates: [4.9128, 44.9205] });
    assert.equal(words?.geometry, null);
    assert.deepEqual(
      [
        bleuets?.properties.statusLabel,
        bleuets?.properties.currentPhaseLabel,
        bleuets?.properties.landlordName,
        bleuets?.properties.quartierName,
      ],
      ['En travaux', 'Travaux', 'Office public de l’habitat', 'Le Plan'],
    );
    assert.equal(projectFeature(project.project, valence, { locale: 'en' }).properties.kindLabel, 'Building renovation');
  });
});

describe('the project page in HTML', () => {
  it('is valid HTML5 in French and English, says where we are in words, and carries no personal data', () => {
    const fr = projectPageToHTML(page, valence, { workshopUrl: (id) => `https://gusp.example/ateliers/${id}` });
    const en = projectPageToHTML(page, valence, { locale: 'en' });
    const empty = projectPageToHTML({ ...page, upcomingWorkshops: [], pastWorkshops: [], contributions: [], engagements: [] }, valence);
    const { errors } = validateHtml({ fr, en, empty, broken: fr.replace('<title>', '<title><p>').replace('id="upcoming"', 'id="phases"') });
    assert.deepEqual(errors.get('fr'), []);
    assert.deepEqual(errors.get('en'), []);
    assert.deepEqual(errors.get('empty'), []);
    assert.notDeepEqual(errors.get('broken'), []);
    assert.match(fr, /<html lang="fr">/);
    assert.equal(fr.match(/<h1>/g)?.length, 1);
    assert.match(fr, /<li class="current" aria-current="step"><strong>Travaux<\/strong> — <span class="here">Nous en sommes là<\/span>/);
    assert.match(en, /We are here/);
    assert.match(fr, /Ce que vous avez décidé/);
    assert.match(fr, /Non retenue<\/strong>\u00a0: Remplacer les fenêtres/);
    assert.match(fr, /href="https:\/\/gusp\.example\/ateliers\//);
    assert.match(empty, /Aucun atelier annoncé pour l’instant\./);
    for (const secret of ['Nadia', 'example.org', 'seed-coordination', 'seed-oph']) assert.ok(!fr.includes(secret), secret);
    assert.equal(/<script|<link|<img|<iframe/i.test(fr), false);
  });
});
