// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import Papa from 'papaparse';
import { valence } from '../city/valence.js';
import { Engagement, MilestoneKind } from '../engagement/engagement.js';
import { en } from '../locales/en.js';
import { fr } from '../locales/fr.js';
import type { EngagementId, ObservationId } from '../ids.js';
import { Observation } from '../observation/observation.js';
import type { CsvLineError } from './csv.js';
import {
  ENGAGEMENT_CSV_COLUMNS,
  engagementsFromCSV,
  engagementsToCSV,
  OBSERVATION_CSV_COLUMNS,
  observationsFromCSV,
  observationsToCSV,
  parseCSV,
  writeCSV,
} from './csv.js';
import {
  dashIdsFixture,
  engagementFixture,
  engagementsFixture,
  LONG_FRENCH_TEXT,
  observationFixture,
  observationsFixture,
  walkFixture,
} from './fixtures.test-helpers.js';
import { toGeoJSON } from './geojson.js';

/** What an observation is once it has been through CSV: the same, without reporter. */
const withoutReporter = (o: Observation): Observation => {
  const { reporter: _, ...rest } = o;
  return rest;
};

/** Our parser's rows as objects keyed by the header, like papaparse's `header: true`. */
function ourRows(text: string): Record<string, string>[] {
  const parsed = parseCSV(text);
  assert.ok(parsed.ok);
  const [header, ...rows] = parsed.value;
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}

function papaRows(text: string): { rows: Record<string, string>[]; fields: string[] } {
  // papaparse reads the CRLF that ends the last record as the start of an empty one: skip such lines.
  const result = Papa.parse<Record<string, string>>(text, { header: true, dynamicTyping: false, skipEmptyLines: true });
  assert.deepEqual(result.errors, []);
  return { rows: result.data, fields: result.meta.fields ?? [] };
}

const TRICKY = [
  'Virgule, point-virgule; et "guillemets" doublés ""',
  'Sur\r\nplusieurs\nlignes\rvraiment',
  'Accents : éèêëàâîïôöùûüç ÉÀÇ – « guillemets français » œ Œ',
  'Emoji 🚸🌳👩🏽‍🦽 et drapeaux 🇫🇷',
  '=HYPERLINK("http://evil.example","clic")',
  '- liste à puces',
  "'=déjà protégé",
  '@SUM(A1)',
  '+33 6 12 34 56 78',
  '\tTabulation en tête',
  '   espaces autour   ',
  '',
  LONG_FRENCH_TEXT,
];

describe('writeCSV / parseCSV (RFC 4180)', () => {
  it('quotes only fields with a comma, a quote, CR or LF, doubles quotes, ends records with CRLF', () => {
    assert.equal(writeCSV([['a', 'b c', 'd,e', 'f"g', 'h\ni', 'j\rk', '']]), 'a,b c,"d,e","f""g","h\ni","j\rk",\r\n');
    assert.equal(writeCSV([['x;y', 'z']], { delimiter: ';' }), '"x;y";z\r\n');
    assert.equal(writeCSV([['a']], { bom: true }), '\uFEFFa\r\n');
  });

  it('reads with or without BOM, with CRLF, LF or CR line ends', () => {
    const expected = [
      ['a', 'b'],
      ['1', '2'],
    ];
    for (const text of ['a,b\r\n1,2\r\n', '\uFEFFa,b\r\n1,2\r\n', 'a,b\n1,2\n', 'a,b\r1,2', 'a,b\r\n1,2']) {
      assert.deepEqual(parseCSV(text), { ok: true, value: expected }, JSON.stringify(text));
    }
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks, and a bare quote in an unquoted field', () => {
    const parsed = parseCSV('"a,b","c""d","e\r\nf",g"h\r\n,"",\r\n');
    assert.deepEqual(parsed, {
      ok: true,
      value: [
        ['a,b', 'c"d', 'e\r\nf', 'g"h'],
        ['', '', ''],
      ],
    });
  });

  it('detects `;` as the delimiter from the header line', () => {
    assert.deepEqual(parseCSV('\uFEFFid;title\r\n1;"a;b, c"\r\n'), {
      ok: true,
      value: [
        ['id', 'title'],
        ['1', 'a;b, c'],
      ],
    });
  });

  it('refuses an unclosed quote and text after a closing quote, with the line', () => {
    const unclosed = parseCSV('a,b\r\n1,"open\r\nstill open');
    assert.equal(unclosed.ok, false);
    assert.ok(!unclosed.ok);
    assert.equal(unclosed.error.code, 'csv.invalid');
    assert.equal(unclosed.error.details.line, 2);
    assert.equal(unclosed.error.message, 'Ligne 2 : Un guillemet est ouvert et jamais refermé.');
    const after = parseCSV('a,b\r\n"x"y,2\r\n', { locale: 'en' });
    assert.ok(!after.ok);
    assert.equal(after.error.details.line, 2);
    assert.match(after.error.message, /^Line 2: Text after a closing quote/);
  });
});

describe('observations CSV', () => {
  const observations = observationsFixture();
  const csv = observationsToCSV(observations);

  it('starts with the exported column list', () => {
    assert.ok(csv.startsWith(`${OBSERVATION_CSV_COLUMNS.join(',')}\r\n`));
    for (const o of observations) assert.equal(Observation.safeParse(o).success, true, o.id);
  });

  it('never carries the reporter contact', () => {
    for (const secret of ['aicha.benali@example.org', 'Aïcha', '+33 6 12 34 56 78', 'voisin@example.org', 'reporter', 'consent']) {
      assert.equal(csv.includes(secret), false, secret);
    }
  });

  it('is read the same by papaparse and by our parser, and comes back deep-equal (without reporter)', () => {
    const papa = papaRows(csv);
    assert.deepEqual(papa.fields, [...OBSERVATION_CSV_COLUMNS]);
    assert.deepEqual(papa.rows, ourRows(csv));
    assert.equal(papa.rows[0]?.lat, '44.92061');
    assert.equal(papa.rows[0]?.photos, JSON.stringify(observations[0]!.photos));
    assert.deepEqual(observationsFromCSV(csv), { ok: true, value: observations.map(withoutReporter) });
  });

  it('round-trips commas, quotes, line breaks, accents, emoji and formula-like text', () => {
    const tricky = TRICKY.map((description, i) =>
      observationFixture({ id: `t${i}` as ObservationId, description, address: description || undefined, reporter: undefined }),
    );
    const out = observationsToCSV(tricky);
    assert.deepEqual(papaRows(out).rows, ourRows(out));
    assert.deepEqual(observationsFromCSV(out), { ok: true, value: tricky });
    // A spreadsheet will not run these as formulas.
    assert.equal(/(^|,)"?=HYPERLINK/m.test(out), false);
    assert.ok(out.includes(`'- liste à puces`));
    assert.ok(out.includes(`''=déjà protégé`));
  });

  it('round-trips through the Excel flavour: BOM and `;`', () => {
    const out = observationsToCSV(observations, { bom: true, delimiter: ';' });
    assert.ok(out.startsWith(`\uFEFF${OBSERVATION_CSV_COLUMNS.join(';')}\r\n`));
    const papa = Papa.parse<Record<string, string>>(out.slice(1), {
      header: true,
      dynamicTyping: false,
      skipEmptyLines: true,
      delimiter: ';',
    });
    assert.deepEqual(papa.data, ourRows(out));
    assert.deepEqual(observationsFromCSV(out), { ok: true, value: observations.map(withoutReporter) });
  });

  it('accepts columns in any order, extra columns, blank lines and a decimal comma', () => {
    const [header, ...rows] = (parseCSV(csv) as { ok: true; value: string[][] }).value;
    const order = [...header!.keys()].reverse();
    const shuffled = writeCSV([
      [...order.map((i) => header![i]!), 'commentaire'],
      ...rows.map((r) => [...order.map((i) => r[i]!), 'à voir']),
      [''],
    ]);
    assert.deepEqual(observationsFromCSV(shuffled), { ok: true, value: observations.map(withoutReporter) });
    const comma = csv.replace('44.92061,4.91295', '"44,92061","4,91295"');
    assert.notEqual(comma, csv);
    assert.deepEqual(observationsFromCSV(comma), { ok: true, value: observations.map(withoutReporter) });
  });

  it('lists every bad line with its cells, localized', () => {
    const [header, ...rows] = (parseCSV(csv) as { ok: true; value: string[][] }).value;
    const col = (name: string) => header!.indexOf(name);
    const edit = (row: string[], changes: Record<string, string>) => row.map((v, i) => changes[header![i]!] ?? v);
    const bad = writeCSV([
      header!,
      rows[0]!, // line 2: fine
      edit(rows[1]!, { status: 'perdue', recordedAt: 'hier' }), // line 3
      rows[2]!, // line 4: fine
      edit(rows[3]!, { lat: '44.9', lon: '', photos: '[{"id":' }), // line 5: bad JSON
      edit(rows[0]!, { lat: '44.9', lon: '', id: '' }), // line 6
      rows[3]!.slice(0, 5), // line 7: too few fields
    ]);
    assert.equal(col('status') >= 0, true);
    const result = observationsFromCSV(bad, 'en');
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'csv.invalid');
    const errors = result.error.details.errors as CsvLineError[];
    assert.deepEqual(
      errors.map((e) => e.line),
      [3, 5, 6, 7],
    );
    assert.deepEqual(
      errors.map((e) => e.issues.map((i) => `${i.column}:${i.code}`).sort()),
      [
        ['recordedAt:field.invalid-datetime', 'status:field.invalid-value'],
        ['photos:csv.invalid-json'],
        ['id:field.required', 'lon:field.required'],
        [],
      ],
    );
    assert.equal(result.error.details.line, 3);
    assert.match(result.error.message, /^Line 3: /);
    // Every column of the header is expected (20 before the columns for people were appended).
    assert.equal(errors[3]!.message, `Line 7: ${OBSERVATION_CSV_COLUMNS.length} field(s) expected, 5 found.`);
    const fr = observationsFromCSV(bad);
    assert.ok(!fr.ok);
    assert.match(fr.error.message, /^Ligne 3 : /);
    assert.match((fr.error.details.errors as CsvLineError[])[1]!.message, /photos – Contenu JSON invalide\./);
  });

  it('numbers lines as a spreadsheet does, even after a multi-line cell', () => {
    const multi = observationsToCSV([
      observationFixture({ description: 'une\ndeux\ntrois' }),
      observationFixture({ status: 'nope' as never }),
    ]);
    const result = observationsFromCSV(multi);
    assert.ok(!result.ok);
    const [error] = result.error.details.errors as CsvLineError[];
    assert.equal(error?.line, 3);
    assert.equal(error?.physicalLine, 5);
  });

  it('refuses missing columns', () => {
    const [header, ...rows] = (parseCSV(csv) as { ok: true; value: string[][] }).value;
    const keep = header!.map((_, i) => i).filter((i) => header![i] !== 'themeId' && header![i] !== 'status');
    const result = observationsFromCSV(writeCSV([header!, ...rows].map((r) => keep.map((i) => r[i]!))));
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'csv.missing-columns');
    assert.deepEqual(result.error.details.columns, ['themeId', 'status']);
    assert.equal(result.error.message, 'Colonnes manquantes : themeId, status.');
    const empty = observationsFromCSV('');
    assert.ok(!empty.ok);
    assert.equal(empty.error.code, 'csv.missing-columns');
  });

  it('gives an empty list for a header alone', () => {
    assert.deepEqual(observationsFromCSV(observationsToCSV([])), { ok: true, value: [] });
  });

  it('round-trips any description and address (property)', () => {
    const tricky = fc.constantFrom(',', ';', '"', "'", '\r', '\n', '\r\n', '\t', '=', '+', '-', '@', ' ', 'é', 'Œ', '🌳', '👩🏽‍🦽', 'a');
    const text = fc.oneof(fc.string({ unit: tricky }), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(
        text,
        fc.option(
          text.filter((t) => t !== ''),
          { nil: undefined },
        ),
        fc.constantFrom<',' | ';'>(',', ';'),
        (description, address, delimiter) => {
          const o = observationFixture({ description, address, reporter: undefined });
          const out = observationsToCSV([o], { delimiter });
          const papa = Papa.parse<Record<string, string>>(out, { header: true, dynamicTyping: false, skipEmptyLines: true, delimiter });
          assert.deepEqual(papa.errors, []);
          assert.deepEqual(papa.data, ourRows(out));
          assert.deepEqual(observationsFromCSV(out), { ok: true, value: [o] });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('engagements CSV', () => {
  const engagements = engagementsFixture();
  const csv = engagementsToCSV(engagements);

  it('uses schema-valid engagements and the exported column list', () => {
    for (const e of engagements) assert.equal(Engagement.safeParse(e).success, true, e.id);
    assert.ok(csv.startsWith(`${ENGAGEMENT_CSV_COLUMNS.join(',')}\r\n`));
  });

  it('is read the same by papaparse and by our parser, and comes back deep-equal', () => {
    const papa = papaRows(csv);
    assert.deepEqual(papa.fields, [...ENGAGEMENT_CSV_COLUMNS]);
    assert.deepEqual(papa.rows, ourRows(csv));
    assert.equal(papa.rows[2]?.observationIds, 'obs-5;obs-6');
    assert.equal(papa.rows[0]?.progress, '40');
    assert.deepEqual(engagementsFromCSV(csv), { ok: true, value: engagements });
  });

  it('reads a bulk progress update edited in a spreadsheet', () => {
    const [header, ...rows] = (parseCSV(csv) as { ok: true; value: string[][] }).value;
    const progress = header!.indexOf('progress');
    const edited = writeCSV([header!, ...rows.map((r, i) => (i === 1 ? r.map((v, j) => (j === progress ? ' 25 ' : v)) : r))], {
      delimiter: ';',
      bom: true,
    });
    const result = engagementsFromCSV(edited);
    assert.ok(result.ok);
    assert.equal(result.value[1]?.progress, 25);
  });

  it('refuses bad numbers and statuses, on every line', () => {
    const [header, ...rows] = (parseCSV(csv) as { ok: true; value: string[][] }).value;
    const set = (row: string[], name: string, value: string) => row.map((v, i) => (header![i] === name ? value : v));
    const bad = writeCSV([
      header!,
      set(rows[0]!, 'progress', '40 %'),
      rows[1]!,
      set(set(rows[2]!, 'progress', '140'), 'status', 'fini'),
      set(rows[0]!, 'milestones', '[{"at":"hier","kind":"proposed"}]'),
    ]);
    const result = engagementsFromCSV(bad, 'en');
    assert.ok(!result.ok);
    const errors = result.error.details.errors as CsvLineError[];
    assert.deepEqual(
      errors.map((e) => [e.line, e.issues.map((i) => `${i.column}:${i.path}:${i.code}`).sort()]),
      [
        [2, ['progress:progress:field.invalid-type']],
        [4, ['progress:progress:field.too-long', 'status:status:field.invalid-value']],
        [5, ['milestones:milestones.0.at:field.invalid-datetime']],
      ],
    );
  });
});

describe('CSV cells a spreadsheet reads (issue 11)', () => {
  const { walk, observations, engagement } = dashIdsFixture();

  it('writes ids starting with `-` as they are, and still guards the free text beside them', () => {
    const out = observationsToCSV(observations, { walks: [walk] });
    const [atStop, duplicate] = papaRows(out).rows;
    assert.equal(atStop?.id, '-zy5q7pQdmOJvXRg92V-y');
    assert.equal(atStop?.walkId, '-Wk0f3xYq2LmN8pR4sT6u');
    assert.equal(atStop?.stopId, '-St0pA');
    assert.equal(atStop?.engagementId, '-zEng5q7pQdmOJvXRg92');
    assert.equal(duplicate?.id, '--_x9');
    assert.equal(duplicate?.duplicateOf, '-zy5q7pQdmOJvXRg92V-y');
    assert.equal(atStop?.recordedAt, '2026-03-14T09:42:00+01:00');
    // Free text keeps the defence: a spreadsheet shows it, never runs it.
    assert.equal(atStop?.description, "'-- tag sur le mur, « =SOMME » écrit dessus");
    assert.equal(atStop?.address, "'-3 bis, impasse des Lilas");
    assert.equal(atStop?.stopLabel, "'-Parvis, côté « cour »");
    assert.deepEqual(observationsFromCSV(out), { ok: true, value: observations });

    const engagements = papaRows(engagementsToCSV([engagement])).rows;
    assert.equal(engagements[0]?.id, '-zEng5q7pQdmOJvXRg92');
    assert.equal(engagements[0]?.walkId, '-Wk0f3xYq2LmN8pR4sT6u');
    assert.equal(engagements[0]?.observationIds, '-zy5q7pQdmOJvXRg92V-y;--_x9');
    assert.deepEqual(engagementsFromCSV(engagementsToCSV([engagement])), { ok: true, value: [engagement] });
  });

  it('writes any id of the id alphabet as it is, and reads it back (property)', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
    fc.assert(
      fc.property(id, id, fc.constantFrom<',' | ';'>(',', ';'), (observationId, engagementId, delimiter) => {
        const o = observationFixture({
          id: observationId as ObservationId,
          engagementId: engagementId as EngagementId,
          duplicateOf: engagementId as unknown as ObservationId,
          reporter: undefined,
        });
        const out = observationsToCSV([o], { delimiter });
        const [row] = Papa.parse<Record<string, string>>(out, { header: true, skipEmptyLines: true, delimiter }).data;
        assert.equal(row?.id, observationId);
        assert.equal(row?.engagementId, engagementId);
        assert.deepEqual(observationsFromCSV(out), { ok: true, value: [o] });
      }),
      { numRuns: 300 },
    );
  });

  it("still reads a file exported when ids were guarded (`'-zy5…`)", () => {
    const out = observationsToCSV(observations, { walks: [walk] });
    const old = out.replaceAll('-zy5q7pQdmOJvXRg92V-y', "'-zy5q7pQdmOJvXRg92V-y").replace('--_x9,', "'--_x9,");
    assert.notEqual(old, out);
    assert.deepEqual(observationsFromCSV(old), { ok: true, value: observations });
  });

  it('gives an observation at a stop its stop’s lat/lon, says so in `location`, and still round-trips', () => {
    const all = [...observationsFixture().map(withoutReporter), ...observations];
    const walks = [walkFixture(), walk];
    const out = observationsToCSV(all, { walks });
    const rows = papaRows(out).rows;
    assert.deepEqual(
      rows.map((r) => [r.id, r.lat, r.lon, r.location]),
      [
        ['obs-1', '44.92061', '4.91295', 'point'],
        ['obs-2', '44.9211', '4.9141', 'stop'],
        ['obs-3', '', '', 'none'],
        ['obs-4', '44.9229', '4.9262', 'point'],
        ['-zy5q7pQdmOJvXRg92V-y', '44.9301', '4.8907', 'stop'],
        ['--_x9', '44.93', '4.8906', 'point'],
      ],
    );
    // The stop's point is not the observation's own: it does not come back as one.
    assert.deepEqual(observationsFromCSV(out), { ok: true, value: all });
    // GeoJSON places every observation at the same point, under the same id.
    const geo = toGeoJSON(all, valence, { walks });
    assert.deepEqual(
      geo.features.map((f) => [
        f.id,
        f.geometry ? String(f.geometry.coordinates[1]) : '',
        f.geometry ? String(f.geometry.coordinates[0]) : '',
        f.properties.location,
      ]),
      rows.map((r) => [r.id, r.lat, r.lon, r.location]),
    );
    // Without the walks, nothing to borrow from.
    assert.equal(papaRows(observationsToCSV(all)).rows[1]?.location, 'none');
  });

  it('takes lat/lon typed into a spreadsheet as the observation’s own point, unless the line says `stop`', () => {
    const out = observationsToCSV(observationsFixture().map(withoutReporter), { walks: [walkFixture()] });
    const [header, ...rows] = (parseCSV(out) as { ok: true; value: string[][] }).value;
    const set = (row: string[], changes: Record<string, string>) => row.map((v, i) => changes[header![i]!] ?? v);
    const edited = writeCSV([
      header!,
      set(rows[1]!, { location: 'point' }), // obs-2: the stop's point, now its own
      set(rows[2]!, { lat: '44.91', lon: '4.92' }), // obs-3: a point added by hand
    ]);
    const back = observationsFromCSV(edited);
    assert.ok(back.ok);
    assert.deepEqual(
      back.value.map((o) => o.point),
      [
        { lat: 44.9211, lon: 4.9141 },
        { lat: 44.91, lon: 4.92 },
      ],
    );
  });

  it('adds labels and names in the export’s language, the same as GeoJSON’s, and photo URLs', () => {
    const all = [...observationsFixture(), ...observations];
    const walks = [walkFixture(), walk];
    for (const locale of ['fr', 'en']) {
      const base = 'https://gusp.example.fr/media/';
      const rows = papaRows(observationsToCSV(all, { city: valence, locale, walks, baseMediaUrl: base })).rows;
      const features = toGeoJSON(all, valence, { locale, walks, baseMediaUrl: base }).features;
      rows.forEach((row, i) => {
        const p = features[i]!.properties;
        assert.equal(row.id, p.id);
        const text = (v: string | null) => (v === null ? '' : /^[=+\-@]/.test(v) ? `'${v}` : v);
        for (const key of [
          'statusLabel',
          'polarityLabel',
          'themeName',
          'axis',
          'axisName',
          'quartierName',
          'stopLabel',
          'organisationName',
        ] as const)
          assert.equal(row[key], text(p[key]), `${locale} ${p.id} ${key}`);
        assert.deepEqual(row.photoUrls === '' ? [] : row.photoUrls!.split(' '), p.photos, `${p.id} photos`);
      });
    }
    const [first] = papaRows(observationsToCSV(all, { city: valence })).rows;
    assert.deepEqual(
      [first?.statusLabel, first?.polarityLabel, first?.themeName, first?.quartierName, first?.organisationName, first?.severityLabel],
      ['Engagement pris', 'Dysfonctionnement', 'Éclairage public', 'Le Plan', 'Ville de Valence', 'Forte'],
    );
    assert.equal(first?.photoUrls, 'https://gusp.example.fr/media/photo-1.jpg');
    const [english] = papaRows(observationsToCSV(all, { city: valence, locale: 'en' })).rows;
    assert.deepEqual([english?.statusLabel, english?.themeName, english?.severityLabel], ['Commitment made', 'Street lighting', 'High']);
  });

  it('guards names from the city profile too', () => {
    const city = {
      ...valence,
      quartiers: valence.quartiers.map((q) => (q.id === 'le-plan' ? { ...q, name: '=HYPERLINK("http://evil.example")' } : q)),
    };
    const [row] = papaRows(observationsToCSV([observationFixture()], { city })).rows;
    assert.equal(row?.quartierName, `'=HYPERLINK("http://evil.example")`);
    const [engagementRow] = papaRows(engagementsToCSV([engagementFixture()], { city })).rows;
    assert.equal(engagementRow?.quartierName, `'=HYPERLINK("http://evil.example")`);
  });

  it('writes an engagement’s status, names and milestones in words, one line each', () => {
    const [row] = papaRows(engagementsToCSV([engagementFixture()], { city: valence })).rows;
    assert.deepEqual(
      [row?.statusLabel, row?.quartierName, row?.themeName, row?.organisationName],
      ['En cours', 'Le Plan', 'Éclairage public', 'Ville de Valence'],
    );
    assert.equal(
      row?.milestonesText,
      [
        '2026-03-20 11:00 · Proposé',
        '2026-03-25 09:00 · Accepté · Échéance\u00a0: 2026-06-30 · Ville de Valence',
        '2026-04-10 14:00 · Point d’étape · 40\u00a0% · Pièce commandée, « livraison » fin avril; pose en mai',
      ].join('\n'),
    );
    const [english] = papaRows(engagementsToCSV([engagementFixture()], { city: valence, locale: 'en' })).rows;
    assert.equal(english?.statusLabel, 'In progress');
    assert.match(english?.milestonesText ?? '', /^2026-03-20 11:00 · Proposed\n2026-03-25 09:00 · Accepted · Due: 2026-06-30 · /);
    // The JSON column stays, for a program (and the import).
    assert.deepEqual(JSON.parse(row?.milestones ?? ''), engagementFixture().milestones);
  });

  it('has every milestone kind in words, in French and in English', () => {
    for (const kind of MilestoneKind.options) {
      const key = `csv.milestone.${kind}`;
      assert.ok(key in fr.labels && key in en.labels, key);
    }
  });

  it('imports a file of the columns before issue 11, and ignores the columns for people', () => {
    const all = observationsFixture().map(withoutReporter);
    const [header, ...rows] = (
      parseCSV(observationsToCSV(all, { city: valence, walks: [walkFixture()] })) as { ok: true; value: string[][] }
    ).value;
    const before = header!.slice(0, header!.indexOf('updatedAt') + 1);
    assert.equal(before.length, 20);
    const old = writeCSV([
      before,
      ...rows.map((r) =>
        r
          .slice(0, before.length)
          .map((v, i) => ((before[i] === 'lat' || before[i] === 'lon') && r[header!.indexOf('location')] === 'stop' ? '' : v)),
      ),
    ]);
    assert.deepEqual(observationsFromCSV(old), { ok: true, value: all });
    const engagements = engagementsFixture();
    const [eHeader, ...eRows] = (parseCSV(engagementsToCSV(engagements, { city: valence })) as { ok: true; value: string[][] }).value;
    const eBefore = eHeader!.indexOf('updatedAt') + 1;
    assert.deepEqual(engagementsFromCSV(writeCSV([eHeader!.slice(0, eBefore), ...eRows.map((r) => r.slice(0, eBefore))])), {
      ok: true,
      value: engagements,
    });
  });
});
