// SPDX-License-Identifier: EUPL-1.2
/**
 * A city's journal for the read benchmark, written through the core's
 * commands (so every event obeys the rules and has the core's own shape):
 * walks over three years in Valence's quartiers (scheduled, published,
 * signed up to, started, observed during, finished; the last few still to
 * come), observations during walks and from residents between them (a fifth
 * with a contact, sealed by the SQL store), observations qualified and
 * engagements proposed, accepted, started, advanced, completed, verified or
 * abandoned. Deterministic: the same size gives the same journal (ids aside).
 *
 * Two ways to write it into a database:
 * - `core`: `createGusp({ city: valence, store: sqlStore(db.sql) })`, one
 *   command at a time, as a server would;
 * - `batch`: the same commands against the core's `memoryStore()`, a few
 *   walks at a time, then each stream's events appended in one
 *   `store.append` on the SQL store (the very events the commands produced;
 *   the SQL store seals their personal data as it would have).
 */
import { calendarDay, createGusp, memoryStore, valence, type Gusp, type Result, type Store, type StoredEvent } from '@gusp/core';

export interface JournalSize {
  readonly name: string;
  readonly observations: number;
  readonly engagements: number;
  readonly walks: number;
  readonly registrations: number;
}

/** The two sizes, and a journal of a given number of events (≈ 1.8 events per observation). */
export const SIZES: Readonly<Record<string, JournalSize>> = {
  '1k': { name: '1k', observations: 1_000, engagements: 100, walks: 20, registrations: 200 },
  '10k': { name: '10k', observations: 10_000, engagements: 1_000, walks: 200, registrations: 2_000 },
  '100k': { name: '100k', observations: 100_000, engagements: 10_000, walks: 2_000, registrations: 20_000 },
};

/**
 * The generated journal's version: bump it when what `play` writes changes, so that the benches'
 * cached journals are built again.
 */
export const JOURNAL_VERSION = 1;

/**
 * A size of at least `events` events, in the 100k's proportions. The 100k holds 210,000 events, but
 * scaled up it holds fewer a walk (its walks' counts are rounded down): 1,000,000 asked gave 928,620
 * at 210,000, hence the margin.
 */
export const sizeOfEvents = (events: number): JournalSize => {
  const f = events / 193_000;
  return {
    name: `${Math.round(events / 1000)}k-events`,
    observations: Math.round(100_000 * f),
    engagements: Math.round(10_000 * f),
    walks: Math.max(1, Math.round(2_000 * f)),
    registrations: Math.round(20_000 * f),
  };
};

const DAY = 86_400_000;
const MINUTE = 60_000;
const YEARS = 3;
const VALENCE_CENTRE = { lat: 44.933, lon: 4.892 };

/** mulberry32: a small deterministic generator. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

const must = <T>(what: string, r: Result<T>): T => {
  if (!r.ok) throw new Error(`bench journal: ${what} refused: ${r.error.code} ${JSON.stringify(r.error.details)}`);
  return r.value;
};

const NAMES = ['Nadia Benali', 'Jean-Marc Roux', 'Fatou Diallo', 'Lucie Martin', 'Karim Haddad', 'Inès Moreau', 'Samuel Petit'];
const WORDS = [
  'Lampadaire éteint près de l’arrêt de bus.',
  'Bacs de tri qui débordent le lundi matin.',
  'Trottoir défoncé devant l’école.',
  'Tags sur le mur du passage.',
  'Massifs bien entretenus, merci.',
  'Banc cassé sur la place.',
  'Stationnement sauvage devant l’entrée.',
  'Nouvelle fresque très appréciée des habitants.',
];

export interface BuildReport {
  readonly events: number;
  readonly seconds: number;
  readonly how: 'core' | 'batch';
}

/**
 * Plays the city's life through `gusp` (whose clock reads `clock.now`). `chunk(walkIndex)` runs
 * after each walk, before the resident observations that follow it (the batch writer flushes there).
 */
async function play(
  size: JournalSize,
  now: number,
  gusp: () => Gusp,
  clock: { now: number },
  after: (walkIndex: number) => Promise<void>,
): Promise<void> {
  const rnd = random(12);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const quartiers = valence.quartiers;
  const themes = valence.themes.map((t) => t.id);
  const organisations = valence.organisations.map((o) => o.id);
  // Walks from three years ago to two months ahead; the rest of the time, residents report.
  const start = now - YEARS * 365 * DAY;
  const end = now + 60 * DAY;
  const walkStep = (end - start) / size.walks;
  const perWalk = Math.floor(size.registrations / size.walks);
  const engagementsPerWalk = Math.floor(size.engagements / size.walks);
  const walkObservations = Math.round((size.observations * 0.4) / size.walks);
  const residentTotal = size.observations - walkObservations * size.walks;
  // Past walks only carry observations and engagements: scale theirs so the totals hold.
  const pastWalks = Math.max(1, Math.ceil((now - start) / walkStep - 0.5));
  const obsPerPastWalk = Math.round((walkObservations * size.walks) / pastWalks);
  const engPerPastWalk = Math.round((engagementsPerWalk * size.walks) / pastWalks);
  const residentStep = (now - start) / Math.max(1, residentTotal);
  let residents = 0;

  for (let w = 0; w < size.walks; w++) {
    const g = gusp();
    const startsAt = Math.floor(start + (w + 0.5) * walkStep);
    const q = quartiers[w % quartiers.length] ?? quartiers[0];
    if (!q) throw new Error('no quartier');
    const centre = q.centre ?? VALENCE_CENTRE;
    const jitter = () => ({ lat: centre.lat + (rnd() - 0.5) * 0.01, lon: centre.lon + (rnd() - 0.5) * 0.01 });
    clock.now = Math.min(startsAt - 20 * DAY, now);
    const walk = must(
      'schedule',
      await g.walks.schedule({
        quartierId: q.id,
        title: `Diagnostic en marchant — ${q.name} n° ${w + 1}`,
        startsAt: new Date(startsAt).toISOString(),
        capacity: perWalk + 5,
        stops: [
          { label: 'Place du marché', point: jitter() },
          { label: 'Aire de jeux', point: jitter() },
          { label: 'Entrée de l’école', point: jitter() },
        ],
      }),
    );
    must('publish', await g.walks.publish(walk.id));
    for (let r = 0; r < perWalk; r++) {
      clock.now += MINUTE;
      must(
        'register',
        await g.walks.register(walk.id, { name: pick(NAMES), email: `habitant-${w}-${r}@example.org`, role: 'resident', consent: true }),
      );
    }
    if (startsAt < now) {
      clock.now = startsAt;
      must('start', await g.walks.start(walk.id));
      const recorded: string[] = [];
      for (let o = 0; o < obsPerPastWalk; o++) {
        clock.now = startsAt + (o + 1) * MINUTE;
        const stop = walk.stops[o % walk.stops.length];
        const obs = must(
          'record',
          await g.observations.record({
            walkId: walk.id,
            stopId: stop?.id,
            polarity: rnd() < 0.75 ? 'problem' : 'positive',
            themeId: pick(themes),
            description: pick(WORDS),
            source: 'walk',
          }),
        );
        if (obs.polarity === 'problem') recorded.push(obs.id);
      }
      clock.now = startsAt + 3 * 60 * MINUTE;
      must('finish', await g.walks.finish(walk.id));
      clock.now += 60 * MINUTE;
      const toQualify = recorded.slice(0, engPerPastWalk);
      for (const id of toQualify)
        must(
          'qualify',
          await g.observations.qualify(id, { organisationId: pick(organisations), severity: pick(['low', 'medium', 'high']) }),
        );
      for (let e = 0; e < engPerPastWalk; e++) {
        clock.now += 10 * MINUTE;
        const organisationId = pick(organisations);
        const observationIds = toQualify[e] === undefined ? [] : [toQualify[e] as string];
        const eng = must(
          'propose',
          await g.engagements.propose({
            title: `Engagement ${w + 1}.${e + 1}`,
            quartierId: q.id,
            themeId: pick(themes),
            organisationId,
            walkId: walk.id,
            observationIds,
          }),
        );
        const fate = rnd();
        if (fate < 0.1) continue; // stays proposed
        if (fate < 0.15) {
          must('abandon', await g.engagements.abandon(eng.id, { reason: 'Remplacé par un autre projet.' }));
          continue;
        }
        must(
          'accept',
          await g.engagements.accept(eng.id, {
            organisationId,
            dueOn: calendarDay(new Date(clock.now + (10 + rnd() * 80) * DAY), valence.timezone),
          }),
        );
        if (fate < 0.3) continue;
        must('start', await g.engagements.start(eng.id, {}));
        if (fate < 0.45) {
          must('progress', await g.engagements.progress(eng.id, { percent: 40, note: 'Travaux en cours.' }));
          continue;
        }
        if (fate < 0.5) continue;
        must('complete', await g.engagements.complete(eng.id, { note: 'Fait.' }));
        if (fate < 0.75) must('verify', await g.engagements.verify(eng.id, { note: 'Constaté par les habitants.' }));
      }
    }
    await after(w);
    // Residents' reports up to the next walk (all of them after the last one).
    const until = w === size.walks - 1 ? residentTotal : Math.min(residentTotal, Math.floor((startsAt + walkStep - start) / residentStep));
    for (; residents < until; residents++) {
      clock.now = Math.min(now - MINUTE, start + residents * residentStep);
      const rq = pick(quartiers);
      const contact = rnd() < 0.2;
      const rg = gusp();
      const obs = must(
        'record resident',
        await rg.observations.record({
          quartierId: rq.id,
          point: {
            lat: (rq.centre ?? VALENCE_CENTRE).lat + (rnd() - 0.5) * 0.01,
            lon: (rq.centre ?? VALENCE_CENTRE).lon + (rnd() - 0.5) * 0.01,
          },
          polarity: rnd() < 0.8 ? 'problem' : 'positive',
          themeId: pick(themes),
          description: pick(WORDS),
          source: 'resident',
          ...(contact ? { reporter: { name: pick(NAMES), email: `signal-${residents}@example.org`, consent: true } } : {}),
        }),
      );
      if (obs.polarity === 'problem' && rnd() < 0.1)
        must('qualify resident', await rg.observations.qualify(obs.id, { organisationId: pick(organisations) }));
    }
  }
}

/** Writes the journal of `size` into `store` through the core's commands, one at a time. */
export async function buildThroughCore(store: Store, size: JournalSize, now = Date.now()): Promise<BuildReport> {
  const t0 = performance.now();
  const clock = { now };
  const gusp = createGusp({ city: valence, store, now: () => new Date(clock.now) });
  await play(
    size,
    now,
    () => gusp,
    clock,
    async () => {},
  );
  return { events: (await store.readAll()).length, seconds: (performance.now() - t0) / 1000, how: 'core' };
}

/**
 * Writes the journal of `size` into `store`: the core's commands run on a memory store, and every
 * `walksPerChunk` walks (with the residents' reports between them) each stream's events go to
 * `store` in one append; `parallel` appends at a time (PostgreSQL takes several, PGlite one).
 */
export async function buildInBatches(
  store: Store,
  size: JournalSize,
  options: { now?: number; walksPerChunk?: number; parallel?: number; progress?: (events: number) => void } = {},
): Promise<BuildReport> {
  const t0 = performance.now();
  const now = options.now ?? Date.now();
  const walksPerChunk = options.walksPerChunk ?? 20;
  const parallel = options.parallel ?? 1;
  const clock = { now };
  let memory = memoryStore();
  let gusp = createGusp({ city: valence, store: memory, now: () => new Date(clock.now) });
  let written = 0;
  const flush = async () => {
    const byStream = new Map<string, StoredEvent[]>();
    for (const e of await memory.readAll()) {
      const list = byStream.get(e.stream) ?? [];
      list.push(e);
      byStream.set(e.stream, list);
    }
    const streams = [...byStream];
    let next = 0;
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (next < streams.length) {
          const [stream, events] = streams[next++] as [string, StoredEvent[]];
          const appended = await store.append(
            stream,
            0,
            events.map(({ type, at, data }) => ({ type, at, data }) as StoredEvent),
          );
          if (!appended.ok) throw new Error(`bench journal: append to ${stream} refused (${appended.reason})`);
          written += events.length;
        }
      }),
    );
    options.progress?.(written);
    memory = memoryStore();
    gusp = createGusp({ city: valence, store: memory, now: () => new Date(clock.now) });
  };
  // The residents' reports after a flush reference no walk: they may start a new chunk.
  await play(
    size,
    now,
    () => gusp,
    clock,
    async (w) => {
      if ((w + 1) % walksPerChunk === 0) await flush();
    },
  );
  await flush();
  return { events: written, seconds: (performance.now() - t0) / 1000, how: 'batch' };
}
