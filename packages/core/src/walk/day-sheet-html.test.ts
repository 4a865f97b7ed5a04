// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateHtml } from '../../../../scripts/validate-html.mjs';
import { valence } from '../city/valence.js';
import { registrationFixture, walkFixture } from '../fixtures.test-helpers.js';
import type { OrganisationId, StopId } from '../ids.js';
import type { Registration } from '../registration/registration.js';
import { daySheetToHTML, isPhoneOnly } from './day-sheet-html.js';

const NOW = new Date('2026-03-13T17:30:00+01:00');
const walk = walkFixture({
  status: 'closed',
  stops: [
    { id: 'stop-1' as StopId, label: 'Parvis de l’école Jean-Moulin', description: 'Devant le portail' },
    { id: 'stop-2' as StopId, label: 'Immeuble Les Bleuets' },
    { id: 'stop-3' as StopId, label: 'Aire de jeux' },
  ],
});
const person = (over: Partial<Registration>) => registrationFixture({ walkId: walk.id, ...over });
const registrations: Registration[] = [
  person({ name: 'Zoé Martin', needs: ['wheelchair'] }),
  person({ name: 'Amina Belkacem', email: undefined, phone: '04 75 00 00 00', channel: 'phone', needs: ['wheelchair', 'interpreter'] }),
  person({ name: 'élodie Roux', role: 'landlord', organisationId: 'oph' as OrganisationId }),
  person({ name: 'Karim', email: undefined, channel: 'walk-in', status: 'attended' }),
  person({ name: 'Driss Waitlisted-First', status: 'waitlisted' }),
  person({ name: 'Bruno Waitlisted-Second', status: 'waitlisted', email: undefined, phone: '0612345678' }),
  person({ name: 'Cancelled Person', status: 'cancelled' }),
  person({ name: 'Removed Person', status: 'removed' }),
  person({ name: '', status: 'confirmed', anonymised: true, needs: [] }),
];
const html = daySheetToHTML(walk, registrations, valence, { now: NOW });
const en = daySheetToHTML(walk, registrations, valence, { now: NOW, locale: 'en' });

/** The text of a section, tags removed. */
const section = (page: string, id: string) =>
  (new RegExp(`<section[^>]*aria-labelledby="${id}">([\\s\\S]*?)</section>`).exec(page)?.[1] ?? '').replace(/<[^>]+>/g, ' ');
/** The names in the row heads of a section's table, in order. */
const names = (page: string, id: string) =>
  [
    ...(new RegExp(`<section[^>]*aria-labelledby="${id}">([\\s\\S]*?)</section>`).exec(page)?.[1] ?? '').matchAll(
      /<th scope="row">([^<]*)/g,
    ),
  ].map((m) => m[1]);

describe('daySheetToHTML', () => {
  it('is valid HTML5 for the W3C validator (vnu), in French and English, full, empty and hostile', () => {
    const hostile = daySheetToHTML(
      walkFixture({ title: '<script>alert(1)</script>', stops: [{ id: 's' as StopId, label: '"><img src=x onerror=alert(1)>' }] }),
      [person({ name: '</td><script>alert("x")</script>&amp;' }), person({ name: "O'Brien <b>", status: 'waitlisted' })],
      valence,
      { now: NOW },
    );
    const results = validateHtml({
      fr: html,
      en,
      empty: daySheetToHTML(walkFixture({ stops: [], meetingPoint: undefined }), [], valence, { now: NOW, blankRows: 0 }),
      hostile,
      // The checker is not a rubber stamp: a broken page is caught.
      broken: html.replace('<caption>', '<caption><div>').replace('<title>', '<title><p>'),
    }).errors;
    assert.deepEqual(results.get('fr'), []);
    assert.deepEqual(results.get('en'), []);
    assert.deepEqual(results.get('empty'), []);
    assert.deepEqual(results.get('hostile'), []);
    assert.ok((results.get('broken') ?? []).length > 0);
  });

  it('escapes every name, title and label: a hostile name stays text', () => {
    const page = daySheetToHTML(
      walkFixture({ title: '<script>alert(1)</script>', stops: [{ id: 's' as StopId, label: '"><img src=x onerror=alert(1)>' }] }),
      [person({ name: '</th><script>alert("x")</script>&amp;' }), person({ name: "O'Brien <b>", status: 'waitlisted' })],
      valence,
      { now: NOW },
    );
    assert.equal(/<script/i.test(page), false);
    assert.equal(/<img|<b>|onerror=alert\(1\)>/i.test(page), false);
    assert.match(page, /&lt;\/th&gt;&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;&amp;amp;/);
    assert.match(page, /O&#39;Brien &lt;b&gt;/);
    assert.match(page, /<h1>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/h1>/);
  });

  it('is a standalone page for print: doctype, lang, title, one h1, print styles with A4 and a repeated table head, nothing external', () => {
    assert.ok(html.startsWith('<!doctype html>\n<html lang="fr">'));
    assert.ok(en.startsWith('<!doctype html>\n<html lang="en">'));
    assert.match(html, /<title>Feuille du jour – Diagnostic en marchant – Le Plan, samedi 14 mars 2026<\/title>/);
    assert.match(en, /<title>Day sheet – Neighbourhood walk – Le Plan, Saturday 14 March 2026<\/title>/);
    assert.equal(html.match(/<h1[ >]/g)?.length, 1);
    assert.match(html, /@page \{ size: A4;/);
    assert.match(html, /@media print \{[\s\S]*thead \{ display: table-header-group; \}/);
    assert.match(html, /<meta name="robots" content="noindex">/);
    assert.equal(/<script|<(link|img|iframe|object|embed)\b|\b(src|href)=|url\(|@import/i.test(html), false);
  });

  it('gives the route: meeting point and time, then the stops in order with their descriptions; times in the city’s zone', () => {
    assert.match(html, /<dt>Horaires<\/dt><dd>09:00 – 13:00<\/dd>/);
    assert.match(html, /<dt>Point de rendez-vous<\/dt><dd>Parvis de l’école Jean-Moulin, 09:00<\/dd>/);
    assert.match(html, /<time datetime="2026-03-14T09:00:00\+01:00">samedi 14 mars 2026<\/time>/);
    const route = /<ol class="route">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
    assert.deepEqual(
      [...route.matchAll(/<strong>([^<]*)<\/strong>/g)].map((m) => m[1]),
      ['Parvis de l’école Jean-Moulin', 'Immeuble Les Bleuets', 'Aire de jeux'],
    );
    assert.match(
      route,
      /Parvis de l’école Jean-Moulin<\/strong> – Point de rendez-vous, 09:00<br>\n<span class="description">Devant le portail<\/span>/,
    );
    assert.match(daySheetToHTML(walkFixture({ stops: [] }), [], valence, { now: NOW }), /<p>Parcours non précisé/);
  });

  it('lists confirmed and checked-in people alphabetically, the language’s way, with role and organisation and a box to sign', () => {
    assert.deepEqual(names(html, 'attendance'), ['Amina Belkacem', 'élodie Roux', 'Karim', 'Zoé Martin']);
    const attendance = /<section class="attendance"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    assert.match(attendance, /<caption>Feuille d’émargement<\/caption>/);
    assert.match(
      attendance,
      /<th scope="col" class="num">N°<\/th><th scope="col" class="name">Nom<\/th><th scope="col">Rôle<\/th><th scope="col" class="sign">Signature<\/th>/,
    );
    assert.match(attendance, /<th scope="row">élodie Roux<\/th><td>Bailleur \(OPH\) – Office public de l’habitat<\/td><td><\/td><\/tr>/);
    for (const gone of ['Cancelled Person', 'Removed Person']) assert.ok(!html.includes(gone), gone);
  });

  it('marks people reachable only by phone, walk-ins and those already checked in; says it in the legend', () => {
    assert.match(html, /Amina Belkacem<span class="tag">téléphone seulement<\/span><\/th>/);
    assert.match(html, /Karim<span class="tag">sans inscription<\/span><span class="tag">présence notée<\/span><\/th>/);
    assert.match(html, /Zoé Martin<\/th>/);
    assert.match(en, /Amina Belkacem<span class="tag">phone only<\/span>/);
    assert.match(section(html, 'attendance'), /« Téléphone seulement » : pas d’adresse e-mail/);
    assert.deepEqual(
      registrations.filter(isPhoneOnly).map((r) => r.name),
      ['Amina Belkacem', 'Bruno Waitlisted-Second'],
    );
  });

  it('lists the waiting list apart, in its order, phone-only people marked; blank lines for walk-ins numbered on', () => {
    assert.deepEqual(names(html, 'waitlist'), ['Driss Waitlisted-First', 'Bruno Waitlisted-Second']);
    assert.match(html, /<th scope="col" class="num">Rang<\/th>/);
    assert.match(html, /Bruno Waitlisted-Second<span class="tag">téléphone seulement<\/span>/);
    assert.deepEqual(
      names(html, 'attendance').filter((n) => n?.includes('Waitlisted')),
      [],
    );
    const walkIns = /<section aria-labelledby="walk-ins">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    assert.match(walkIns, /<h2 id="walk-ins">Personnes venues sans inscription<\/h2>/);
    assert.deepEqual(
      [...walkIns.matchAll(/<tr><td class="num">(\d+)<\/td><td><\/td><td><\/td><td><\/td><\/tr>/g)].map((m) => m[1]),
      ['5', '6', '7', '8', '9'],
    );
    assert.equal(daySheetToHTML(walk, registrations, valence, { now: NOW, blankRows: 0 }).includes('walk-ins'), false);
    const nobodyWaiting = daySheetToHTML(walk, registrations.slice(0, 2), valence, { now: NOW });
    assert.equal(nobodyWaiting.includes('id="waitlist"'), false);
  });

  it('sums up the needs in the header, in counts, and never prints a contact or a person’s needs', () => {
    assert.match(html, /<dt>Besoins signalés<\/dt><dd>2\u00a0fauteuils roulants, 1\u00a0interprète<\/dd>/);
    assert.match(en, /<dt>Needs reported<\/dt><dd>2\u00a0wheelchairs, 1\u00a0interpreter<\/dd>/);
    assert.match(html, /<dt>Personnes inscrites<\/dt><dd>4 \+ 2 en liste d’attente<\/dd>/);
    for (const secret of ['04 75 00 00 00', '0612345678', '@example.org', 'token-']) assert.ok(!html.includes(secret), secret);
  });

  it('says it is personal data, and when it was printed, in the city’s time zone', () => {
    assert.match(html, /<p>Document de travail de l’équipe : il contient des données personnelles\./);
    assert.match(html, /<p>Imprimé le\u00a0: <time datetime="2026-03-13T17:30:00\+01:00">13 mars 2026, 17:30<\/time><\/p>/);
    assert.match(en, /<p>Printed on: <time datetime="2026-03-13T17:30:00\+01:00">13 March 2026, 17:30<\/time><\/p>/);
  });

  it('says there is nobody yet rather than an empty table', () => {
    const page = daySheetToHTML(walk, [], valence, { now: NOW });
    assert.match(page, /<p>Aucune inscription pour l’instant\.<\/p>/);
    assert.match(page, /<dd>Aucun besoin signalé<\/dd>/);
  });
});
