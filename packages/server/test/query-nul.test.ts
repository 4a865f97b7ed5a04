// SPDX-License-Identifier: EUPL-1.2
/**
 * A query parameter holding a NUL character (`%00`) is refused as 400 `request.invalid-query`,
 * localized, with the security headers of every answer, on every kind of route (lists read from
 * the read models, statistics, Open311, pages): PostgreSQL text cannot hold one, so without this a
 * filter carrying it to SQL answered 500 (found by the fuzz).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from '../src/server.js';
import { call } from './harness.js';

describe('a NUL character in a query parameter', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ photoSweep: false });
  });
  after(async () => {
    await server.close();
  });

  for (const path of [
    '/api/observations/stats?quartier=%00',
    '/api/engagements/dashboard?organisation=a%00b',
    '/api/observations?theme=%00',
    '/api/walks?quartier=le-plan%00',
    '/open311/v2/requests.xml?service_code=%00',
    '/api/observations.csv?quartier=%00',
    '/?x%00=1',
  ]) {
    test(`${path}: 400 request.invalid-query, in the caller's language`, async () => {
      const fr = await call(server.url, 'GET', path);
      // Open311 answers its own error list (GeoReport v2), the rest the API's envelope.
      if (path.startsWith('/open311/')) assert.equal(fr.status, 400, String(fr.body));
      else assert.deepEqual([fr.status, fr.body?.error?.code], [400, 'request.invalid-query'], JSON.stringify(fr.body));
      assert.equal(fr.headers.get('x-content-type-options'), 'nosniff');
      assert.match(JSON.stringify(fr.body), /Un paramètre de l’adresse est invalide/);
      const en = await call(server.url, 'GET', path, { headers: { 'accept-language': 'en' } });
      assert.match(JSON.stringify(en.body), /A query parameter is invalid/);
    });
  }
});
