// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 16: `gusp-server qpv import`, run as a real child process on a small file shaped like the
 * ANCT's national QPV GeoJSON (test/fixtures/qpv-2024-sample.geojson: the 2024 properties
 * `code_qp`/`lib_qp`/`insee_com`/`lib_com`, one feature with the 2015 names `CODE_QP`/`NOM_QP`,
 * a MultiPolygon with altitudes, a QPV in two features, one with a hole; codes and shapes made up).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { parseCity, quartierOf, valence, type CityProfile } from '@gusp/core';
import { check as checkGeoJSON } from '@placemarkio/check-geojson';
import { importQpvBoundaries, simplifyRing } from '../src/qpv-import.js';
import { seedValence } from '../src/seed/valence.js';
import { openMigratedDatabase } from '../src/server.js';
import { sqlStore } from '../src/store/sql-store.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/qpv-2024-sample.geojson', import.meta.url));
const CLI = ['--conditions=@gusp/source', '--import', 'tsx', 'src/cli.ts'];

/** `gusp-server …args`: its exit code and what it wrote. */
function gusp(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...CLI, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Valence's profile as a city writes it, its QPVs given codes (made up, as the fixture's). */
const profileWithCodes = (codes: Record<string, string>) =>
  JSON.parse(
    JSON.stringify({
      ...valence,
      quartiers: valence.quartiers.map((q) => (codes[q.id] ? { ...q, qpvCode: codes[q.id] } : q)),
    }),
  ) as Record<string, unknown>;

describe('gusp-server qpv import (issue 16)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gusp-qpv-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('writes the boundaries of the profile’s codes, says what was found and what is missing (exit 1), and the result passes parseCity', async () => {
    const profile = join(dir, 'valence.json');
    const out = join(dir, 'valence-qpv.json');
    writeFileSync(
      profile,
      JSON.stringify(profileWithCodes({ fontbarlettes: 'QN02691Z', 'le-plan': 'QN02692Z', valensolles: 'QP026091', polygone: 'QN02693Z' })),
    );
    const run = await gusp(['qpv', 'import', '--file', FIXTURE, '--profile', profile, '--out', out], { LANG: 'fr_FR.UTF-8' });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /trouvé QN02691Z \(Quartier fictif des Hauts\) → quartier fontbarlettes : 1 polygone\(s\), 5 positions/);
    assert.match(run.stdout, /trouvé QN02692Z .*→ quartier le-plan : 2 polygone\(s\)/);
    assert.match(run.stdout, /trouvé QP026091 \(Quartier fictif de 2015\) → quartier valensolles/);
    assert.match(run.stdout, /absent QN02693Z \(quartier polygone\) : pas dans /);
    assert.match(run.stdout, /sans qpvCode, laissés tels quels : chamberliere/);

    const written = JSON.parse(readFileSync(out, 'utf8')) as unknown;
    const parsed = parseCity(written, 'en');
    assert.ok(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.error.details));
    const city: CityProfile = parsed.value;
    const q = (id: string) => city.quartiers.find((x) => x.id === id);
    // Fontbarlettes: the file's MultiPolygon of one part is a Polygon, altitude and the repeated position gone.
    assert.equal(q('fontbarlettes')?.boundary?.type, 'Polygon');
    assert.deepEqual(q('fontbarlettes')?.boundary?.coordinates[0]?.[0], [4.9205, 44.9165]);
    assert.equal(q('fontbarlettes')?.approximate, undefined);
    assert.match(
      q('fontbarlettes')?.boundarySource ?? '',
      /^ANCT, quartier prioritaire QN02691Z « Quartier fictif des Hauts », qpv-2024-sample\.geojson, importé le \d{4}-\d{2}-\d{2}$/,
    );
    // Le Plan: two features of one code, one polygon with its hole.
    const lePlan = q('le-plan')?.boundary;
    assert.equal(lePlan?.type, 'MultiPolygon');
    assert.equal(lePlan?.type === 'MultiPolygon' && lePlan.coordinates[0]?.length, 2);
    // Polygone, whose code is missing, and Chamberlière, without one, keep their approximate shapes.
    assert.equal(q('polygone')?.approximate, true);
    assert.deepEqual(q('chamberliere')?.boundary, valence.quartiers.find((x) => x.id === 'chamberliere')?.boundary);
    // The imported shapes decide where a point is; the Paris QPV of the file was not taken.
    const inside = quartierOf(city, { lat: 44.922, lon: 4.93 });
    assert.ok(inside.ok && inside.value?.id === 'fontbarlettes');
    const inHole = quartierOf(city, { lat: 44.9235, lon: 4.9095 });
    assert.ok(!inHole.ok || inHole.value?.id !== 'le-plan', 'a point in the hole is not Le Plan');
    assert.ok(!JSON.stringify(written).includes('parisien'));
    // The input profile is untouched when --out is given.
    assert.ok(!readFileSync(profile, 'utf8').includes('ANCT'));
  });

  test('every code found: exit 0, in English, and `--out -` prints the profile on stdout', async () => {
    const profile = join(dir, 'complete.json');
    writeFileSync(profile, JSON.stringify(profileWithCodes({ fontbarlettes: 'QN02691Z' })));
    const run = await gusp(['qpv', 'import', '--file', FIXTURE, '--profile', profile, '--out', '-'], { LANG: 'en_GB.UTF-8' });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /found QN02691Z \(Quartier fictif des Hauts\) → quartier fontbarlettes: 1 polygon\(s\), 5 positions/);
    const printed = JSON.parse(run.stdout) as { quartiers: { id: string; boundarySource?: string }[] };
    assert.match(printed.quartiers.find((x) => x.id === 'fontbarlettes')?.boundarySource ?? '', /QN02691Z/);
  });

  test('without --out, rewrites the profile in place', async () => {
    const profile = join(dir, 'in-place.json');
    writeFileSync(profile, JSON.stringify(profileWithCodes({ 'le-plan': 'QN02692Z' })));
    const run = await gusp(['qpv', 'import', '--file', FIXTURE, '--profile', profile], { LANG: 'en' });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /written: .*in-place\.json/);
    assert.match(readFileSync(profile, 'utf8'), /QN02692Z/);
  });

  test('refuses what cannot be imported, writing nothing: a file in Lambert-93, no qpvCode, a profile parseCity refuses, bad usage', async () => {
    const lambert = join(dir, 'lambert.geojson');
    const national = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { features: { geometry: { coordinates: unknown } }[] };
    national.features[0]!.geometry.coordinates = [
      [
        [
          [849_000, 6_423_000],
          [850_000, 6_423_000],
          [850_000, 6_424_000],
          [849_000, 6_423_000],
        ],
      ],
    ];
    writeFileSync(lambert, JSON.stringify(national));
    const profile = join(dir, 'refused.json');
    const original = JSON.stringify(profileWithCodes({ fontbarlettes: 'QN02691Z' }));
    writeFileSync(profile, original);
    const notWgs84 = await gusp(['qpv', 'import', '--file', lambert, '--profile', profile], { LANG: 'fr' });
    assert.equal(notWgs84.code, 2);
    assert.match(notWgs84.stderr, /n’est pas en WGS 84 .*ogr2ogr -t_srs EPSG:4326/);
    assert.equal(readFileSync(profile, 'utf8'), original);

    writeFileSync(profile, JSON.stringify(valence));
    const noCode = await gusp(['qpv', 'import', '--file', FIXTURE, '--profile', profile], { LANG: 'en' });
    assert.equal(noCode.code, 2);
    assert.match(noCode.stderr, /no quartier has a qpvCode/);

    writeFileSync(profile, JSON.stringify({ ...profileWithCodes({ fontbarlettes: 'QN02691Z' }), timezone: 'Europe/Pariss' }));
    const invalid = await gusp(['qpv', 'import', '--file', FIXTURE, '--profile', profile], { LANG: 'en' });
    assert.equal(invalid.code, 2);
    assert.match(invalid.stderr, /timezone: Unknown time zone: “Europe\/Pariss”\. \[city\.unknown-timezone\]/);

    const badSimplify = await gusp(['qpv', 'import', '--file', FIXTURE, '--profile', profile, '--simplify', 'beaucoup']);
    assert.equal(badSimplify.code, 2);
    assert.match(badSimplify.stderr, /--simplify <metres> \(0\.\.100\): beaucoup/);

    const usage = await gusp(['qpv', 'import', '--file', FIXTURE]);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /qpv import --file <national\.geojson> --profile <city\.json>/);
  });
});

describe('importQpvBoundaries', () => {
  const options = { source: 'qp.geojson', date: '2026-12-02', locale: 'en' };

  test('reads the ArcGIS services’ names (Code_QP, Lib_QP) too, and says which quartiers have no code', () => {
    const national = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { Code_QP: 'qn02691z', Lib_QP: 'Hauts' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [4.92, 44.91],
                [4.93, 44.91],
                [4.93, 44.92],
                [4.92, 44.91],
              ],
            ],
          },
        },
      ],
    };
    const result = importQpvBoundaries(national, profileWithCodes({ fontbarlettes: 'QN02691Z' }), options);
    assert.ok(result.ok);
    assert.deepEqual(
      result.found.map((f) => [f.quartierId, f.name, f.polygons, f.positions]),
      [['fontbarlettes', 'Hauts', 1, 4]],
    );
    assert.deepEqual(result.withoutCode, ['polygone', 'chamberliere', 'valensolles', 'le-plan']);
  });

  test('--simplify: Douglas–Peucker within so many metres keeps the corners, drops what lies on a line, keeps the ring closed', () => {
    // A 1 km square (about 0.0127° of longitude, 0.009° of latitude at 45°) with 50 positions on each side, 1 m off the line.
    const corners: [number, number][] = [
      [4.9, 44.9],
      [4.9127, 44.9],
      [4.9127, 44.909],
      [4.9, 44.909],
    ];
    const ring: [number, number][] = [];
    corners.forEach(([x1, y1], c) => {
      const [x2, y2] = corners[(c + 1) % 4] as [number, number];
      for (let i = 0; i < 50; i++) ring.push([x1 + ((x2 - x1) * i) / 50 + (i % 2) * 0.00001, y1 + ((y2 - y1) * i) / 50]);
    });
    ring.push(ring[0] as [number, number]);
    const simplified = simplifyRing(ring, 2);
    assert.deepEqual(simplified, [...corners, corners[0]]);
    assert.ok(simplifyRing(ring, 0.1).length > 100, 'within 10 cm, the 1 m zigzag stays');
    const national = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { code_qp: 'QN02691Z' }, geometry: { type: 'Polygon', coordinates: [ring] } }],
    };
    const result = importQpvBoundaries(national, profileWithCodes({ fontbarlettes: 'QN02691Z' }), { ...options, simplifyMetres: 2 });
    assert.ok(result.ok);
    assert.deepEqual(result.found[0]?.positions, 5);
  });

  test('closes an open ring and leaves out a feature without usable outline', () => {
    const national = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code_qp: 'QN02691Z' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [4.92, 44.91],
                [4.93, 44.91],
                [4.93, 44.92],
              ],
            ],
          },
        },
        { type: 'Feature', properties: { code_qp: 'QN02691Z' }, geometry: { type: 'Polygon', coordinates: [[[4.92, 44.91]]] } },
      ],
    };
    const result = importQpvBoundaries(national, profileWithCodes({ fontbarlettes: 'QN02691Z' }), options);
    assert.ok(result.ok);
    const q = (result.profile.quartiers as { id: string; boundary?: { coordinates: unknown[][] } }[]).find((x) => x.id === 'fontbarlettes');
    assert.deepEqual(q?.boundary?.coordinates[0], [
      [4.92, 44.91],
      [4.93, 44.91],
      [4.93, 44.92],
      [4.92, 44.91],
    ]);
    assert.equal(importQpvBoundaries({ type: 'Feature' }, profileWithCodes({}), options).ok, false);
  });
});

describe('gusp-server export --what walks|quartiers --format geojson (issue 16)', () => {
  test('gives the profile’s quartiers without a database, and the public walks as GET /api/walks.geojson does', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gusp-geo-export-'));
    try {
      const quartiers = await gusp(['export', '--what', 'quartiers', '--format', 'geojson', '--data-dir', join(dataDir, 'never-opened')]);
      assert.equal(quartiers.code, 0, quartiers.stderr);
      const q = checkGeoJSON(quartiers.stdout) as unknown as { features: { id: string; geometry: { type: string } }[] };
      assert.deepEqual(
        q.features.map((f) => [f.id, f.geometry.type]),
        valence.quartiers.map((x) => [x.id, 'Polygon']),
      );

      const db = await openMigratedDatabase({ dataDir });
      await seedValence(sqlStore(db.sql));
      const draft = await import('@gusp/core').then(({ createGusp }) =>
        createGusp({ city: valence, store: sqlStore(db.sql) }).walks.schedule({
          quartierId: 'polygone',
          startsAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
          title: 'Brouillon à ne pas exporter',
        }),
      );
      assert.ok(draft.ok);
      await db.close();
      const walks = await gusp(['export', '--what', 'walks', '--format', 'geojson', '--data-dir', dataDir]);
      assert.equal(walks.code, 0, walks.stderr);
      const w = checkGeoJSON(walks.stdout) as unknown as {
        features: { geometry: { type: string } | null; properties: { kind: string; walkId: string } }[];
      };
      assert.ok(w.features.some((f) => f.properties.kind === 'route' && f.geometry?.type === 'LineString'));
      assert.ok(w.features.some((f) => f.properties.kind === 'stop' && f.geometry?.type === 'Point'));
      assert.ok(!w.features.some((f) => f.properties.walkId === draft.value.id), 'a draft is exported');
      const usage = await gusp(['export', '--what', 'walks', '--format', 'csv', '--data-dir', dataDir]);
      assert.equal(usage.code, 2);
      assert.match(usage.stderr, /--what walks\|quartiers --format geojson/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
