// SPDX-License-Identifier: EUPL-1.2
/**
 * The exports in pieces (a header, one line or item at a time, a tail), what a server streams
 * from its read models: the same bytes as the whole-list functions, whatever the flavour.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { valence } from '../city/valence.js';
import { setup, unwrap } from '../service/service.test-helpers.js';
import { engagementCSVWriter, engagementsToCSV, observationCSVWriter, observationsToCSV } from './csv.js';
import { engagementsFixture, observationsFixture, walkFixture } from './fixtures.test-helpers.js';
import { GEOJSON_COLLECTION_TEXT, toGeoJSON, toGeoJSONFeature } from './geojson.js';
import {
  matchedEngagement,
  OPEN311_JSON_TEXT,
  open311XmlText,
  toOpen311ObservationUpdates,
  toOpen311Request,
  toOpen311RequestUpdates,
  toOpen311Requests,
  toOpen311Xml,
  type Open311ListText,
} from './open311.js';

const joined = (text: Open311ListText, items: readonly unknown[]) =>
  items.length === 0 ? text.empty : text.head + items.map((i) => text.item(i)).join(text.separator) + text.tail;

describe('exports in pieces', () => {
  const observations = observationsFixture();
  const walks = [walkFixture()];

  it('GeoJSON: head, features, tail are the collection’s JSON', () => {
    for (const list of [observations, observations.slice(0, 1), []]) {
      const pieces = list.map((o) => JSON.stringify(toGeoJSONFeature(o, valence, { walks, locale: 'en' })));
      const { head, separator, tail } = GEOJSON_COLLECTION_TEXT;
      assert.equal(head + pieces.join(separator) + tail, JSON.stringify(toGeoJSON(list, valence, { walks, locale: 'en' })));
    }
  });

  it('CSV: the header and each line are the file, in every flavour, walks given per line or at once', () => {
    for (const flavour of [{}, { bom: true, delimiter: ';' as const }, { delimiter: ',' as const, bom: false }]) {
      const options = { ...flavour, city: valence, locale: 'fr' };
      const writer = observationCSVWriter(options);
      assert.equal(
        writer.header + observations.map((o) => writer.line(o, walks)).join(''),
        observationsToCSV(observations, { ...options, walks }),
      );
      const engagements = engagementsFixture();
      const e = engagementCSVWriter(options);
      assert.equal(e.header + engagements.map((x) => e.line(x)).join(''), engagementsToCSV(engagements, options));
    }
    assert.equal(observationCSVWriter().header + '', observationsToCSV([]));
  });

  it('Open311: a list in XML or JSON is its head, items and tail, or its empty form', () => {
    const requests = toOpen311Requests(observations, valence, { walks });
    assert.ok(requests.length > 0);
    for (const list of [requests, requests.slice(0, 1), []]) {
      assert.equal(joined(open311XmlText('service_requests'), list), toOpen311Xml({ service_requests: list }));
      assert.equal(joined(OPEN311_JSON_TEXT, list), JSON.stringify(list));
    }
    const one = observations.find((o) => o.polarity === 'problem');
    assert.ok(one);
    assert.deepEqual(toOpen311Request(one, valence, { walk: walks[0] }), requests[0]);
  });

  it('Open311 updates: per observation, merged in order, are the whole list’s', async () => {
    const { gusp, store, clock } = setup();
    const ids: string[] = [];
    for (const description of ['Lampadaire éteint', 'Banc cassé', 'Trottoir défoncé'])
      ids.push(
        unwrap(
          await gusp.observations.record({
            quartierId: 'le-plan',
            polarity: 'problem',
            themeId: 'voirie',
            description,
            address: 'Rue Bizet',
          }),
        ).id,
      );
    clock.advance(60_000);
    unwrap(await gusp.observations.qualify(ids[0] as string, { organisationId: 'ville-de-valence' }));
    unwrap(await gusp.observations.qualify(ids[1] as string, { organisationId: 'oph' }));
    const first = unwrap(
      await gusp.engagements.propose({ title: 'Réparer', quartierId: 'le-plan', observationIds: [ids[0] as string, ids[2] as string] }),
    );
    unwrap(await gusp.engagements.propose({ title: 'Aussi', quartierId: 'le-plan', observationIds: [ids[2] as string, ids[1] as string] }));
    // Same instant for the milestone and the change it causes: the order still holds.
    unwrap(await gusp.engagements.accept(first.id, { organisationId: 'ville-de-valence', dueOn: '2026-04-30' }));
    unwrap(await gusp.engagements.start(first.id, {}));
    unwrap(await gusp.engagements.complete(first.id, {}));
    const events = await store.readAll();
    const list = await gusp.observations.list();
    const engagements = await gusp.engagements.list();
    const byId = new Map(engagements.map((e) => [e.id as string, e]));
    const whole = toOpen311RequestUpdates(events, list, valence, { engagements });
    const merged = list
      .flatMap((o) =>
        toOpen311ObservationUpdates(
          o,
          events.filter((e) => e.stream === `observation-${o.id}`),
          valence,
          { engagements: byId, engagement: matchedEngagement(o, byId, engagements) },
        ),
      )
      .sort((a, b) => a.t - b.t || a.rank - b.rank || (a.update.update_id < b.update.update_id ? -1 : 1))
      .map((u) => u.update);
    assert.deepEqual(merged, whole);
    assert.ok(
      whole.some((u) => u.service_request_id === ids[2]),
      'an observation listed but not committed follows the first engagement listing it',
    );
  });
});
