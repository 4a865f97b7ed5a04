// SPDX-License-Identifier: EUPL-1.2
import { StaffActor, type StaffActorInput } from '../registration/registration.js';
import { ok, type Result } from '../result.js';
import { validate } from '../validation.js';
import type { CommandOptions, Runtime } from './runtime.js';

/**
 * The options of a command staff give (every command but a person's own `register` and
 * `cancelRegistration`): {@linkcode CommandOptions} and who acts, which the events record as their
 * `by` (the server fills it from the session; absent, the event names nobody). An actor that does
 * not fit {@linkcode StaffActor} is refused with `validation.invalid`.
 */
export interface StaffCommandOptions extends CommandOptions {
  /** The account acting, its role and organisation; checked with {@linkcode StaffActor}. */
  readonly actor?: StaffActorInput | undefined;
}

/**
 * The `by` of a staff command's events, from `options.actor` (checked with {@linkcode StaffActor},
 * refused with `validation.invalid`), or nothing when absent. Every staff command (walks, workshops,
 * projects, reports, observations, engagements) stamps its events with it.
 */
export function staffByOf(rt: Pick<Runtime, 'localeOf'>, options?: StaffCommandOptions): Result<{ by?: StaffActor }> {
  if (options?.actor === undefined) return ok({});
  const parsed = validate(StaffActor, options.actor, rt.localeOf(options));
  return parsed.ok ? ok({ by: parsed.value }) : parsed;
}
