// SPDX-License-Identifier: EUPL-1.2
import type * as z from 'zod/mini';
import { errorMessageIn, guspErrorIn } from './i18n.js';
import { FIELD_MESSAGES } from './locales/messages.js';
import { err, ok, type Result } from './result.js';

/** One problem with one field, ready to show next to it. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `contact.email` (empty for the whole input). */
  readonly path: string;
  /** Stable code: `field.required`, `field.invalid-email`, … */
  readonly code: string;
  readonly message: string;
}

/**
 * Every code {@linkcode fieldCode} gives is a `field.*` one (the core's schemas
 * raise no custom code), so validation carries the field texts only.
 */
const DOMAINS = [FIELD_MESSAGES];

const FORMAT_CODES: Record<string, string> = {
  email: 'field.invalid-email',
  datetime: 'field.invalid-datetime',
  date: 'field.invalid-date',
  url: 'field.invalid-url',
};

const isMissing = (issue: z.core.$ZodIssue, input: unknown): boolean => {
  let value: unknown = input;
  for (const key of issue.path) value = value == null ? undefined : (value as Record<PropertyKey, unknown>)[key];
  return value === undefined || value === null || value === '';
};

function fieldCode(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (isMissing(issue, input)) return 'field.required';
      return issue.expected === 'int' ? 'field.not-integer' : 'field.invalid-type';
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return 'field.required';
      return issue.origin === 'array' || issue.origin === 'set' ? 'field.too-few' : 'field.too-short';
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'set' ? 'field.too-many' : 'field.too-long';
    case 'invalid_format':
      return FORMAT_CODES[issue.format] ?? 'field.invalid-format';
    case 'invalid_value':
      // A choice left empty is a missing answer, not an unknown one.
      return isMissing(issue, input) ? 'field.required' : 'field.invalid-value';
    case 'unrecognized_keys':
      return 'field.unknown-keys';
    case 'custom':
      return typeof issue.params?.code === 'string' ? issue.params.code : 'field.invalid';
    default:
      return 'field.invalid';
  }
}

/** Turns zod issues into localized {@linkcode FieldIssue}s. */
export function fieldIssues(issues: readonly z.core.$ZodIssue[], input: unknown, locale?: string): FieldIssue[] {
  return issues.map((issue) => {
    const code = fieldCode(issue, input);
    const details = { ...(issue as unknown as Record<string, unknown>) };
    return { path: issue.path.map(String).join('.'), code, message: errorMessageIn(DOMAINS, code, locale, details) };
  });
}

/**
 * Validates `input` with a core schema. The refusal is `validation.invalid`
 * with `details.issues`: one localized {@linkcode FieldIssue} per problem.
 */
export function validate<S extends z.ZodMiniType>(schema: S, input: unknown, locale?: string): Result<z.infer<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return err(guspErrorIn(DOMAINS, 'validation.invalid', locale, { issues: fieldIssues(parsed.error.issues, input, locale) }));
}
