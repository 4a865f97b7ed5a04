// SPDX-License-Identifier: EUPL-1.2
/**
 * Which fields of which events are personal data, said once. The fold forgets
 * them (`PersonalDataPurged`, `ReporterContactErased`); a store that must be
 * able to forget them on disk too (`@gusp/server` encrypts them with a key per
 * record and erases by deleting the key) splits them off with
 * {@linkcode splitPersonal} before writing and puts them back, or their
 * forgotten form, with {@linkcode joinPersonal} when reading.
 *
 * A record is a registration or an observation: what the purge forgets one at
 * a time (a walk's registrations a year after it, an observation's contact a
 * year after it was recorded), while the same person may have newer ones.
 */
import type { DomainEvent } from './events.js';

/** The record that personal data belongs to: its key protects it, and it is forgotten as one. */
export type PersonalRecord = `registration:${string}` | `observation:${string}`;

/** How one event type carries personal data: where, for which record, and how it reads once forgotten. */
export interface PersonalPart {
  /** Where the fields sit in the event's data: one of its objects, or the data itself. */
  readonly in?: 'registration' | 'observation';
  /** The record they belong to. */
  readonly record: (data: Record<string, unknown>) => PersonalRecord;
  /** Whether this event brings the record (a store makes its key then), or speaks of one already there. */
  readonly brings: boolean;
  /** The personal fields. */
  readonly fields: readonly string[];
  /** What stands in their place once forgotten (absent fields are simply gone). */
  readonly forgotten: Readonly<Record<string, unknown>>;
  /** The email address the record is about, if any: how a person's erasure finds it. */
  readonly email: (personal: Record<string, unknown>) => string | undefined;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const registrationOf = (data: Record<string, unknown>) => data['registration'] as { id: string };
const observationOf = (data: Record<string, unknown>) => data['observation'] as { id: string };

const REGISTRATION_FIELDS = [
  'name',
  'email',
  'phone',
  'needs',
  'needsNote',
  'cancelToken',
  'removalReason',
  'overCapacityReason',
  'cancelReason',
] as const;

/** How an event that brings a registration (a sign-up, online or by staff, or a walk-in) carries it. */
const bringsRegistration: PersonalPart = {
  in: 'registration',
  record: (data) => `registration:${registrationOf(data).id}`,
  brings: true,
  fields: REGISTRATION_FIELDS,
  forgotten: { name: '', needs: [], cancelToken: '', anonymised: true },
  email: (p) => text(p['email']),
};

/** How an event about a registration already kept carries what staff wrote about the person. */
const aboutRegistration = (field: string, forgotten: Readonly<Record<string, unknown>>): PersonalPart => ({
  record: (data) => `registration:${String(data['registrationId'])}`,
  brings: false,
  fields: [field],
  forgotten,
  email: () => undefined,
});

/**
 * The table. A registration's name, contact, needs (health-related), its note and its cancel
 * token (a secret: who holds it acts as the person), and what staff wrote about the person: why
 * they removed the sign-up, cancelled it on the person's behalf or seated them beyond the
 * capacity; an observation's reporter contact. The forgotten forms are those the fold gives: an
 * anonymised registration keeps its role, status and channel for the counts. Who on the staff
 * acted (`by`: an account, a role, an organisation) is not the person's data and stays readable.
 */
export const PERSONAL_DATA: Readonly<Partial<Record<DomainEvent['type'], PersonalPart>>> = {
  ParticipantRegistered: bringsRegistration,
  WalkInRegistered: bringsRegistration,
  ObservationRecorded: {
    in: 'observation',
    record: (data) => `observation:${observationOf(data).id}`,
    brings: true,
    fields: ['reporter'],
    forgotten: {},
    email: (p) => text((p['reporter'] as { email?: unknown } | undefined)?.email),
  },
  RegistrationRemoved: aboutRegistration('reason', { reason: '' }),
  RegistrationCancelled: aboutRegistration('reason', {}),
  ParticipantPromoted: aboutRegistration('overCapacityReason', {}),
};

/** An event's personal data, split off: what a store may write as is, and what it must protect. */
export interface SplitEvent {
  /** The event without its personal fields. */
  readonly rest: Record<string, unknown>;
  readonly record: PersonalRecord;
  /** Whether the event brings the record (its key is made now) or speaks of one already kept. */
  readonly brings: boolean;
  /** The personal fields it carried (only those present). */
  readonly personal: Record<string, unknown>;
  /** The address it is about, trimmed and lower-cased, if any. */
  readonly email?: string;
}

/** The event's data split into what is personal and the rest; `undefined` when it carries none. */
export function splitPersonal(type: string, data: unknown): SplitEvent | undefined {
  const part = PERSONAL_DATA[type as DomainEvent['type']];
  if (!part || typeof data !== 'object' || data === null) return undefined;
  const whole = data as Record<string, unknown>;
  const holder = (part.in === undefined ? whole : whole[part.in]) as Record<string, unknown> | undefined;
  if (!holder || (holder['anonymised'] === true && part.in === 'registration')) return undefined;
  const personal: Record<string, unknown> = {};
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(holder)) {
    if (part.fields.includes(k)) {
      if (v !== undefined) personal[k] = v;
    } else kept[k] = v;
  }
  if (Object.keys(personal).length === 0) return undefined;
  const rest = part.in === undefined ? kept : { ...whole, [part.in]: kept };
  const email = part.email(personal)?.trim().toLowerCase();
  return { rest, record: part.record(whole), brings: part.brings, personal, ...(email === undefined ? {} : { email }) };
}

/** The event's data with its personal fields back, or, when `personal` is `undefined` (forgotten), their forgotten form. */
export function joinPersonal(type: string, rest: Record<string, unknown>, personal: Record<string, unknown> | undefined): unknown {
  const part = PERSONAL_DATA[type as DomainEvent['type']];
  if (!part) return rest;
  const holder = (part.in === undefined ? rest : rest[part.in]) as Record<string, unknown>;
  const joined = { ...holder, ...(personal ?? part.forgotten) };
  return part.in === undefined ? joined : { ...rest, [part.in]: joined };
}
