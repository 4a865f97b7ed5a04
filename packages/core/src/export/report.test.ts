// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateHtml, type HtmlError } from '../../../../scripts/validate-html.mjs';
import { valence } from '../city/valence.js';
import type { ObservationId } from '../ids.js';
import { Report } from '../report/report.js';
import { reportFixture, walkFixture } from './fixtures.test-helpers.js';
import { escapeHtml, reportToHTML } from './report-html.js';
import { escapeMarkdown, reportToMarkdown } from './report-markdown.js';

const report = reportFixture();
const walk = walkFixture({ status: 'reported' });
const html = reportToHTML(report, walk, valence);
const markdown = reportToMarkdown(report, walk, valence);

const emptyReport = reportFixture({
  status: 'draft',
  summary: undefined,
  byStop: [],
  byTheme: [],
  positives: [],
  problems: [],
  engagements: [],
  sharedOn: undefined,
  validatedAt: undefined,
});
const bareWalk = walkFixture({ stops: [], meetingPoint: undefined, status: 'done' });
const editedReport = reportFixture({
  introduction: 'Vingt-cinq personnes <b>malgré</b> la pluie.\n\nMerci à tous.',
  stopNotes: [{ stopId: walk.stops[0]!.id, text: 'Trop sombre & « inquiétant ».' }],
  positivesNote: 'Le jardin rassemble.',
  nextSteps: 'Permanence mardi.',
  photos: [{ photoId: 'photo-1', observationId: 'obs-1' as ObservationId, alt: 'Le "lampadaire" éteint' }],
});

/** Runs the W3C Nu HTML Checker once on several documents (html-validate when Java is absent); returns the errors per name. */
function vnu(documents: Record<string, string>): Map<string, HtmlError[]> {
  return validateHtml(documents).errors;
}

describe('reportToHTML', () => {
  it('renders a schema-valid report', () => {
    assert.equal(Report.safeParse(report).success, true);
    assert.equal(Report.safeParse(emptyReport).success, true);
  });

  it('is valid HTML5 for the W3C validator (vnu), in French and English, full and empty', () => {
    const results = vnu({
      fr: html,
      en: reportToHTML(report, walk, valence, { locale: 'en' }),
      empty: reportToHTML(emptyReport, bareWalk, valence),
      // The editor's sections, photos and staff's preview banner.
      edited: reportToHTML(editedReport, walk, valence, { photoUrl: (id) => `https://gusp.example/api/photos/${id}`, banner: 'Aperçu' }),
      // The checker is not a rubber stamp: a broken page is caught.
      broken: html.replace('<title>', '<title><p>').replace('<caption>', '<caption><div>'),
    });
    assert.deepEqual(results.get('fr'), []);
    assert.deepEqual(results.get('en'), []);
    assert.deepEqual(results.get('empty'), []);
    assert.deepEqual(results.get('edited'), []);
    assert.ok((results.get('broken') ?? []).length > 0);
  });

  it('is a standalone page: doctype, lang, charset, viewport, title, one h1, print styles, nothing external, no script', () => {
    assert.ok(html.startsWith('<!doctype html>\n<html lang="fr">'));
    assert.match(html, /<meta charset="utf-8">/);
    assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    assert.match(html, /<title>Compte-rendu du diagnostic en marchant – Le Plan, samedi 14 mars 2026<\/title>/);
    assert.equal(html.match(/<h1[ >]/g)?.length, 1);
    assert.match(html, /<h1>Compte-rendu du diagnostic en marchant – Le Plan<\/h1>/);
    assert.match(html, /@media print \{/);
    assert.equal(/<script/i.test(html), false);
    assert.equal(/<(link|img|iframe|object|embed)\b|\b(src|href)=|url\(|@import/i.test(html), false);
    assert.ok(reportToHTML(report, walk, valence, { locale: 'en' }).startsWith('<!doctype html>\n<html lang="en">'));
  });

  it('gives every table a caption and scoped headers, every section a heading', () => {
    const tables = html.split('<table>').slice(1);
    assert.equal(tables.length, 4);
    for (const t of tables) {
      assert.match(t, /^\n<caption>[^<]+<\/caption>/);
      assert.equal(/<th(?=[ >])(?! scope="(row|col)")/.test(t), false);
    }
    const sections = html.split('<section').slice(1);
    assert.equal(sections.length, 8);
    for (const s of sections) assert.match(s, /^ aria-labelledby="([a-z-]+)">\n<h2 id="\1">/);
  });

  it('writes dates the French way in the city time zone, or the English way', () => {
    assert.match(html, /<time datetime="2026-03-14T09:00:00\+01:00">samedi 14 mars 2026<\/time>/);
    assert.match(html, /09:00 – 13:00/);
    assert.match(html, /<time datetime="2026-06-30">30 juin 2026<\/time>/);
    assert.match(html, /<dt>Restitué le<\/dt><dd><time datetime="2026-03-27">27 mars 2026<\/time><\/dd>/);
    const en = reportToHTML(report, walk, valence, { locale: 'en' });
    assert.match(en, />Saturday 14 March 2026</);
    assert.match(en, />30 June 2026</);
    // Late evening UTC is already the next day in Paris.
    const late = reportToHTML(report, walkFixture({ startsAt: '2026-07-03T22:30:00Z' }), valence);
    assert.match(late, />samedi 4 juillet 2026</);
    assert.match(late, /00:30 – 04:30/);
  });

  it('names themes, quartier, organisations and roles from the profile and the catalogue', () => {
    for (const text of [
      'Éclairage public',
      'Lien social et vie de quartier',
      'Ville de Valence',
      'Habitant·e',
      'Bailleur (OPH)',
      'Accepté',
      'Proposé',
      'Hors parcours',
    ]) {
      assert.ok(html.includes(escapeHtml(text)), text);
    }
    const en = reportToHTML(report, walk, valence, { locale: 'en' });
    for (const text of ['Street lighting', 'Resident', 'Accepted', 'Positive points', 'Proposed commitments'])
      assert.ok(en.includes(text), text);
    assert.match(html, /<th scope="row">Habitant·e<\/th><td class="num">12<\/td>/);
    assert.match(html, /<tfoot><tr><th scope="row">Total<\/th><td class="num">25<\/td><\/tr><\/tfoot>/);
  });

  it('escapes every user text', () => {
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
    assert.ok(html.includes('Lampadaire éteint &lt;script&gt;alert(1)&lt;/script&gt; *urgent* _ce soir_ [voir] # 1. | pipe'));
    assert.ok(html.includes('Salle &quot;commune&quot; rénovée &lt;b&gt;par&lt;/b&gt; les habitants &amp; l’OPH'));
    assert.ok(html.includes('Réparer l’éclairage &lt;devant&gt; l’école'));
    assert.ok(html.includes('Les habitants &amp; l’OPH'));
    assert.ok(html.includes('Dépôt sauvage<br>\nau pied du bâtiment C'));
    assert.equal(html.includes('<b>'), false);
    assert.equal(html.includes('<devant>'), false);
  });

  it('says "Aucun" for empty sections', () => {
    const empty = reportToHTML(emptyReport, bareWalk, valence);
    assert.equal(empty.split('<p>Aucun</p>').length - 1, 5);
    assert.equal(empty.includes('<table>'), true, 'participants are always listed');
  });

  it('carries no personal data', () => {
    // The Report type has none; the walk's own data in the page is public information.
    for (const secret of ['@', 'consent', 'reporter']) assert.equal(html.replace(/@media|@page/g, '').includes(secret), false, secret);
  });
});

describe('reportToMarkdown', () => {
  it('renders headings, facts, tables and lists', () => {
    assert.ok(
      markdown.startsWith(
        '# Compte-rendu du diagnostic en marchant – Le Plan\n\n- **Quartier**\u00a0: Le Plan\n- **Date**\u00a0: samedi 14 mars 2026\n',
      ),
    );
    for (const h of [
      'Synthèse',
      'Parcours',
      'Participants',
      'Observations par halte',
      'Observations par thématique',
      'Points positifs',
      'Dysfonctionnements',
      'Engagements proposés',
    ]) {
      assert.ok(markdown.includes(`\n## ${h}\n`), h);
    }
    assert.ok(markdown.includes('| Rôle | Nombre |\n| --- | ---: |\n| Habitant·e | 12 |'));
    assert.ok(markdown.includes('| **Total** | **25** |'));
    assert.ok(markdown.includes('| Réparer l’éclairage \\<devant\\> l’école | Ville de Valence | 30 juin 2026 | Accepté |'));
    assert.ok(markdown.includes('1. Parvis de l’école Jean-Moulin\n2. Immeuble Les Bleuets\n3. Aire de jeux rue Bizet'));
    assert.ok(
      markdown.includes('- **Nettoyage des lieux publics**\u00a0: Dépôt sauvage\\\n  au pied du bâtiment C _(Allée des Tilleuls)_'),
    );
    assert.equal(reportToMarkdown(report, walk, valence, { locale: 'en' }).split('\n')[0], '# Neighbourhood walk report – Le Plan');
  });

  it('escapes Markdown and HTML in user text', () => {
    assert.ok(
      markdown.includes('Lampadaire éteint \\<script\\>alert(1)\\</script\\> \\*urgent\\* \\_ce soir\\_ \\[voir\\] \\# 1. \\| pipe'),
    );
    assert.ok(markdown.includes('\\<script\\>alert("x")\\</script\\> \\*gras\\* \\_italique\\_ \\[lien\\](http://x)'));
    assert.equal(/(^|[^\\])<script/.test(markdown), false);
    assert.equal(/(^|[^\\])\*urgent/.test(markdown), false);
  });
});

describe('escapers', () => {
  it('escapeHtml', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('escapeMarkdown: inline marks, entities, and block markers at line start', () => {
    assert.equal(escapeMarkdown('*a* _b_ `c` [d](e) <f> ~g~ | \\'), '\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\~g\\~ \\| \\\\');
    assert.equal(escapeMarkdown('&amp; & &#35;'), '\\&amp; & &\\#35;');
    assert.equal(
      escapeMarkdown('# titre\n> citation\n- puce\n+ puce\n1. un\n2) deux\n===\n    code'),
      '\\# titre\n\\> citation\n\\- puce\n\\+ puce\n1\\. un\n2\\) deux\n\\===\ncode',
    );
    assert.equal(escapeMarkdown('Rue de l’École, n° 12 - au fond'), 'Rue de l’École, n° 12 - au fond');
  });
});
