// SPDX-License-Identifier: EUPL-1.2
/**
 * Every free-text field of every command input refuses control characters
 * (`field.control-characters`): the schemas are walked, so a field added
 * without `noControlCharacters` fails here. A U+0000 let through once stopped
 * every email of a city (PostgreSQL refuses it in text).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type * as z from 'zod/mini';
import {
  AcceptEngagementInput,
  NoteInput,
  ProgressEngagementInput,
  ProposeEngagementInput,
  ReasonNoteInput,
  RescheduleEngagementInput,
} from './engagement/engagement.js';
import { QualifyObservationInput, RecordObservationInput } from './observation/observation.js';
import {
  CancelOnBehalfInput,
  PromoteInput,
  RegisterInput,
  RemoveRegistrationInput,
  StaffActor,
  StaffRegisterInput,
} from './registration/registration.js';
import { ShareReportInput, ValidateReportInput } from './report/report.js';
import { DuplicateInput, RejectInput } from './service/observations.js';
import { validate } from './validation.js';
import { ReasonInput, RescheduleWalkInput, ScheduleWalkInput } from './walk/walk.js';
import { Actor } from './actor.js';

const INPUTS: Record<string, z.ZodMiniType> = {
  ScheduleWalkInput,
  RescheduleWalkInput,
  ReasonInput,
  RegisterInput,
  RemoveRegistrationInput,
  StaffRegisterInput,
  CancelOnBehalfInput,
  PromoteInput,
  StaffActor,
  RecordObservationInput,
  QualifyObservationInput,
  DuplicateInput,
  RejectInput,
  ProposeEngagementInput,
  AcceptEngagementInput,
  ProgressEngagementInput,
  NoteInput,
  ReasonNoteInput,
  RescheduleEngagementInput,
  ValidateReportInput,
  ShareReportInput,
  Actor,
};

interface Leaf {
  /** Where the string goes: object keys, and 0 for an array's first element. */
  readonly path: readonly (string | number)[];
  /** No format and no pattern: text a person types, which must say `field.control-characters`. */
  readonly freeText: boolean;
}

type Def = {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  innerType?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  options?: { _zod: { def: Def } }[];
  format?: string;
  checks?: { _zod: { def: { check: string; format?: string } } }[];
};

/** Every string a schema takes, with its path (through objects, optionals, defaults, arrays and unions). */
function strings(def: Def, path: readonly (string | number)[] = []): Leaf[] {
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, s]) => strings(s._zod.def, [...path, key]));
    case 'optional':
    case 'default':
    case 'nonoptional':
    case 'readonly':
      return def.innerType ? strings(def.innerType._zod.def, path) : [];
    case 'array':
      return def.element ? strings(def.element._zod.def, [...path, 0]) : [];
    case 'union': {
      const leaves = (def.options ?? []).flatMap((o) => strings(o._zod.def, path));
      // One leaf per path: free text only when every branch is.
      return leaves.length === 0 ? [] : [{ path, freeText: leaves.every((l) => l.freeText) }];
    }
    case 'string': {
      const formatted = def.format !== undefined || (def.checks ?? []).some((c) => c._zod.def.check === 'string_format');
      return [{ path, freeText: !formatted }];
    }
    default:
      return [];
  }
}

/** An input holding `value` at `path` and nothing else (other fields' issues are at other paths). */
function inputWith(path: readonly (string | number)[], value: string): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const inner = inputWith(rest, value);
  return typeof head === 'number' ? [inner] : { [head]: inner };
}

const BAD = ['\u0000', '\u001b', '\u007f', '\u0008'];

describe('control characters in command inputs', () => {
  test('the walk finds the free-text fields it should (it cannot pass by finding none)', () => {
    const found = Object.fromEntries(
      Object.entries(INPUTS).map(([name, s]) => [
        name,
        strings((s as unknown as { _zod: { def: Def } })._zod.def)
          .filter((l) => l.freeText)
          .map((l) => l.path.join('.')),
      ]),
    );
    assert.deepEqual(found.RescheduleWalkInput, ['meetingPoint.label', 'reason']);
    assert.deepEqual(found.ValidateReportInput, ['summary']);
    assert.ok(found.ScheduleWalkInput?.includes('stops.0.description'));
    assert.ok(found.RegisterInput?.includes('needsNote'));
    assert.ok(found.RecordObservationInput?.includes('reporter.name'));
  });

  for (const [name, schema] of Object.entries(INPUTS)) {
    const leaves = strings((schema as unknown as { _zod: { def: Def } })._zod.def);
    for (const leaf of leaves) {
      const where = leaf.path.join('.');
      test(`${name}.${where} refuses control characters${leaf.freeText ? ' with field.control-characters' : ''}`, () => {
        for (const bad of BAD) {
          const result = validate(schema, inputWith(leaf.path, `Rue${bad}des Alpes`), 'fr');
          assert.equal(result.ok, false, `${JSON.stringify(bad)} accepted`);
          if (result.ok) continue;
          assert.equal(result.error.code, 'validation.invalid');
          const issues = (result.error.details.issues as { path: string; code: string }[]).filter((i) => i.path === where);
          assert.ok(issues.length > 0, `no issue at ${where} for ${JSON.stringify(bad)}: ${JSON.stringify(result.error.details.issues)}`);
          if (leaf.freeText)
            assert.ok(
              issues.some((i) => i.code === 'field.control-characters'),
              `${where} with ${JSON.stringify(bad)}: ${JSON.stringify(issues)}`,
            );
        }
      });
    }
  }

  test('tab, line feed and carriage return stay allowed in free text', () => {
    const result = validate(RescheduleWalkInput, { startsAt: '2027-03-01T10:00:00+01:00', reason: 'Pluie\tforte\r\nReport' }, 'fr');
    assert.equal(result.ok, true, JSON.stringify(!result.ok && result.error));
  });
});
