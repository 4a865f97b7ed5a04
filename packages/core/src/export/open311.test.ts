// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { valence } from '../city/valence.js';
import { guspError } from '../i18n.js';
import type { EngagementId } from '../ids.js';
import { ObservationStatus } from '../observation/observation.js';
import { engagementFixture, engagementsFixture, observationFixture, observationsFixture, walkFixture } from './fixtures.test-helpers.js';
import {
  fromOpen311Request,
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

  it('ignores media_url and unused Open311 fields', () => {
    const result = fromOpen311Request(
      { ...base, media_url: 'https://elsewhere.example/p.jpg', api_key: 'k', jurisdiction_id: 'valence.fr' },
      valence,
    );
    assert.ok(result.ok);
    assert.deepEqual(result.value.photos, []);
  });

  it('refuses with localized, stable codes', () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ lat: '1', long: '2' }, 'open311.service-code-required', 'A service_code is required: the theme of the request.'],
      [{ ...base, service_code: 'graffiti' }, 'open311.unknown-service', 'Unknown service: “graffiti”.'],
      [
        { service_code: 'voirie', description: 'x' },
        'open311.location-required',
        'A location is required: lat and long, or address_string.',
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
    assert.equal(fr.error.message, 'Indiquez un lieu : lat et long, ou address_string.');
  });

  it('reports field issues with Open311 field names', () => {
    const result = fromOpen311Request({ ...base, description: 'x'.repeat(2001), email: 'pas-une-adresse', consent: 'true' }, valence, 'en');
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
      { code: 400, description: 'A location is required: lat and long, or address_string.' },
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
