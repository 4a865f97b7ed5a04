// SPDX-License-Identifier: EUPL-1.2
/**
 * The core in a real browser (headless Chromium, through @web/test-runner and
 * mocha): the same sources, no Node built-in, nanoid's browser build, the
 * browser's own Intl time zones. Named `*.web-test.ts` so that Node's runner
 * (`*.test.ts`) leaves it alone. Run: `pnpm --filter @gusp/core test:browser`.
 */
import {
  createGusp,
  memoryStore,
  parseCity,
  valence,
  type FieldIssue,
  type Gusp,
  type Observation,
  type Result,
  type Walk,
} from './index.js';
import { toGeoJSON, toICalendar } from './export/index.js';

// mocha's globals, as @web/test-runner provides them (no @types/mocha needed for three names).
declare const describe: (title: string, body: () => void) => void;
declare const before: (body: () => Promise<void> | void) => void;
declare const it: (title: string, body: () => Promise<void> | void) => void;

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
function equal<T>(actual: T, expected: T, what: string): void {
  assert(Object.is(actual, expected), `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('@gusp/core in the browser', () => {
  let clock = new Date('2026-03-01T10:00:00+01:00');
  let gusp: Gusp;
  let walk: Walk;
  let observation: Observation;

  before(() => {
    gusp = createGusp({ city: valence, store: memoryStore(), now: () => clock, locale: 'en' });
  });

  it('runs in a browser, not in Node', () => {
    assert(typeof window === 'object' && typeof document === 'object', 'no window/document');
    assert(!('process' in globalThis), 'a Node `process` global is present');
    assert(navigator.userAgent.includes('Chrome'), `unexpected browser: ${navigator.userAgent}`);
  });

  it('schedules and publishes a walk, with the city defaults in its time zone', async () => {
    walk = unwrap(
      await gusp.walks.schedule({
        quartierId: 'le-plan',
        title: 'Diagnostic en marchant – Le Plan',
        startsAt: '2026-03-14T09:00:00+01:00',
        capacity: 2,
        stops: [
          { label: 'Parvis de l’école Jean-Moulin', point: { lat: 44.9205, lon: 4.9128 } },
          { label: 'Aire de jeux rue Bizet', point: { lat: 44.9211, lon: 4.9141 } },
        ],
      }),
    );
    equal(walk.status, 'draft', 'status after schedule');
    equal(walk.registrationDeadline, '2026-03-13T18:00:00+01:00', 'default deadline (day before, 18:00 Paris)');
    equal(walk.id.length, 21, 'nanoid id length');
    equal(walk.meetingPoint?.label, 'Parvis de l’école Jean-Moulin', 'meeting point taken from the first stop');
    const published = unwrap(await gusp.walks.publish(walk.id));
    equal(published.status, 'open', 'status after publish');
  });

  it('registers until the walk is full, then waitlists', async () => {
    const person = (n: number) => ({ name: `Habitant·e ${n}`, email: `p${n}@example.org`, consent: true });
    const statuses: string[] = [];
    for (const n of [1, 2, 3, 4]) {
      const outcome = unwrap(await gusp.walks.register(walk.id, person(n)));
      statuses.push(outcome.position === undefined ? outcome.status : `${outcome.status}#${outcome.position}`);
      equal(outcome.registration.cancelToken.length, 32, 'cancel token length');
    }
    equal(statuses.join(','), 'confirmed,confirmed,waitlisted#1,waitlisted#2', 'outcomes');
    const summary = unwrap(await gusp.queries.walkSummary(walk.id));
    assert(JSON.stringify(summary).includes('"waitlist'), `no waitlist in the summary: ${JSON.stringify(summary)}`);

    const refused = await gusp.walks.register(
      walk.id,
      { name: 'Sans consentement', email: 'x@example.org', consent: false },
      { locale: 'fr' },
    );
    assert(!refused.ok, 'registration without consent accepted');
    equal(refused.error.code, 'registration.consent-required', 'refusal code');
    assert(/accord|consentement/i.test(refused.error.message), `message not in French: ${refused.error.message}`);
  });

  it('records an observation during the walk', async () => {
    clock = new Date('2026-03-14T09:05:00+01:00');
    equal(unwrap(await gusp.walks.start(walk.id)).status, 'in-progress', 'status after start');
    observation = unwrap(
      await gusp.observations.record({
        walkId: walk.id,
        stopId: walk.stops[1]?.id,
        polarity: 'problem',
        themeId: 'eclairage-public',
        description: 'Lampadaire éteint devant l’aire de jeux',
        source: 'walk',
      }),
    );
    equal(observation.status, 'recorded', 'observation status');
    equal(observation.quartierId, 'le-plan', 'quartier taken from the walk');
    const stats = await gusp.queries.observationStats({ walkId: walk.id });
    assert(JSON.stringify(stats).includes('eclairage-public'), `theme missing from stats: ${JSON.stringify(stats)}`);
  });

  it('follows an engagement through its lifecycle into the dashboard', async () => {
    unwrap(await gusp.observations.qualify(observation.id, { organisationId: 'ville-de-valence' }));
    const proposed = unwrap(
      await gusp.engagements.propose({
        title: 'Réparer l’éclairage',
        quartierId: 'le-plan',
        themeId: 'eclairage-public',
        observationIds: [observation.id],
      }),
    );
    unwrap(await gusp.engagements.accept(proposed.id, { organisationId: 'ville-de-valence', dueOn: '2026-04-30' }));
    unwrap(await gusp.engagements.start(proposed.id, {}));
    unwrap(await gusp.engagements.progress(proposed.id, { percent: 50, note: 'Pièce commandée' }));
    clock = new Date('2026-04-10T14:00:00+02:00');
    const done = unwrap(await gusp.engagements.complete(proposed.id, {}));
    equal(done.status, 'done', 'engagement status');
    equal(done.milestones.map((m) => m.kind).join(','), 'proposed,accepted,started,progressed,completed', 'milestones');

    const late = unwrap(await gusp.engagements.propose({ title: 'Nettoyer le square', quartierId: 'le-plan', themeId: 'nettoyage' }));
    unwrap(await gusp.engagements.accept(late.id, { organisationId: 'oph', dueOn: '2026-04-20' }));
    clock = new Date('2026-05-02T10:00:00+02:00');

    const dashboard = await gusp.queries.engagementDashboard();
    equal(dashboard.total, 2, 'total');
    equal(dashboard.byStatus.done, 1, 'done');
    equal(dashboard.byStatus.accepted, 1, 'accepted');
    equal(dashboard.overdue, 1, 'overdue');
    equal(dashboard.onTimeRate, 1, 'on-time rate');
    equal(dashboard.byOrganisation['oph']?.overdue, 1, 'overdue for the OPH');
    const resolved = unwrap(await gusp.observations.get(observation.id));
    equal(resolved.status, 'resolved', 'observation resolved with its engagement');
  });

  it('refuses a broken city profile with localized issues', () => {
    const broken = { id: 'Not A Slug', name: '', timezone: 'Mars/Olympus', quartiers: [], organisations: [], axes: [], themes: [] };
    const fr = parseCity(broken, 'fr');
    const en = parseCity(broken, 'en');
    assert(!fr.ok && !en.ok, 'broken profile accepted');
    equal(fr.error.code, 'city.invalid', 'code');
    const frIssues = fr.error.details.issues as FieldIssue[];
    const enIssues = en.error.details.issues as FieldIssue[];
    assert(frIssues.length >= 4, `expected several issues, got ${frIssues.length}`);
    equal(frIssues.map((i) => i.path).join(), enIssues.map((i) => i.path).join(), 'same paths in both languages');
    equal(frIssues.map((i) => i.code).join(), enIssues.map((i) => i.code).join(), 'same codes in both languages');
    assert(
      frIssues.every((i) => i.message.length > 0 && !i.message.includes('field.')),
      'a message is missing or untranslated',
    );
    assert(
      frIssues.some((i, n) => i.message !== enIssues[n]?.message),
      'French and English messages are identical',
    );
    assert(fr.error.message !== en.error.message, 'summary message not localized');
    assert(
      frIssues.some((i) => i.path === 'name'),
      `no issue on "name": ${JSON.stringify(frIssues)}`,
    );
  });

  it('exports iCalendar and GeoJSON', async () => {
    const current = unwrap(await gusp.walks.get(walk.id)).walk;
    const ics = toICalendar(current, valence);
    assert(ics.startsWith('BEGIN:VCALENDAR\r\n') && ics.endsWith('END:VCALENDAR\r\n'), 'not an iCalendar object');
    assert(ics.includes('DTSTART;TZID=Europe/Paris:20260314T090000'), `DTSTART not in Paris time:\n${ics}`);
    assert(
      ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75),
      'a line is longer than 75 octets',
    );

    const geojson = JSON.parse(JSON.stringify(toGeoJSON([observation], valence, { walks: [current] }))) as {
      type: string;
      features: { geometry: { type: string; coordinates: number[] } | null; properties: Record<string, unknown> }[];
    };
    equal(geojson.type, 'FeatureCollection', 'GeoJSON type');
    equal(geojson.features.length, 1, 'features');
    // The observation was made at the second stop: its point, in GeoJSON's lon/lat order.
    equal(geojson.features[0]?.geometry?.coordinates.join(','), '4.9141,44.9211', 'coordinates');
  });
});
