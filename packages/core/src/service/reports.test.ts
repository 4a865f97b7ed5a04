// SPDX-License-Identifier: EUPL-1.2
/**
 * `gusp.reports.edit` (issue 14): every section of the draft, stops and photos checked against the
 * walk, kept when the draft is generated again; and the renderers showing them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reportToHTML } from '../export/report-html.js';
import { reportToMarkdown } from '../export/report-markdown.js';
import { assertRefused, openWalk, setup, unwrap, WALK_STARTS_AT, type TestGusp } from './service.test-helpers.js';

const COORDINATOR = { accountId: 'acc-coordinatrice', role: 'coordinator', organisationId: 'ville-de-valence' } as const;
const as = { actor: COORDINATOR };

/** A walk of Le Plan with a problem (two photos) at its first stop and a positive point, finished and drafted. */
async function drafted(t: TestGusp) {
  const walk = await openWalk(t.gusp);
  t.clock.set(WALK_STARTS_AT);
  unwrap(await t.gusp.walks.start(walk.id));
  const stop = walk.stops[0]!.id;
  const problem = unwrap(
    await t.gusp.observations.record({
      walkId: walk.id,
      stopId: stop,
      polarity: 'problem',
      themeId: 'eclairage-public',
      description: 'Lampadaire éteint',
      source: 'walk',
      photos: [
        { id: 'photo-a', mediaType: 'image/jpeg' },
        { id: 'photo-b', mediaType: 'image/jpeg' },
      ],
    }),
  );
  const positive = unwrap(
    await t.gusp.observations.record({
      walkId: walk.id,
      stopId: walk.stops[1]!.id,
      polarity: 'positive',
      themeId: 'lien-social',
      description: 'Jardin partagé',
      source: 'walk',
      photos: [{ id: 'photo-c', mediaType: 'image/png' }],
    }),
  );
  t.clock.set('2026-03-14T12:00:00+01:00');
  unwrap(await t.gusp.walks.finish(walk.id));
  unwrap(await t.gusp.reports.draft(walk.id, as));
  return { walk, stop, problem, positive };
}

describe('reports.edit', () => {
  it('edits every section, with who did it, and the draft generated again keeps them', async () => {
    const t = setup();
    const { walk, stop, problem, positive } = await drafted(t);
    const edited = unwrap(
      await t.gusp.reports.edit(
        walk.id,
        {
          introduction: '  Quinze habitants.  ',
          stops: [
            { stopId: stop, text: 'Trop sombre.' },
            { stopId: walk.stops[1]!.id, text: '' },
          ],
          positives: 'Le jardin rassemble.',
          next: 'Permanence mardi.',
          photos: [{ photoId: 'photo-a', alt: 'Le lampadaire' }, { photoId: 'photo-c' }, { photoId: 'photo-a' }],
        },
        as,
      ),
    );
    assert.equal(edited.introduction, 'Quinze habitants.', 'trimmed');
    assert.deepEqual(edited.stopNotes, [{ stopId: stop, text: 'Trop sombre.' }], 'an empty text removes the stop’s');
    assert.deepEqual(
      edited.photos?.map((p) => [p.photoId, p.observationId, p.alt]),
      [
        ['photo-a', problem.id, 'Le lampadaire'],
        ['photo-c', positive.id, 'Lien social et vie de quartier : Jardin partagé'],
      ],
      'once each, the observation’s theme and text when no alt is given',
    );
    const events = (await t.store.read(`walk-${walk.id}`)).events.filter((e) => e.type === 'ReportEdited');
    assert.deepEqual((events[0]?.data as { by?: unknown }).by, COORDINATOR);

    // A field left out stays; a rejected observation's photo leaves the report when it is drafted again.
    unwrap(await t.gusp.reports.edit(walk.id, { next: 'Réunion en juin.' }, as));
    unwrap(await t.gusp.observations.reject(positive.id, { reason: 'Hors champ' }, as));
    const again = unwrap(await t.gusp.reports.draft(walk.id, as));
    assert.equal(again.introduction, 'Quinze habitants.');
    assert.equal(again.positivesNote, 'Le jardin rassemble.');
    assert.equal(again.nextSteps, 'Réunion en juin.');
    assert.deepEqual(again.stopNotes, [{ stopId: stop, text: 'Trop sombre.' }]);
    assert.deepEqual(
      again.photos?.map((p) => p.photoId),
      ['photo-a'],
    );
  });

  it('refuses an unknown stop, a photo not of the walk, a text too long, localized; and once validated', async () => {
    const t = setup();
    const { walk } = await drafted(t);
    const stop = await t.gusp.reports.edit(walk.id, { stops: [{ stopId: 'nowhere', text: 'x' }] }, { ...as, locale: 'en' });
    assert.equal(!stop.ok && stop.error.code, 'report.unknown-stop');
    assert.equal(!stop.ok && stop.error.message, 'Unknown stop on this route: nowhere.', 'in the language asked');
    const photo = await t.gusp.reports.edit(walk.id, { photos: [{ photoId: 'someone-elses' }] }, as);
    assertRefused(photo, 'report.unknown-photo');
    assert.match(!photo.ok ? photo.error.message : '', /n’est pas celle d’une observation de ce diagnostic/);
    assertRefused(await t.gusp.reports.edit(walk.id, { introduction: 'x'.repeat(8001) }, as), 'validation.invalid');
    assertRefused(await t.gusp.reports.edit(walk.id, { next: 'a\u0000b' }, as), 'validation.invalid');
    const notStaff = { actor: { accountId: 'acc-1', role: 'resident' } as never };
    assertRefused(await t.gusp.reports.edit(walk.id, { introduction: 'x' }, notStaff), 'validation.invalid');
    unwrap(await t.gusp.reports.validate(walk.id, {}, as));
    assertRefused(await t.gusp.reports.edit(walk.id, { introduction: 'Trop tard' }, as), 'report.invalid-transition');
    assert.equal((await t.store.read(`walk-${walk.id}`)).events.filter((e) => e.type === 'ReportEdited').length, 0);
  });

  it('the HTML and the Markdown show every section; the photos when given their address; a banner outside the report', async () => {
    const t = setup();
    const { walk, stop } = await drafted(t);
    const report = unwrap(
      await t.gusp.reports.edit(
        walk.id,
        {
          introduction: 'Quinze habitants.',
          stops: [{ stopId: stop, text: 'Trop sombre.' }],
          positives: 'Le jardin rassemble.',
          next: 'Permanence <mardi>.',
          photos: [{ photoId: 'photo-a', alt: 'Le "lampadaire"' }],
        },
        as,
      ),
    );
    const agg = unwrap(await t.gusp.walks.get(walk.id));
    const photoUrl = (id: string) => `https://gusp.example/api/photos/${id}`;
    const html = reportToHTML(report, agg.walk, t.gusp.city, { photoUrl, banner: 'Aperçu' });
    for (const id of ['introduction', 'stop-notes', 'photos', 'next-steps']) assert.match(html, new RegExp(`<h2 id="${id}">`));
    assert.match(html, /<h2 id="next-steps">La suite<\/h2>\n<p>Permanence &lt;mardi&gt;.<\/p>/);
    assert.match(html, /<h2 id="positives">Points positifs<\/h2>\n<p>Le jardin rassemble.<\/p>/);
    assert.match(html, /<img src="https:\/\/gusp.example\/api\/photos\/photo-a" alt="Le &quot;lampadaire&quot;"/);
    assert.ok(html.indexOf('class="preview"') < html.indexOf('<header>'), 'the banner before the report');
    assert.doesNotMatch(html.slice(html.indexOf('<main>')), /Aperçu/);
    assert.doesNotMatch(reportToHTML(report, agg.walk, t.gusp.city), /<img|class="preview"/, 'no photo without its address, no banner');
    const md = reportToMarkdown(report, agg.walk, t.gusp.city, { locale: 'en', photoUrl });
    assert.match(md, /## What comes next\n\nPermanence \\<mardi\\>\./);
    assert.match(md, /## Stop by stop\n\n- \*\*Parvis de l’école Jean-Moulin\*\*: Trop sombre\./);
    assert.match(md, /!\[Le "lampadaire"\]\(<https:\/\/gusp.example\/api\/photos\/photo-a>\)/);
  });
});
