// SPDX-License-Identifier: EUPL-1.2
/**
 * What the service tests share (not a test file itself: the runner only picks
 * `*.test.ts`): a GUSP over a memory store with a clock the test moves, and
 * short ways to unwrap results and schedule an open walk.
 */
import assert from 'node:assert/strict';
import type { CityProfile } from '../city/city-profile.js';
import { valence } from '../city/valence.js';
import type { GuspError, Result } from '../result.js';
import { memoryStore } from '../store/memory-store.js';
import type { Store } from '../store/store.js';
import type { ScheduleWalkInput, Walk } from '../walk/walk.js';
import type { RegisterInput } from '../registration/registration.js';
import { createGusp, type Gusp } from './create-gusp.js';

export { assertRefused } from '../rules/rules.test-helpers.js';

/** A clock the test moves by hand. */
export interface TestClock {
  readonly now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(start: string): TestClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (iso) => {
      current = new Date(iso).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

/** 1 March 2026, 10:00 in Valence: two weeks before {@linkcode WALK_STARTS_AT}. */
export const START = '2026-03-01T10:00:00+01:00';
/** Saturday 14 March 2026, 09:00 in Valence. */
export const WALK_STARTS_AT = '2026-03-14T09:00:00+01:00';

export interface TestGusp {
  readonly gusp: Gusp;
  readonly store: Store;
  readonly clock: TestClock;
}

/** A GUSP for Valence (or `city`) over a fresh memory store (or `store`), its clock at {@linkcode START}. */
export function setup(options: { city?: CityProfile; store?: Store; start?: string; locale?: string } = {}): TestGusp {
  const store = options.store ?? memoryStore();
  const clock = testClock(options.start ?? START);
  const gusp = createGusp({ city: options.city ?? valence, store, now: clock.now, ...(options.locale ? { locale: options.locale } : {}) });
  return { gusp, store, clock };
}

/** The value of an accepted result; fails the test with the refusal otherwise. */
export function unwrap<T>(result: Result<T, GuspError>): T {
  if (!result.ok)
    assert.fail(`expected success, got ${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.details)}`);
  return result.value;
}

/** The route of the Le Plan walk. */
export const LE_PLAN_STOPS = [
  { id: 'parvis', label: 'Parvis de l’école Jean-Moulin', point: { lat: 44.9205, lon: 4.9128 } },
  { id: 'bleuets', label: 'Immeuble Les Bleuets' },
  { id: 'aire-de-jeux', label: 'Aire de jeux rue Bizet' },
] as const;

/** Schedules and publishes a walk in Le Plan at {@linkcode WALK_STARTS_AT} (override anything). */
export async function openWalk(gusp: Gusp, input: Partial<ScheduleWalkInput> = {}): Promise<Walk> {
  const walk = unwrap(await gusp.walks.schedule({ quartierId: 'le-plan', startsAt: WALK_STARTS_AT, stops: [...LE_PLAN_STOPS], ...input }));
  return unwrap(await gusp.walks.publish(walk.id));
}

let people = 0;

/** A resident signing up with consent and a fresh email (override anything). */
export function person(over: Partial<RegisterInput> = {}): RegisterInput {
  people++;
  return { name: `Habitante ${people}`, email: `habitante${people}@example.org`, consent: true, ...over };
}
