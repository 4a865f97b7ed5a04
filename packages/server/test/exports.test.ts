// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 11, the export line: the GeoJSON and CSV exports over real HTTP, on
 * PGlite and PostgreSQL, read by parsers the project does not write (csv-parse
 * in strict mode, papaparse, @placemarkio/check-geojson). Ids join across the
 * JSON API, GeoJSON, CSV and Open311, including ids starting with `-` (nanoid
 * draws one in 64; here made by fixture); every export takes the filters of its
 * JSON list; every CSV endpoint takes `?bom=1` and `?delimiter=;`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { check as checkGeoJSON } from '@placemarkio/check-geojson';
import {
  createGusp,
  ENGAGEMENT_CSV_COLUMNS,
  OBSERVATION_CSV_COLUMNS,
  observationsFromCSV,
  valence,
  type Observation,
  type Result,
} from '@gusp/core';
import { parse } from 'csv-parse/sync';
import Papa from 'papaparse';
import type { Database } from '../src/db.js';
import { seedValence } from '../src/seed/valence.js';
import { openMigratedDatabase, startServer, type RunningServer } from '../src/server.js';
import { sqlStore } from '../src/store/sql-store.js';
import { call } from './harness.js';
import { onBothDatabases } from './postgres-cluster.js';

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

type Row = Record<string, string>;
/**
 * csv-parse as strict as it goes: a stray quote, a short or long line, an
 * empty line or a BOM where none was asked for all throw.
 */
function strictRows(text: string, delimiter: ',' | ';' = ','): Row[] {
  return parse<Row>(text, {
    columns: true,
    delimiter,
    bom: false,
    relax_quotes: false,
    relax_column_count: false,
    skip_empty_lines: false,
    skip_records_with_error: false,
    trim: false,
  });
}
const headerOf = (text: string, delimiter: ',' | ';' = ','): string[] | undefined => {
  const [header]: string[][] = parse(text, { delimiter, to_line: 1 });
  return header;
};

interface Feature {
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: Record<string, unknown>;
}

const STOP_ID = '-St0p-Bleuets';
const DASHED = ['-zy5q7pQdmOJvXRg92V-y', '--_x9'];

function exportsSuite(name: string, open: () => Promise<Database>, skip: string | false = false) {
  describe(`exports on ${name} (issue 11)`, { skip }, () => {
    let db: Database;
    let server: RunningServer;
    let base: string;
    let walkId: string;
    let stopPoint: { lat: number; lon: number };
    const get = async (path: string, headers: Record<string, string> = {}) => {
      const r = await fetch(`${base}${path}`, { headers });
      const bytes = Buffer.from(await r.arrayBuffer());
      return { status: r.status, headers: r.headers, bytes, text: bytes.toString('utf8') };
    };
    const csvOf = async (path: string, headers: Record<string, string> = {}) => {
      const r = await get(path, headers);
      assert.equal(r.status, 200, `${path}: ${r.text}`);
      assert.match(r.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
      return r.text;
    };
    const listIds = async (path: string) => {
      const r = await call<{ observations?: { id: string }[]; engagements?: { id: string }[] }>(base, 'GET', path);
      assert.equal(r.status, 200, path);
      return (r.body.observations ?? r.body.engagements ?? []).map((x) => x.id).sort();
    };

    before(async () => {
      db = await open();
      server = await startServer({ database: db, photoSweep: false });
      base = server.url;
      // A walk held ten days ago, written through a service whose clock is moved back.
      const startsAt = new Date(Date.now() - 10 * 86_400_000);
      startsAt.setUTCHours(8, 0, 0, 0);
      let clock = startsAt.getTime() - 20 * 86_400_000;
      const gusp = createGusp({ city: valence, store: server.gusp.store, now: () => new Date(clock) });
      stopPoint = { lat: 44.9205, lon: 4.9128 };
      const walk = must(
        (await gusp.walks.schedule({
          quartierId: 'le-plan',
          title: 'Diagnostic des Bleuets',
          startsAt: startsAt.toISOString(),
          capacity: 10,
          stops: [
            { id: STOP_ID, label: 'Parvis des Bleuets', point: stopPoint },
            { label: 'Aire de jeux', point: { lat: 44.921, lon: 4.913 } },
          ],
        })) as Result<{ id: string }>,
      );
      walkId = walk.id;
      must(await gusp.walks.publish(walkId));
      clock = startsAt.getTime() + 10 * 60_000;
      must(await gusp.walks.start(walkId));
      const atStop = must(
        await gusp.observations.record({
          walkId,
          stopId: STOP_ID,
          polarity: 'problem',
          themeId: 'eclairage-public',
          source: 'walk',
          description: 'Lampadaire "éteint", côté\r\nécole; à voir',
        }),
      );
      clock += 60_000;
      must(
        await gusp.observations.record({
          walkId,
          point: { lat: 44.9211, lon: 4.9141 },
          polarity: 'positive',
          themeId: 'lien-social',
          source: 'walk',
          description: '=HYPERLINK("http://evil.example","salle commune")',
        }),
      );
      // Observations whose ids start with `-`, as nanoid draws them: written as the core writes them.
      clock += 60_000;
      const at = new Date(clock).toISOString();
      const fixture = (id: string, rest: Partial<Observation>): Observation =>
        ({
          id,
          quartierId: 'le-plan',
          polarity: 'problem',
          themeId: 'nettoyage',
          description: 'Dépôt sauvage',
          photos: [],
          source: 'walk',
          status: 'recorded',
          recordedAt: at,
          updatedAt: at,
          ...rest,
        }) as Observation;
      const dashed = [
        fixture(DASHED[0]!, { walkId, stopId: STOP_ID, description: '-- encombrants au pied du bâtiment' } as Partial<Observation>),
        fixture(DASHED[1]!, {
          quartierId: 'fontbarlettes',
          point: { lat: 44.9229, lon: 4.9262 },
          source: 'resident',
        } as Partial<Observation>),
      ];
      for (const o of dashed) {
        const appended = await server.gusp.store.append(`observation-${o.id}`, 0, [
          { type: 'ObservationRecorded', at, data: { observation: o } },
        ]);
        assert.ok(appended.ok);
      }
      clock += 3 * 3_600_000;
      must(await gusp.walks.finish(walkId));
      const elsewhere = must(
        await gusp.observations.record({
          quartierId: 'fontbarlettes',
          address: '-3 bis, impasse des Lilas',
          polarity: 'problem',
          themeId: 'voirie',
          description: '+ un nid-de-poule',
          reporter: { email: 'secret-exports@example.org', consent: true },
        }),
      );
      for (const id of [atStop.id, DASHED[0]!, elsewhere.id])
        must(await gusp.observations.qualify(id, { organisationId: 'ville-de-valence', severity: 'high' }));
      const lighting = must(
        await gusp.engagements.propose({
          title: '-Réparer l’éclairage, "vite"',
          quartierId: 'le-plan',
          themeId: 'eclairage-public',
          walkId,
          observationIds: [atStop.id, DASHED[0]!],
        }),
      );
      must(await gusp.engagements.accept(lighting.id, { organisationId: 'ville-de-valence', dueOn: '2099-06-30' }));
      must(await gusp.engagements.propose({ title: 'Reboucher la chaussée', quartierId: 'fontbarlettes', observationIds: [elsewhere.id] }));
    });
    after(async () => {
      await server?.close();
      await db?.close();
    });

    test('ids join across the JSON list, GeoJSON, CSV and Open311, as the same strings, ids starting with `-` included', async () => {
      const json = await call<{ observations: Observation[] }>(base, 'GET', '/api/observations');
      const ids: string[] = json.body.observations.map((o) => o.id).sort();
      for (const id of DASHED) assert.ok(ids.includes(id), id);

      const geo = await get('/api/observations.geojson');
      assert.match(geo.headers.get('content-type') ?? '', /^application\/geo\+json/);
      const collection = checkGeoJSON(geo.text) as unknown as { features: Feature[] };
      assert.deepEqual(collection.features.map((f) => f.id).sort(), ids);

      const csv = await csvOf('/api/observations.csv');
      assert.deepEqual(headerOf(csv), [...OBSERVATION_CSV_COLUMNS]);
      const rows = strictRows(csv);
      assert.deepEqual(rows.map((r) => r.id).sort(), ids, 'csv-parse reads the ids the API gives');
      const papa = Papa.parse<Row>(csv, { header: true, dynamicTyping: false, skipEmptyLines: true });
      assert.deepEqual(papa.errors, []);
      assert.deepEqual(papa.data, rows, 'papaparse reads the same rows');
      assert.ok(csv.includes(`\r\n${DASHED[0]},le-plan,${walkId},${STOP_ID},44.9205,4.9128,`), 'the id is the first cell, unguarded');

      const open311 = await call<{ service_request_id: string }[]>(base, 'GET', '/open311/v2/requests.json?start_date=2000-01-01');
      assert.equal(open311.status, 200);
      const requestIds = open311.body.map((r) => r.service_request_id);
      assert.ok(requestIds.length >= 3);
      for (const id of requestIds) assert.ok(ids.includes(id), `Open311 ${id} is a CSV and GeoJSON id`);
      for (const id of DASHED) assert.ok(requestIds.includes(id), `${id} in Open311`);

      // Every line places the observation where GeoJSON does, and says from where.
      const byId = new Map(collection.features.map((f) => [f.id, f]));
      for (const row of rows) {
        const f = byId.get(row.id!)!;
        assert.deepEqual(
          [row.lon, row.lat, row.location],
          [f.geometry ? String(f.geometry.coordinates[0]) : '', f.geometry ? String(f.geometry.coordinates[1]) : '', f.properties.location],
          row.id,
        );
        for (const key of ['statusLabel', 'polarityLabel', 'themeName', 'quartierName', 'stopLabel', 'organisationName'])
          assert.equal(row[key]!.replace(/^'(?=[=+\-@])/, ''), f.properties[key] ?? '', `${row.id} ${key}`);
      }
      const stopRows = rows.filter((r) => r.stopId === STOP_ID && r.location === 'stop');
      assert.equal(stopRows.length, 2, 'both observations at the stop, by the service and by fixture');
      for (const r of stopRows)
        assert.deepEqual([r.lat, r.lon, r.stopLabel], [String(stopPoint.lat), String(stopPoint.lon), 'Parvis des Bleuets']);

      // Free text keeps the formula defence; the file carries no contact; the import gives back the JSON list.
      assert.equal(rows.find((r) => r.polarity === 'positive')?.description, `'=HYPERLINK("http://evil.example","salle commune")`);
      assert.equal(rows.find((r) => r.address !== '')?.address, "'-3 bis, impasse des Lilas");
      assert.ok(!csv.includes('secret-exports@example.org') && !geo.text.includes('secret-exports@example.org'));
      const back = observationsFromCSV(csv);
      assert.ok(back.ok, JSON.stringify(!back.ok && back.error));
      const sortById = (list: readonly Observation[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
      assert.deepEqual(sortById(back.value), sortById(json.body.observations));
    });

    test('every export takes the filters of its JSON list: ?quartier= and ?walk=', async () => {
      const queries = [
        '',
        '?quartier=le-plan',
        '?quartier=fontbarlettes',
        '?quartier=atlantide',
        '?quartier=',
        `?walk=${walkId}`,
        `?quartier=fontbarlettes&walk=${walkId}`,
      ];
      for (const query of queries) {
        const expected = await listIds(`/api/observations${query}`);
        const geo = checkGeoJSON((await get(`/api/observations.geojson${query}`)).text) as unknown as { features: Feature[] };
        assert.deepEqual(geo.features.map((f) => f.id).sort(), expected, `GeoJSON ${query}`);
        const rows = strictRows(await csvOf(`/api/observations.csv${query}`));
        assert.deepEqual(rows.map((r) => r.id).sort(), expected, `CSV ${query}`);
      }
      assert.equal((await listIds('/api/observations?quartier=fontbarlettes')).length, 2);
      for (const query of ['', '?quartier=le-plan', '?quartier=fontbarlettes', '?quartier=atlantide']) {
        const expected = await listIds(`/api/engagements${query}`);
        const rows = strictRows(await csvOf(`/api/engagements.csv${query}`));
        assert.deepEqual(rows.map((r) => r.id).sort(), expected, `engagements CSV ${query}`);
      }
      assert.equal((await listIds('/api/engagements?quartier=fontbarlettes')).length, 1);
    });

    test('every CSV endpoint takes ?bom=1 and ?delimiter=; (French Excel), and refuses other values', async () => {
      for (const [path, columns] of [
        ['/api/observations.csv', OBSERVATION_CSV_COLUMNS],
        ['/api/engagements.csv', ENGAGEMENT_CSV_COLUMNS],
      ] as const) {
        const plain = await get(path);
        assert.notDeepEqual([...plain.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${path}: no BOM unless asked`);
        for (const query of ['?bom=1&delimiter=%3B', '?bom=1&delimiter=;', '?delimiter=;&bom=true&quartier=le-plan']) {
          const excel = await get(`${path}${query}`);
          assert.equal(excel.status, 200, `${path}${query}: ${excel.text}`);
          assert.deepEqual([...excel.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${path}${query}: BOM`);
          const text = excel.bytes.subarray(3).toString('utf8');
          assert.deepEqual(headerOf(text, ';'), [...columns]);
          const filtered = query.includes('quartier')
            ? strictRows(plain.text).filter((r) => r.quartierId === 'le-plan')
            : strictRows(plain.text);
          assert.deepEqual(strictRows(text, ';'), filtered, `${path}${query}: the same cells`);
        }
        const comma = await get(`${path}?bom=0&delimiter=,`);
        assert.equal(comma.text, plain.text);
        for (const bad of ['?delimiter=%7C', '?delimiter=tab', '?bom=yes', '?bom=']) {
          const refused = await call(base, 'GET', `${path}${bad}`);
          assert.equal(refused.status, 400, `${path}${bad}`);
          assert.equal(refused.body.error.code, 'request.invalid-query');
        }
      }
    });

    test('labels, names and milestones in words, in the request’s language', async () => {
      const fr = strictRows(await csvOf('/api/observations.csv?quartier=le-plan'));
      const lamp = fr.find((r) => r.themeId === 'eclairage-public')!;
      assert.deepEqual(
        [lamp.statusLabel, lamp.polarityLabel, lamp.themeName, lamp.quartierName, lamp.organisationName, lamp.severityLabel],
        ['Engagement pris', 'Dysfonctionnement', 'Éclairage public', 'Le Plan', 'Ville de Valence', 'Forte'],
      );
      const en = strictRows(await csvOf('/api/observations.csv?quartier=le-plan', { 'accept-language': 'en' }));
      assert.deepEqual(
        [en.find((r) => r.id === lamp.id)?.statusLabel, en.find((r) => r.id === lamp.id)?.themeName],
        ['Commitment made', 'Street lighting'],
      );
      const engagements = strictRows(await csvOf('/api/engagements.csv?quartier=le-plan'));
      const [lighting] = engagements;
      assert.equal(lighting?.title, `'-Réparer l’éclairage, "vite"`);
      assert.deepEqual([lighting?.statusLabel, lighting?.organisationName], ['Accepté', 'Ville de Valence']);
      assert.match(
        lighting?.milestonesText ?? '',
        /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} · Proposé\n\d{4}-\d{2}-\d{2} \d{2}:\d{2} · Accepté · Échéance\u00a0: 2099-06-30 · Ville de Valence$/,
      );
      assert.deepEqual(
        lighting?.observationIds?.split(';').sort(),
        fr
          .filter((r) => r.engagementId === lighting?.id)
          .map((r) => r.id)
          .sort(),
        'engagement ids join the observations’ lines',
      );
      assert.ok(lighting?.observationIds?.split(';').includes(DASHED[0]!));
    });

    test('the OpenAPI document declares each export’s filters as its JSON list’s, and the CSV flavour', async () => {
      const doc = (await call(base, 'GET', '/api/openapi.json')).body as {
        paths: Record<string, { get?: { parameters?: { name: string; in: string; schema?: { enum?: string[] } }[] } }>;
      };
      const query = (path: string) => (doc.paths[path]?.get?.parameters ?? []).filter((p) => p.in === 'query');
      const names = (path: string) => query(path).map((p) => p.name);
      // The lists are paged (`limit`, `cursor`); an export is the whole list, every page of it.
      const filters = (path: string) => names(path).filter((n) => n !== 'limit' && n !== 'cursor');
      assert.deepEqual(names('/api/observations.geojson'), filters('/api/observations'));
      assert.deepEqual(names('/api/observations.csv'), [...filters('/api/observations'), 'bom', 'delimiter']);
      assert.deepEqual(names('/api/engagements.csv'), [...filters('/api/engagements'), 'bom', 'delimiter']);
      assert.deepEqual(query('/api/engagements.csv').find((p) => p.name === 'delimiter')?.schema?.enum, [',', ';']);
    });
  });
}

onBothDatabases(exportsSuite);

describe('gusp-server export (issue 11)', () => {
  test('its CSV places observations at their stops where its GeoJSON does, under the same ids, with names', async () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const dataDir = mkdtempSync(join(tmpdir(), 'gusp-export-'));
    try {
      const db = await openMigratedDatabase({ dataDir });
      await seedValence(sqlStore(db.sql));
      await db.close();
      const run = (what: string, format: string) => {
        const r = spawnSync(
          process.execPath,
          [
            '--conditions=@gusp/source',
            '--import',
            'tsx',
            'src/cli.ts',
            'export',
            '--what',
            what,
            '--format',
            format,
            '--data-dir',
            dataDir,
          ],
          { cwd: root, encoding: 'utf8' },
        );
        assert.equal(r.status, 0, r.stderr);
        return r.stdout;
      };
      const rows = strictRows(run('observations', 'csv'));
      const features = (checkGeoJSON(run('observations', 'geojson')) as unknown as { features: Feature[] }).features;
      assert.deepEqual(rows.map((r) => r.id).sort(), features.map((f) => f.id).sort());
      const byId = new Map(features.map((f) => [f.id, f]));
      for (const row of rows) {
        const f = byId.get(row.id!)!;
        const where = f.geometry ? [String(f.geometry.coordinates[1]), String(f.geometry.coordinates[0])] : ['', ''];
        assert.deepEqual(
          [row.lat, row.lon, row.location, row.quartierName],
          [...where, f.properties.location, f.properties.quartierName],
          row.id,
        );
      }
      assert.ok(
        rows.some((r) => r.location === 'stop' && r.lat !== ''),
        'the seed has observations at stops',
      );
      const engagements = strictRows(run('engagements', 'csv'));
      assert.ok(engagements.length > 0 && engagements.every((e) => e.statusLabel !== '' && e.quartierName !== ''));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
