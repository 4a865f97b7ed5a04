// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertRefused, setup, unwrap } from '../service/service.test-helpers.js';
import type { FieldIssue } from '../validation.js';
import type { CityProfileInput } from './city-profile.js';
import { CityProfileError, cityProfileJsonSchema, defineCity, parseCity } from './define-city.js';
import { valence } from './valence.js';

/**
 * A second city, written only as data: Montréal's borough of Villeray–Saint-Michel–Parc-Extension
 * with its own landlord, partners, axes, themes, time zone and defaults.
 */
const montreal: CityProfileInput = {
  id: 'montreal-vsp',
  name: 'Villeray–Saint-Michel–Parc-Extension',
  timezone: 'America/Montreal',
  locale: 'fr-CA',
  quartiers: [
    { id: 'saint-michel', name: 'Saint-Michel', priority: true, centre: { lat: 45.5667, lon: -73.6167 } },
    { id: 'parc-extension', name: 'Parc-Extension', priority: true },
    { id: 'villeray', name: 'Villeray', priority: false },
  ],
  organisations: [
    { id: 'arrondissement', name: 'Arrondissement VSP', kind: 'city' },
    { id: 'omhm', name: 'Office municipal d’habitation de Montréal', shortName: 'OMHM', kind: 'landlord' },
    { id: 'tandem', name: 'Tandem VSP', kind: 'partner' },
  ],
  axes: [
    { id: 'hiver', name: 'Hiver', translations: { en: 'Winter' } },
    { id: 'ruelles', name: 'Ruelles' },
  ],
  themes: [
    { id: 'deneigement', name: 'Déneigement des trottoirs', axis: 'hiver', translations: { en: 'Sidewalk snow clearing' } },
    { id: 'ruelle-verte', name: 'Ruelles vertes', axis: 'ruelles' },
    { id: 'eclairage-ruelle', name: 'Éclairage des ruelles', axis: 'ruelles' },
  ],
  defaults: { capacity: 12, registrationClosesDaysBefore: 2, registrationClosesAt: '12:00', startEarlyMinutes: 15 },
  consentVersion: 'v3',
};

describe('defineCity(): a second city works with the whole service', () => {
  const city = defineCity(montreal);

  it('fills the defaults it does not give', () => {
    assert.equal(city.defaults.capacity, 12);
    assert.equal(city.defaults.walkDurationMinutes, 240);
    assert.equal(city.defaults.observationGraceHours, 48);
    assert.equal(city.defaults.dueSoonDays, 14);
  });

  it('schedules, publishes, registers and records with its own quartiers, themes, zone and defaults', async () => {
    const { gusp, clock } = setup({ city, start: '2026-10-20T10:00:00-04:00' });
    // 1 November 2026 is the day Montréal leaves daylight saving time (EDT → EST).
    const walk = unwrap(
      await gusp.walks.schedule({
        quartierId: 'saint-michel',
        startsAt: '2026-11-01T15:00:00Z',
        stops: [{ id: 'parc', label: 'Parc Frédéric-Back' }],
      }),
    );
    assert.equal(walk.startsAt, '2026-11-01T10:00:00-05:00');
    assert.equal(walk.registrationDeadline, '2026-10-30T12:00:00-04:00', 'two days before at noon, local time, before the change');
    assert.equal(walk.capacity, 12);
    assertRefused(await gusp.walks.schedule({ quartierId: 'le-plan', startsAt: '2026-11-01T15:00:00Z' }), 'walk.unknown-quartier');

    unwrap(await gusp.walks.publish(walk.id));
    const r = unwrap(await gusp.walks.register(walk.id, { name: 'Marie-Ève', email: 'me@example.ca', consent: true }));
    assert.equal(r.status, 'confirmed');
    assert.equal(r.registration.consent.version, 'v3');
    assert.equal(r.registration.locale, 'fr-CA');

    clock.set('2026-11-01T09:44:00-05:00');
    assertRefused(await gusp.walks.start(walk.id), 'walk.too-early-to-start');
    clock.set('2026-11-01T09:45:00-05:00');
    unwrap(await gusp.walks.start(walk.id));

    const obs = unwrap(
      await gusp.observations.record({
        walkId: walk.id,
        stopId: 'parc',
        polarity: 'problem',
        themeId: 'deneigement',
        description: 'Trottoir glacé',
        source: 'walk',
      }),
    );
    assert.equal(obs.themeId, 'deneigement');
    assert.equal(obs.quartierId, 'saint-michel');
    assert.equal(obs.recordedAt, '2026-11-01T09:45:00-05:00');
    assertRefused(
      await gusp.observations.record({ walkId: walk.id, stopId: 'parc', polarity: 'problem', themeId: 'voirie', description: 'x' }),
      'observation.unknown-theme',
    );

    const stats = await gusp.queries.observationStats();
    assert.deepEqual(stats.byThemeAndPolarity, [{ themeId: 'deneigement', positive: 0, problem: 1 }]);
    const e = unwrap(
      await gusp.engagements.propose({ title: 'Déglacer', quartierId: 'saint-michel', themeId: 'deneigement', organisationId: 'omhm' }),
    );
    unwrap(await gusp.engagements.accept(e.id, { organisationId: 'omhm', dueOn: '2026-11-15' }, { organisationId: 'omhm' }));
    assertRefused(await gusp.engagements.accept(e.id, { organisationId: 'oph', dueOn: '2026-11-15' }), 'engagement.invalid-transition');
    assert.deepEqual(
      (await gusp.queries.coverage(2026)).map((c) => [c.quartierId, c.covered]),
      [
        ['saint-michel', true],
        ['parc-extension', false],
      ],
    );
  });
});

describe('parseCity(): a broken profile', () => {
  const broken = {
    ...montreal,
    timezone: 'Europe/Atlantis',
    quartiers: [
      { id: 'saint-michel', name: 'Saint-Michel', priority: true },
      { id: 'saint-michel', name: 'Saint-Michel bis', priority: true },
      { id: 'parc-extension', name: 'Parc-Extension', priority: 'oui' },
    ],
    themes: [
      { id: 'deneigement', name: 'Déneigement', axis: 'hiver' },
      { id: 'nids-de-poule', name: 'Nids-de-poule', axis: 'voirie' },
    ],
    defaults: { capacity: 'douze' },
  };

  it('lists every problem in details.issues, schema and cross-references alike', () => {
    const error = assertRefused(parseCity(broken), 'city.invalid');
    const issues = error.details.issues as FieldIssue[];
    const found = issues.map((i) => `${i.path} ${i.code}`).sort();
    assert.deepEqual(found, [
      'defaults.capacity field.invalid-type',
      'quartiers.1.id city.duplicate-id',
      'quartiers.2.priority field.invalid-type',
      'themes.1.axis city.unknown-theme-axis',
      'timezone city.unknown-timezone',
    ]);
    assert.equal(error.details.count, 5);
    assert.equal(error.message, 'Le profil de ville comporte 5 problème(s).');
    const axis = issues.find((i) => i.code === 'city.unknown-theme-axis');
    assert.equal(axis?.message, 'La thématique « nids-de-poule » utilise un axe inconnu : « voirie ».');
  });

  it('writes the problems in English on request', () => {
    const error = assertRefused(parseCity(broken, 'en'), 'city.invalid', 'en');
    const tz = (error.details.issues as FieldIssue[]).find((i) => i.code === 'city.unknown-timezone');
    assert.equal(tz?.message, 'Unknown time zone: “Europe/Atlantis”.');
  });

  it('finds cross-reference problems in a profile whose types are right', () => {
    const error = assertRefused(parseCity({ ...montreal, timezone: 'Mars/Olympus' }), 'city.invalid');
    assert.deepEqual(
      (error.details.issues as FieldIssue[]).map((i) => i.path),
      ['timezone'],
    );
  });

  it('needs at least one priority quartier', () => {
    const error = assertRefused(
      parseCity({ ...montreal, quartiers: [{ id: 'villeray', name: 'Villeray', priority: false }] }),
      'city.invalid',
    );
    assert.deepEqual(
      (error.details.issues as FieldIssue[]).map((i) => i.code),
      ['city.no-priority-quartier'],
    );
  });

  it('answers a Result for anything, never throws', () => {
    for (const input of [undefined, null, 42, 'valence', [], { quartiers: 'none' }, { themes: [null], axes: [1] }]) {
      const r = parseCity(input);
      assert.equal(r.ok, false);
    }
  });

  it('accepts Valence, the built-in profile', () => {
    assert.equal(parseCity(valence).ok, true);
  });

  it('makes defineCity throw a CityProfileError that lists each problem', () => {
    assert.throws(
      () => defineCity(broken as never),
      (e: unknown) => {
        assert.ok(e instanceof CityProfileError);
        assert.equal(e.error.code, 'city.invalid');
        assert.match(e.message, /timezone: Fuseau horaire inconnu/);
        assert.match(e.message, /quartiers\.1\.id: Identifiant en double/);
        return true;
      },
    );
  });
});

describe('cityProfileJsonSchema()', () => {
  it('is a JSON Schema object describing quartiers, organisations, axes and themes', () => {
    const schema = cityProfileJsonSchema();
    assert.equal(schema.type, 'object');
    assert.match(String(schema.$schema), /json-schema\.org/);
    const properties = schema.properties as Record<string, { type?: string }>;
    for (const key of ['id', 'timezone', 'quartiers', 'organisations', 'axes', 'themes', 'defaults']) assert.ok(key in properties, key);
    assert.equal(properties.quartiers?.type, 'array');
    assert.ok((schema.required as string[]).includes('quartiers'));
    // Defaults are optional in what a city writes.
    assert.ok(!(schema.required as string[]).includes('defaults'));
    assert.doesNotThrow(() => JSON.stringify(schema));
  });
});

describe('parseCity(): misspelled keys', () => {
  it('reports an unknown key with field.unknown-keys instead of ignoring it, and accepts "$schema"', () => {
    const withTypo = { ...valence, $schema: './city-profile.schema.json', defaults: { ...valence.defaults, capcity: 30 } };
    const result = parseCity(withTypo);
    assert.equal(result.ok, false);
    const issues = (!result.ok ? result.error.details.issues : []) as FieldIssue[];
    assert.deepEqual(
      issues.map((i) => [i.path, i.code]),
      [['defaults', 'field.unknown-keys']],
    );
    assert.match(issues[0]?.message ?? '', /capcity/);
    assert.ok(parseCity({ ...valence, $schema: './city-profile.schema.json' }).ok);
    assert.equal((cityProfileJsonSchema() as { additionalProperties?: unknown }).additionalProperties, false);
  });
});

describe('parseCity(): response templates (triage)', () => {
  it('takes a text per status and language, Valence’s in French and English for the four statuses', () => {
    for (const status of ['qualified', 'rejected', 'duplicate', 'resolved'] as const) {
      const text = valence.responseTemplates?.[status];
      assert.ok(text?.fr && text.en, status);
    }
    const city = parseCity({
      ...montreal,
      responseTemplates: { rejected: { 'fr-CA': 'Ce signalement ne relève pas de l’arrondissement.' } },
    });
    assert.ok(city.ok);
    assert.equal(city.ok && city.value.responseTemplates?.rejected?.['fr-CA'], 'Ce signalement ne relève pas de l’arrondissement.');
    assert.equal(parseCity(montreal).ok && parseCity(montreal).ok, true, 'templates are optional');
  });

  it('refuses an unknown status, an empty text, a text without a language and a bad language tag', () => {
    const issuesOf = (responseTemplates: unknown) => {
      const result = parseCity({ ...montreal, responseTemplates });
      assert.equal(result.ok, false, JSON.stringify(responseTemplates));
      return ((!result.ok ? result.error.details.issues : []) as FieldIssue[]).map((i) => i.path);
    };
    assert.deepEqual(issuesOf({ reopened: { fr: 'Rouvert.' } }), ['responseTemplates']);
    assert.deepEqual(issuesOf({ resolved: { fr: '   ' } }), ['responseTemplates.resolved.fr']);
    assert.deepEqual(issuesOf({ resolved: {} }), ['responseTemplates.resolved']);
    assert.ok(issuesOf({ resolved: { French: 'Réglé.' } }).length > 0);
  });
});
