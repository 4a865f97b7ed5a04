// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { valence } from '../city/valence.js';
import { guspError } from '../i18n.js';
import type { EngagementId } from '../ids.js';
import { ObservationStatus } from '../observation/observation.js';
import { setup, unwrap } from '../service/service.test-helpers.js';
import { engagementFixture, engagementsFixture, observationFixture, observationsFixture, walkFixture } from './fixtures.test-helpers.js';
import {
  fromOpen311Request,
  GEOREPORT_V2_SPECIFICATION,
  OPEN311_REQUEST_UPDATE_FIELDS,
  toOpen311Discovery,
  toOpen311RequestUpdates,
  OPEN311_SERVICE_REQUEST_FIELDS,
  OPEN311_STATUS,
  toOpen311ErrorList,
  toOpen311PostResponse,
  toOpen311Request,
  toOpen311Requests,
  toOpen311Services,
  toOpen311Xml,
} from './open311.js';

/** The fields of a service request, exactly as GeoReport v2 lists them (GET Service Requests, response). */
const SPEC_REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
/** The fields of a service (GET Service List). */
const SPEC_SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];

describe('toOpen311Services', () => {
  const services = toOpen311Services(valence);

  it('lists every theme as a realtime service without metadata, with exactly the spec fields', () => {
    assert.equal(services.length, valence.themes.length);
    for (const s of services) {
      assert.deepEqual(Object.keys(s).sort(), [...SPEC_SERVICE_FIELDS].sort());
      assert.equal(s.metadata, false);
      assert.equal(s.type, 'realtime');
      assert.equal(typeof s.keywords, 'string');
    }
  });

  it('names services and groups in the requested language', () => {
    const lighting = services.find((s) => s.service_code === 'eclairage-public');
    assert.deepEqual(lighting, {
      service_code: 'eclairage-public',
      service_name: 'Éclairage public',
      description: 'Sécurité – Éclairage public',
      metadata: false,
      type: 'realtime',
      keywords: 'Éclairage public,Street lighting,Sécurité',
      group: 'Sécurité',
    });
    const en = toOpen311Services(valence, 'en').find((s) => s.service_code === 'eclairage-public');
    assert.equal(en?.service_name, 'Street lighting');
    assert.equal(en?.group, 'Safety');
  });
});

describe('toOpen311Request', () => {
  const observation = observationFixture();
  const engagement = engagementFixture();
  const req = toOpen311Request(observation, valence, { engagement });

  it('has exactly the GeoReport v2 fields, in order', () => {
    assert.deepEqual(Object.keys(req), SPEC_REQUEST_FIELDS);
    assert.deepEqual([...OPEN311_SERVICE_REQUEST_FIELDS], SPEC_REQUEST_FIELDS);
  });

  it('maps a committed observation', () => {
    assert.deepEqual(req, {
      service_request_id: 'obs-1',
      status: 'open',
      status_notes: 'Engagement pris\u00a0: Réparer l’éclairage devant l’école Jean-Moulin (En cours, avancement 40\u00a0%)',
      service_name: 'Éclairage public',
      service_code: 'eclairage-public',
      description: 'Lampadaire éteint devant l’école, « dangereux » le soir; à réparer',
      agency_responsible: 'Ville de Valence',
      service_notice: null,
      requested_datetime: '2026-03-14T09:42:00+01:00',
      updated_datetime: '2026-03-20T11:00:00+01:00',
      expected_datetime: '2026-06-30T23:59:59+02:00',
      address: '12, rue Bizet',
      address_id: null,
      zipcode: null,
      lat: 44.92061,
      long: 4.91295,
      media_url: 'https://gusp.example.fr/media/photo-1.jpg',
    });
  });

  it('uses null for what is unknown', () => {
    const bare = toOpen311Request(observationsFixture()[2]!, valence, { locale: 'en' });
    assert.equal(bare.expected_datetime, null);
    assert.equal(bare.agency_responsible, null);
    assert.equal(bare.lat, null);
    assert.equal(bare.long, null);
    assert.equal(bare.media_url, null);
    assert.equal(bare.status, 'closed');
    assert.equal(bare.status_notes, 'Rejected: Domaine privé du bailleur');
    const withBase = toOpen311Request(observationsFixture()[2]!, valence, { baseMediaUrl: 'https://gusp.example.fr/media' });
    assert.equal(withBase.media_url, 'https://gusp.example.fr/media/photo-3');
  });

  it('locates an observation by its stop when the walk is given', () => {
    const atStop = observationsFixture()[1]!;
    assert.equal(toOpen311Request(atStop, valence).lat, null);
    const located = toOpen311Request(atStop, valence, { walk: walkFixture() });
    assert.equal(located.lat, 44.9211);
    assert.equal(located.long, 4.9141);
    assert.equal(located.address, 'Immeuble Les Bleuets');
  });

  it('maps every observation status to open or closed', () => {
    const table = Object.fromEntries(
      ObservationStatus.options.map((status) => [status, toOpen311Request(observationFixture({ status }), valence).status]),
    );
    assert.deepEqual(table, {
      recorded: 'open',
      qualified: 'open',
      duplicate: 'closed',
      rejected: 'closed',
      committed: 'open',
      resolved: 'closed',
    });
    assert.deepEqual(table, { ...OPEN311_STATUS });
  });

  it('never carries personal data', () => {
    const json = JSON.stringify(toOpen311Requests(observationsFixture(), valence, { engagements: engagementsFixture() }));
    for (const secret of [
      'aicha.benali@example.org',
      'Aïcha',
      'Benali',
      '+33 6 12 34 56 78',
      'voisin@example.org',
      'consent',
      'reporter',
      '2026-01',
    ]) {
      assert.equal(json.includes(secret), false, secret);
    }
  });
});

describe('toOpen311Requests', () => {
  it('keeps only problem observations and finds their engagement', () => {
    const requests = toOpen311Requests(observationsFixture(), valence, {
      engagements: [engagementFixture({ id: 'eng-1' as EngagementId, dueOn: '2026-12-15' })],
    });
    assert.deepEqual(
      requests.map((r) => [r.service_request_id, r.status, r.expected_datetime]),
      [
        ['obs-1', 'open', '2026-12-15T23:59:59+01:00'],
        ['obs-3', 'closed', null],
        ['obs-4', 'closed', null],
      ],
    );
    assert.equal(requests[2]?.status_notes, 'Doublon du signalement obs-1');
  });
});

describe('fromOpen311Request', () => {
  const base = { service_code: 'voirie', lat: '44.9205', long: '4.9128', description: 'Trottoir défoncé, rue Bizet' };

  it('maps a minimal request to an observation input', () => {
    assert.deepEqual(fromOpen311Request(base, valence), {
      ok: true,
      value: {
        point: { lat: 44.9205, lon: 4.9128 },
        polarity: 'problem',
        themeId: 'voirie',
        description: 'Trottoir défoncé, rue Bizet',
        photos: [],
        source: 'resident',
      },
    });
  });

  it('accepts an address instead of coordinates, and a GUSP quartier_id', () => {
    const result = fromOpen311Request(
      { service_code: 'voirie', address_string: ' 3 rue Bizet, Valence ', quartier_id: 'le-plan' },
      valence,
    );
    assert.ok(result.ok);
    assert.equal(result.value.address, '3 rue Bizet, Valence');
    assert.equal(result.value.quartierId, 'le-plan');
    assert.equal(result.value.point, undefined);
    assert.equal(result.value.description, 'Voirie', 'the service name stands in for a missing description');
  });

  it('keeps the contact only with consent=true, else drops it', () => {
    const contact = { email: 'aicha@example.org', first_name: 'Aïcha', last_name: 'Benali', phone: '06 12 34 56 78' };
    const withConsent = fromOpen311Request({ ...base, ...contact, consent: 'true' }, valence);
    assert.ok(withConsent.ok);
    assert.deepEqual(withConsent.value.reporter, {
      name: 'Aïcha Benali',
      email: 'aicha@example.org',
      phone: '06 12 34 56 78',
      consent: true,
    });
    for (const consent of [undefined, 'false', '1', '']) {
      const without = fromOpen311Request({ ...base, ...contact, consent }, valence);
      assert.ok(without.ok);
      assert.equal(without.value.reporter, undefined);
      assert.equal(JSON.stringify(without.value).includes('aicha'), false);
    }
  });

  it('ignores unused Open311 fields', () => {
    const result = fromOpen311Request({ ...base, api_key: 'k', jurisdiction_id: 'valence.fr', device_id: 'd', account_id: 'a' }, valence);
    assert.ok(result.ok);
    assert.deepEqual(result.value.photos, []);
  });

  // Issue 11: FixMyStreet sends its photo as `media_url`; it was dropped.
  it('keeps media_url as an external link (several when repeated), never as a photo of ours', () => {
    const one = fromOpen311Request({ ...base, media_url: 'https://www.fixmystreet.com/photo/123.0.full.jpeg' }, valence);
    assert.ok(one.ok);
    assert.deepEqual(one.value.photos, [
      { id: 'media-url-1', mediaType: 'image/jpeg', url: 'https://www.fixmystreet.com/photo/123.0.full.jpeg' },
    ]);
    const two = fromOpen311Request({ ...base, media_url: ['http://photos.example/a.png', ' https://photos.example/b.webp '] }, valence);
    assert.ok(two.ok);
    assert.deepEqual(
      two.value.photos.map((p) => [p.id, p.mediaType, p.url]),
      [
        ['media-url-1', 'image/png', 'http://photos.example/a.png'],
        ['media-url-2', 'image/webp', 'https://photos.example/b.webp'],
      ],
    );
    const empty = fromOpen311Request({ ...base, media_url: '' }, valence);
    assert.ok(empty.ok);
    assert.deepEqual(empty.value.photos, [], 'an empty media_url is no media (an optional argument sent empty)');
  });

  it('refuses a media_url that is not an absolute http(s) URL, and more than three', () => {
    for (const url of [
      'javascript:alert(1)',
      'ftp://photos.example/a.jpg',
      'data:image/png;base64,AAAA',
      '/photo/1.jpeg',
      'photos.example/a.jpg',
      'https://user:secret@photos.example/a.jpg',
      `https://photos.example/${'a'.repeat(2000)}.jpg`,
    ]) {
      const result = fromOpen311Request({ ...base, media_url: url }, valence, 'en');
      assert.ok(!result.ok, url);
      assert.equal(result.error.code, 'open311.invalid-media-url', url);
      assert.equal(result.error.message, 'media_url must be the full (http or https) address of media hosted elsewhere.');
    }
    const four = fromOpen311Request(
      { ...base, media_url: ['1', '2', '3', '4'].map((n) => `https://photos.example/${n}.jpg`) },
      valence,
      'en',
    );
    assert.ok(!four.ok);
    assert.equal(four.error.code, 'validation.invalid');
    assert.deepEqual(
      toOpen311ErrorList(four.error, 400).map((e) => e.description.split(':')[0]),
      ['media_url'],
    );
  });

  // Issue 11: GeoReport v2's location is lat & long, address_string or address_id.
  it('accepts address_id alone as the location, kept as the address', () => {
    const result = fromOpen311Request({ service_code: 'voirie', address_id: 'BAN-26362_0420_00012', quartier_id: 'le-plan' }, valence);
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.value.address, 'BAN-26362_0420_00012');
    assert.equal(result.value.point, undefined);
    const both = fromOpen311Request({ service_code: 'voirie', address_id: '42', address_string: '3 rue Bizet' }, valence);
    assert.ok(both.ok);
    assert.equal(both.value.address, '3 rue Bizet', 'the words win over an id GUSP cannot look up');
  });

  // Issue 11: the specification allows 4,000 characters; 2,001 were refused.
  it('takes descriptions up to 4,000 characters, as GeoReport v2 allows', () => {
    const long = fromOpen311Request({ ...base, description: 'é'.repeat(4000) }, valence);
    assert.ok(long.ok, JSON.stringify(!long.ok && long.error));
    assert.equal(long.value.description.length, 4000);
    const tooLong = fromOpen311Request({ ...base, description: 'é'.repeat(4001) }, valence, 'en');
    assert.ok(!tooLong.ok);
    assert.deepEqual(
      toOpen311ErrorList(tooLong.error, 400).map((e) => e.description.split(':')[0]),
      ['description'],
    );
  });

  it('refuses with localized, stable codes', () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ lat: '1', long: '2' }, 'open311.service-code-required', 'A service_code is required: the theme of the request.'],
      [{ ...base, service_code: 'graffiti' }, 'open311.unknown-service', 'Unknown service: “graffiti”.'],
      [
        { service_code: 'voirie', description: 'x' },
        'open311.location-required',
        'A location is required: lat and long, address_string or address_id.',
      ],
      [
        { ...base, lat: '91' },
        'open311.invalid-location',
        'Invalid coordinates: lat between -90 and 90 and long between -180 and 180, in decimal degrees.',
      ],
      [
        { ...base, long: '' },
        'open311.invalid-location',
        'Invalid coordinates: lat between -90 and 90 and long between -180 and 180, in decimal degrees.',
      ],
      [
        { ...base, lat: '44,92' },
        'open311.invalid-location',
        'Invalid coordinates: lat between -90 and 90 and long between -180 and 180, in decimal degrees.',
      ],
      [{ ...base, quartier_id: 'centre-ville' }, 'observation.unknown-quartier', 'Unknown quartier: “centre-ville”.'],
    ];
    for (const [body, code, message] of cases) {
      const result = fromOpen311Request(body, valence, 'en');
      assert.ok(!result.ok, code);
      assert.equal(result.error.code, code);
      assert.equal(result.error.message, message);
    }
    const fr = fromOpen311Request({ service_code: 'voirie' }, valence);
    assert.ok(!fr.ok);
    assert.equal(fr.error.message, 'Indiquez un lieu : lat et long, address_string ou address_id.');
  });

  it('reports field issues with Open311 field names', () => {
    const result = fromOpen311Request({ ...base, description: 'x'.repeat(4001), email: 'pas-une-adresse', consent: 'true' }, valence, 'en');
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'validation.invalid');
    const errors = toOpen311ErrorList(result.error, 400);
    assert.deepEqual(errors.map((e) => [e.code, e.description.split(':')[0]]).sort(), [
      [400, 'description'],
      [400, 'email'],
    ]);
  });
});

describe('toOpen311ErrorList / toOpen311PostResponse', () => {
  // Which status each refusal gets is the server's map (packages/server/src/http/errors.ts and its test).
  it('gives GeoReport v2 error lists with the status the caller answers with', () => {
    assert.deepEqual(toOpen311ErrorList(guspError('open311.unknown-service', 'en', { serviceCode: 'x' }), 404), [
      { code: 404, description: 'Unknown service: “x”.' },
    ]);
    assert.deepEqual(toOpen311ErrorList(guspError('open311.location-required', 'en'), 400), [
      { code: 400, description: 'A location is required: lat and long, address_string or address_id.' },
    ]);
    for (const e of toOpen311ErrorList(guspError('store.conflict'), 409)) assert.deepEqual(Object.keys(e), ['code', 'description']);
  });

  it('answers a POST with the new request id', () => {
    assert.deepEqual(toOpen311PostResponse(observationFixture()), [
      { service_request_id: 'obs-1', service_notice: null, account_id: null },
    ]);
  });
});

describe('toOpen311Xml', () => {
  // A real XML parser reads the documents back; every value stays text, empty elements stay empty.
  const parser = new XMLParser({ parseTagValue: false, isArray: (name) => ['service', 'request', 'error'].includes(name) });
  const read = (xml: string) => {
    assert.equal(XMLValidator.validate(xml), true, xml);
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n'));
    return parser.parse(xml) as Record<string, Record<string, Record<string, unknown>[]>>;
  };
  const asText = (record: object) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v === null ? '' : String(v)]));

  it('writes the services list as <services><service>, field for field', () => {
    const services = toOpen311Services(valence, 'fr');
    const doc = read(toOpen311Xml({ services }));
    assert.deepEqual(doc.services?.service, services.map(asText));
  });

  it('writes service requests with every spec field, null ones as empty elements', () => {
    const requests = toOpen311Requests(observationsFixture(), valence, { engagements: engagementsFixture() });
    assert.ok(requests.length > 1);
    const xml = toOpen311Xml({ service_requests: requests });
    const doc = read(xml);
    const read_ = doc.service_requests?.request ?? [];
    assert.deepEqual(read_, requests.map(asText));
    for (const r of read_) assert.deepEqual(Object.keys(r), SPEC_REQUEST_FIELDS);
    assert.match(xml, /<status_notes\/>|<agency_responsible\/>|<zipcode\/>/);
  });

  it('writes errors and the answer to a POST', () => {
    const errors = toOpen311ErrorList(guspError('open311.unknown-service', 'fr', { serviceCode: 'x' }), 404);
    assert.deepEqual(read(toOpen311Xml({ errors })).errors?.error, errors.map(asText));
    const posted = toOpen311PostResponse(observationFixture());
    assert.deepEqual(read(toOpen311Xml({ service_requests: posted })).service_requests?.request, posted.map(asText));
    assert.equal(
      toOpen311Xml({ service_definition: { service_code: 'voirie', attributes: [] } }),
      '<?xml version="1.0" encoding="utf-8"?>\n<service_definition><service_code>voirie</service_code><attributes/></service_definition>\n',
    );
  });

  it('escapes markup and drops what XML cannot carry', () => {
    const nasty = { service_request_id: 'a&b', service_notice: '<script>"l\'été"</script>\u0001\uD800', account_id: null };
    const xml = toOpen311Xml({ service_requests: [nasty] });
    assert.ok(!xml.includes('<script>'));
    const back = read(xml).service_requests?.request?.[0];
    assert.deepEqual(back, { service_request_id: 'a&b', service_notice: '<script>"l\'été"</script>', account_id: '' });
  });
});

// Issue 11: the spec requires Service Discovery; node-open311's serviceDiscovery failed without it.
describe('toOpen311Discovery', () => {
  const options = { url: 'https://gusp.valence.example/open311/v2', changeset: '2026-12-02T02:00:00+01:00' };

  it('has every field the Service Discovery spec requires, one GeoReport v2 endpoint in XML and JSON', () => {
    const discovery = toOpen311Discovery({ ...valence, contactEmail: 'gusp@valence.example' }, options);
    assert.deepEqual(discovery, {
      changeset: '2026-12-02T02:00:00+01:00',
      contact: 'Valence\u00a0: gusp@valence.example',
      key_service: 'Aucune clé d’API n’est nécessaire : les demandes sont publiques, les signalements ouverts à tous.',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: 'https://gusp.valence.example/open311/v2',
          changeset: '2026-12-02T02:00:00+01:00',
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    });
    assert.equal(GEOREPORT_V2_SPECIFICATION, 'http://wiki.open311.org/GeoReport_v2');
    const en = toOpen311Discovery(valence, { ...options, locale: 'en', type: 'test' });
    assert.equal(
      en.contact,
      `${valence.name}: https://gusp.valence.example/open311/v2`,
      'the endpoint when the profile has no contact address',
    );
    assert.equal(en.key_service, 'No API key is needed: requests are public and anyone may report.');
    assert.equal(en.endpoints[0]?.type, 'test');
  });

  it('writes XML as the spec’s example does: <endpoints><endpoint>, <formats><format>', () => {
    const xml = toOpen311Xml({ discovery: toOpen311Discovery(valence, options) });
    assert.equal(XMLValidator.validate(xml), true);
    const doc = new XMLParser({ parseTagValue: false, isArray: (name) => ['endpoint', 'format'].includes(name) }).parse(xml) as {
      discovery: { changeset: string; endpoints: { endpoint: { specification: string; formats: { format: string[] } }[] } };
    };
    assert.equal(doc.discovery.changeset, options.changeset);
    assert.equal(doc.discovery.endpoints.endpoint[0]?.specification, 'http://wiki.open311.org/GeoReport_v2');
    assert.deepEqual(doc.discovery.endpoints.endpoint[0]?.formats.format, ['text/xml', 'application/json']);
  });
});

// Issue 11: mySociety's servicerequestupdates, the updates FixMyStreet pulls.
describe('toOpen311RequestUpdates', () => {
  /** A problem taken from report to verified repair, and one rejected, through the core's own commands. */
  async function journal() {
    const { gusp, store, clock } = setup();
    const report = (description: string) =>
      gusp.observations.record({
        quartierId: 'le-plan',
        point: { lat: 44.9205, lon: 4.9128 },
        polarity: 'problem',
        themeId: 'eclairage-public',
        description,
        reporter: { name: 'Aïcha Benali', email: 'aicha@example.org', consent: true },
      });
    const lamp = unwrap(await report('Lampadaire éteint'));
    const bench = unwrap(await report('Banc cassé'));
    const praise = unwrap(
      await gusp.observations.record({
        quartierId: 'le-plan',
        polarity: 'positive',
        themeId: 'eclairage-public',
        description: 'Bien éclairé',
        address: 'Rue Bizet',
      }),
    );
    clock.advance(3_600_000);
    unwrap(await gusp.observations.qualify(lamp.id, { organisationId: 'ville-de-valence' }));
    clock.advance(60_000);
    unwrap(await gusp.observations.reject(bench.id, { reason: 'Domaine privé du bailleur' }));
    clock.advance(3_600_000);
    const engagement = unwrap(
      await gusp.engagements.propose({ title: 'Réparer le lampadaire', quartierId: 'le-plan', observationIds: [lamp.id] }),
    );
    clock.advance(86_400_000);
    unwrap(await gusp.engagements.accept(engagement.id, { organisationId: 'ville-de-valence', dueOn: '2026-04-30' }));
    unwrap(await gusp.engagements.start(engagement.id, {}));
    unwrap(await gusp.engagements.progress(engagement.id, { percent: 50, note: 'Pièce commandée' }));
    clock.advance(86_400_000);
    unwrap(await gusp.engagements.complete(engagement.id, {}));
    clock.advance(86_400_000);
    unwrap(await gusp.engagements.verify(engagement.id, {}));
    return {
      lamp,
      bench,
      praise,
      events: await store.readAll(),
      observations: await gusp.observations.list(),
      engagements: await gusp.engagements.list(),
    };
  }

  it('gives one update per status change of each request, with its status right after, oldest first', async () => {
    const { lamp, bench, praise, events, observations, engagements } = await journal();
    const updates = toOpen311RequestUpdates(events, observations, valence, { engagements });
    for (const u of updates) assert.deepEqual(Object.keys(u), [...OPEN311_REQUEST_UPDATE_FIELDS]);
    assert.deepEqual(
      updates.map((u) => [u.service_request_id === lamp.id ? 'lamp' : 'bench', u.status, u.description]),
      [
        ['lamp', 'open', 'Qualifiée\u00a0: Ville de Valence'],
        ['bench', 'closed', 'Écartée\u00a0: Domaine privé du bailleur'],
        ['lamp', 'open', 'Engagement pris\u00a0: Réparer le lampadaire'],
        ['lamp', 'open', 'Réparer le lampadaire\u00a0: Accepté, échéance le 2026-04-30'],
        ['lamp', 'open', 'Réparer le lampadaire\u00a0: En cours'],
        ['lamp', 'open', 'Réparer le lampadaire\u00a0: avancement 50\u00a0%. Pièce commandée'],
        // Done resolves the request (closed right after it); the residents' check comes later.
        ['lamp', 'closed', 'Réparer le lampadaire\u00a0: Réalisé'],
        ['lamp', 'closed', 'Résolue'],
        ['lamp', 'closed', 'Réparer le lampadaire\u00a0: Vérifié'],
      ],
    );
    assert.ok(!updates.some((u) => u.service_request_id === praise.id), 'a point positif is no service request');
    assert.equal(new Set(updates.map((u) => u.update_id)).size, updates.length, 'update ids are unique');
    assert.match(updates[0]?.updated_datetime ?? '', /^2026-03-01T11:00:00\+01:00$/);
    assert.ok(updates.every((u) => u.media_url === null));
    assert.ok(!JSON.stringify(updates).includes('aicha'), 'never the reporter');
    assert.equal(updates.find((u) => u.service_request_id === bench.id)?.update_id, `${bench.id}.2`);
  });

  it('keeps its update ids when read again, and speaks the requested language', async () => {
    const { events, observations, engagements } = await journal();
    const fr = toOpen311RequestUpdates(events, observations, valence, { engagements });
    const en = toOpen311RequestUpdates([...events].reverse(), observations, valence, { engagements, locale: 'en' });
    assert.deepEqual(
      en.map((u) => u.update_id),
      fr.map((u) => u.update_id),
    );
    assert.equal(en[1]?.description, 'Rejected: Domaine privé du bailleur');
  });

  it('writes <service_request_updates><request_update> in XML', async () => {
    const { events, observations, engagements } = await journal();
    const updates = toOpen311RequestUpdates(events, observations, valence, { engagements });
    const xml = toOpen311Xml({ service_request_updates: updates });
    assert.equal(XMLValidator.validate(xml), true);
    const doc = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'request_update' }).parse(xml) as {
      service_request_updates: { request_update: Record<string, string>[] };
    };
    assert.deepEqual(
      doc.service_request_updates.request_update.map((u) => Object.keys(u)),
      updates.map(() => [...OPEN311_REQUEST_UPDATE_FIELDS]),
    );
    assert.equal(doc.service_request_updates.request_update[0]?.media_url, '');
  });
});
