// SPDX-License-Identifier: EUPL-1.2
/**
 * What every command promises: bad input and refused rules come back as a
 * `Result` with a stable code and a message in the caller's language; nothing throws.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { en } from '../locales/en.js';
import { fr } from '../locales/fr.js';
import type { GuspError, Result } from '../result.js';
import type { FieldIssue } from '../validation.js';
import type { CommandOptions } from './runtime.js';
import type { Gusp } from './create-gusp.js';
import { assertRefused, openWalk, person, setup, unwrap, WALK_STARTS_AT } from './service.test-helpers.js';

const issuesOf = (error: GuspError) => error.details.issues as FieldIssue[];

describe('refusals: bad input', () => {
  it('answers validation.invalid with one localized issue per field, path and code included', async () => {
    const { gusp } = setup();
    const walk = await openWalk(gusp);
    const bad = { name: '', email: 'pas-une-adresse', consent: 'oui' } as never;
    const frError = assertRefused(await gusp.walks.register(walk.id, bad), 'validation.invalid');
    assert.equal(frError.message, 'Certaines informations sont manquantes ou invalides.');
    assert.deepEqual(issuesOf(frError), [
      { path: 'name', code: 'field.required', message: 'Ce champ est obligatoire.' },
      { path: 'email', code: 'field.invalid-email', message: 'Adresse e-mail invalide (exemple : nom@exemple.fr).' },
      { path: 'consent', code: 'field.invalid-type', message: 'Cette valeur n’a pas le bon type.' },
    ]);
    const enError = assertRefused(await gusp.walks.register(walk.id, bad, { locale: 'en' }), 'validation.invalid', 'en');
    assert.deepEqual(issuesOf(enError), [
      { path: 'name', code: 'field.required', message: 'This field is required.' },
      { path: 'email', code: 'field.invalid-email', message: 'Invalid email address (example: name@example.org).' },
      { path: 'consent', code: 'field.invalid-type', message: 'This value has the wrong type.' },
    ]);
  });

  it('names missing fields as required and nested fields by their dotted path', async () => {
    const { gusp } = setup();
    const error = assertRefused(
      await gusp.walks.schedule({ startsAt: '14/03/2026', stops: [{ label: 'Parvis', point: { lat: 95, lon: 4.9 } }] } as never, {
        locale: 'en',
      }),
      'validation.invalid',
      'en',
    );
    const byPath = Object.fromEntries(issuesOf(error).map((i) => [i.path, i.code]));
    assert.equal(byPath.quartierId, 'field.required');
    assert.equal(byPath.startsAt, 'field.invalid-datetime');
    assert.equal(byPath['stops.0.point.lat'], 'field.too-long');
    for (const issue of issuesOf(error)) assert.ok(issue.message.length > 0 && !issue.message.startsWith('field.'));
  });

  it('refuses non-integers where counts are expected', async () => {
    const { gusp } = setup();
    const error = assertRefused(
      await gusp.walks.schedule({ quartierId: 'le-plan', startsAt: WALK_STARTS_AT, capacity: 2.5 }),
      'validation.invalid',
    );
    assert.deepEqual(
      issuesOf(error).map((i) => [i.path, i.code]),
      [['capacity', 'field.not-integer']],
    );
  });
});

/** One refusal per rule the service enforces, to be produced in both languages. */
const scenarios: [code: string, run: (gusp: Gusp, options: CommandOptions) => Promise<Result<unknown>>][] = [
  ['walk.unknown-quartier', (g, o) => g.walks.schedule({ quartierId: 'la-duchere', startsAt: WALK_STARTS_AT }, o)],
  ['walk.not-found', (g, o) => g.walks.publish('ghost', o)],
  [
    'walk.meeting-point-required',
    async (g, o) => g.walks.publish(unwrap(await g.walks.schedule({ quartierId: 'le-plan', startsAt: WALK_STARTS_AT })).id, o),
  ],
  ['walk.reason-required', async (g, o) => g.walks.cancel((await openWalk(g)).id, { reason: '' }, o)],
  ['walk.invalid-transition', async (g, o) => g.walks.start((await openWalk(g)).id, o)],
  ['walk.start-in-past', async (g, o) => g.walks.reschedule((await openWalk(g)).id, { startsAt: '2020-01-01T09:00:00+01:00' }, o)],
  ['registration.consent-required', async (g, o) => g.walks.register((await openWalk(g)).id, person({ consent: false }), o)],
  ['registration.contact-required', async (g, o) => g.walks.register((await openWalk(g)).id, { name: 'Sans contact', consent: true }, o)],
  ['registration.not-found', async (g, o) => g.walks.cancelRegistration((await openWalk(g)).id, 'ghost', o)],
  [
    'registration.reason-required',
    async (g, o) => {
      const walk = await openWalk(g);
      const r = unwrap(await g.walks.register(walk.id, person()));
      return g.walks.removeRegistration(walk.id, r.registration.id, { reason: '' }, o);
    },
  ],
  [
    'registration.staff-sign-up-closed',
    async (g, o) =>
      g.walks.registerByStaff(unwrap(await g.walks.schedule({ quartierId: 'le-plan', startsAt: WALK_STARTS_AT })).id, person(), o),
  ],
  ['registration.walk-in-not-underway', async (g, o) => g.walks.walkIn((await openWalk(g)).id, { name: 'Karim', consent: true }, o)],
  [
    'registration.over-capacity-reason-required',
    async (g, o) => {
      const walk = await openWalk(g, { capacity: 1 });
      unwrap(await g.walks.register(walk.id, person()));
      const waiting = unwrap(await g.walks.register(walk.id, person()));
      return g.walks.promoteByStaff(walk.id, waiting.registration.id, {}, o);
    },
  ],
  ['validation.invalid', (g, o) => g.walks.schedule({} as never, o)],
  [
    'observation.location-required',
    (g, o) => g.observations.record({ quartierId: 'le-plan', polarity: 'problem', themeId: 'voirie', description: 'Trou' }, o),
  ],
  ['observation.not-found', (g, o) => g.observations.resolve('ghost', o)],
  ['engagement.not-found', (g, o) => g.engagements.start('ghost', {}, o)],
  ['engagement.unknown-quartier', (g, o) => g.engagements.propose({ title: 'x', quartierId: 'la-duchere' }, o)],
  ['report.not-found', async (g, o) => g.reports.validate((await openWalk(g)).id, {}, o)],
];

describe('refusals: every refusal speaks French by default and English on request', () => {
  for (const [code, run] of scenarios) {
    it(`says ${code} in French, then in English`, async () => {
      const frError = assertRefused(await run(setup().gusp, {}), code, 'fr');
      const enError = assertRefused(await run(setup().gusp, { locale: 'en' }), code, 'en');
      assert.notEqual(frError.message, enError.message);
      assert.ok(code in fr.errors && code in en.errors);
    });
  }

  it('follows the service’s own default language when a command gives none', async () => {
    const { gusp } = setup({ locale: 'en' });
    const error = assertRefused(await gusp.walks.publish('ghost'), 'walk.not-found', 'en');
    assert.equal(error.message, 'This walk cannot be found.');
  });

  it('falls back from a regional tag to its language, and from an unknown language to French', async () => {
    const { gusp } = setup();
    assert.equal(
      assertRefused(await gusp.walks.publish('ghost', { locale: 'en-GB' }), 'walk.not-found', 'en').message,
      'This walk cannot be found.',
    );
    assert.equal(
      assertRefused(await gusp.walks.publish('ghost', { locale: 'fr-BE' }), 'walk.not-found').message,
      'Ce diagnostic en marchant est introuvable.',
    );
    assert.equal(
      assertRefused(await gusp.walks.publish('ghost', { locale: 'tlh' }), 'walk.not-found').message,
      'Ce diagnostic en marchant est introuvable.',
    );
  });
});

describe('refusals: commands never throw for bad input', () => {
  /** Resolves to a Result, whatever the input: a throw or a rejection fails the property. */
  const settles = async (run: () => Promise<Result<unknown>>) => {
    const result = await run();
    assert.equal(typeof result.ok, 'boolean');
    if (!result.ok) {
      assert.equal(typeof result.error.code, 'string');
      assert.equal(typeof result.error.message, 'string');
    }
  };

  it('answers a Result to hundreds of arbitrary inputs on every command', async () => {
    const t = setup();
    const { gusp } = t;
    const walk = await openWalk(gusp);
    const registration = unwrap(await gusp.walks.register(walk.id, person()));
    const obs = unwrap(
      await gusp.observations.record({
        quartierId: 'le-plan',
        polarity: 'problem',
        themeId: 'voirie',
        description: 'Trou',
        address: 'Rue Bizet',
      }),
    );
    const engagement = unwrap(await gusp.engagements.propose({ title: 'Reboucher', quartierId: 'le-plan' }));
    const any = fc.anything() as fc.Arbitrary<never>;
    const commands: [string, (input: never) => Promise<Result<unknown>>][] = [
      ['walks.schedule', (i) => gusp.walks.schedule(i)],
      ['walks.register', (i) => gusp.walks.register(walk.id, i)],
      ['walks.registerByStaff', (i) => gusp.walks.registerByStaff(walk.id, i)],
      ['walks.registerByStaff (actor)', (i) => gusp.walks.registerByStaff(walk.id, person({ consent: false }), { actor: i })],
      ['walks.walkIn', (i) => gusp.walks.walkIn(walk.id, i)],
      ['walks.cancelOnBehalf', (i) => gusp.walks.cancelOnBehalf(walk.id, 'ghost', i)],
      ['walks.promoteByStaff', (i) => gusp.walks.promoteByStaff(walk.id, registration.registration.id, i)],
      ['walks.cancel', (i) => gusp.walks.cancel(walk.id, i)],
      ['walks.reschedule', (i) => gusp.walks.reschedule(walk.id, i)],
      ['observations.record', (i) => gusp.observations.record(i)],
      ['observations.qualify', (i) => gusp.observations.qualify(obs.id, i)],
      ['observations.markDuplicate', (i) => gusp.observations.markDuplicate(obs.id, i)],
      ['observations.reject', (i) => gusp.observations.reject(obs.id, i)],
      ['engagements.propose', (i) => gusp.engagements.propose(i)],
      ['engagements.accept', (i) => gusp.engagements.accept(engagement.id, i)],
      ['engagements.start', (i) => gusp.engagements.start(engagement.id, i)],
      ['engagements.progress', (i) => gusp.engagements.progress(engagement.id, i)],
      ['engagements.complete', (i) => gusp.engagements.complete(engagement.id, i)],
      ['engagements.verify', (i) => gusp.engagements.verify(engagement.id, i)],
      ['engagements.reopen', (i) => gusp.engagements.reopen(engagement.id, i)],
      ['engagements.abandon', (i) => gusp.engagements.abandon(engagement.id, i)],
      ['engagements.reschedule', (i) => gusp.engagements.reschedule(engagement.id, i)],
      ['reports.validate', (i) => gusp.reports.validate(walk.id, i)],
      ['reports.edit', (i) => gusp.reports.edit(walk.id, i)],
      ['reports.share', (i) => gusp.reports.share(walk.id, i)],
    ];
    // Ids typed as strings get arbitrary strings: an unknown id is a refusal like any other.
    const byId: [string, (id: string) => Promise<Result<unknown>>][] = [
      ['walks.publish', (id) => gusp.walks.publish(id)],
      ['walks.start', (id) => gusp.walks.start(id)],
      ['walks.cancelRegistration', (id) => gusp.walks.cancelRegistration(walk.id, id, { token: id })],
      ['walks.checkIn', (id) => gusp.walks.checkIn(walk.id, id)],
      ['walks.removeRegistration', (id) => gusp.walks.removeRegistration(walk.id, id, { reason: id })],
      ['walks.cancelOnBehalf', (id) => gusp.walks.cancelOnBehalf(walk.id, id, { reason: id })],
      ['walks.promoteByStaff', (id) => gusp.walks.promoteByStaff(walk.id, id, { overCapacity: { reason: id } })],
      ['observations.resolve', (id) => gusp.observations.resolve(id)],
      ['engagements.get', (id) => gusp.engagements.get(id)],
      ['reports.draft', (id) => gusp.reports.draft(id)],
    ];
    for (const [name, command] of commands) {
      await fc
        .assert(
          fc.asyncProperty(any, (input) => settles(() => command(input))),
          { numRuns: 200 },
        )
        .catch((e: unknown) => assert.fail(`${name}: ${String(e)}`));
    }
    for (const [name, command] of byId) {
      await fc
        .assert(
          fc.asyncProperty(fc.string(), (id) => settles(() => command(id))),
          { numRuns: 100 },
        )
        .catch((e: unknown) => assert.fail(`${name}: ${String(e)}`));
    }
    // Nothing arbitrary got through to the registration made above.
    assert.equal(
      unwrap(await gusp.walks.get(walk.id)).registrations.find((r) => r.id === registration.registration.id)?.status,
      'confirmed',
    );
  });
});
