// SPDX-License-Identifier: EUPL-1.2
/**
 * Staff on a walk's registrations and on its day (issue 13): someone who phoned in, a walk-in,
 * cancelling for a person, seating a waitlisted one, checking several people in at once (the
 * day's offline outbox resends a batch safely), the needs summary and the printable day sheet.
 * Every write names who acted (`http/actor.ts`): the core stamps it on its events as `by`.
 */
import {
  CancelOnBehalfInput,
  csvLine,
  daySheetToHTML,
  guardCsvCell,
  findOrganisation,
  labelIn,
  localName,
  needsSummary,
  PromoteInput,
  REGISTRATION_MESSAGES,
  RegistrationId,
  ROLE_MESSAGES,
  StaffRegisterInput,
  WalkInInput,
  type CityProfile,
  type GuspError,
  type NeedsAmong,
  type Registration,
  type RegistrationOutcome,
} from '@gusp/core';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { staffCommandOptions } from '../http/actor.js';
import type { Env, RouteDeps } from '../http/context.js';
import { SERVER_LOCALES, type ServerLocale } from '../http/messages.js';
import { CSV_QUERY, csvFlavour, csvStream } from '../http/csv-answer.js';
import { serverError } from '../http/errors.js';
import { fileAnswer, jsonAnswer, jsonRoute, route, type RouteGroup } from '../http/route.js';

/** `?lang=`: a page the console opens in a new tab (the day sheet, the CSV) in the console's language, not the browser's. */
const LANG_QUERY = {
  lang: {
    description:
      '`fr` or `en`: the language of the answer when it is not the browser’s (the back office passes its own); else `Accept-Language`.',
  },
} as const;

/** The request's language, `?lang=` first (a value other than `fr` or `en` is a localized 400); refusals then speak it too. */
function askedLocale(c: Context<Env>, refuse: (c: Context<Env>, code: string, details?: Record<string, unknown>) => never): ServerLocale {
  const lang = c.req.query('lang');
  if (lang === undefined) return c.get('locale');
  if (!(SERVER_LOCALES as readonly string[]).includes(lang)) refuse(c, 'request.invalid-query', { lang: lang.slice(0, 100) });
  c.set('locale', lang as ServerLocale);
  c.header('Content-Language', lang);
  return lang as ServerLocale;
}

/** The most registrations one check-in request takes (a walk's attendance sheet, and then some). */
export const MAX_CHECK_INS = 200;

/** What `POST /api/walks/:walkId/check-ins` takes: the registrations to check in, in order. */
export const CheckInsInput = /* @__PURE__ */ z.object({
  registrationIds: /* @__PURE__ */ z
    .array(RegistrationId)
    .check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(MAX_CHECK_INS)),
});

const walkId = { walkId: { description: 'The walk’s id.' } };
const registrationId = { registrationId: { description: 'The registration’s id.' } };
const coordinators = { roles: ['coordinator'] } as const;
const staffOnTheDay = { roles: ['coordinator', 'agent'] } as const;

/** `{ status, registrationId, position? }`: what a staff command on one registration answers. */
const OUTCOME_SCHEMA = {
  type: 'object',
  required: ['status', 'registrationId'],
  properties: {
    status: { type: 'string', description: 'The registration’s status now (`confirmed`, `waitlisted`, `attended`, `cancelled`).' },
    registrationId: { type: 'string' },
    position: { type: 'integer', minimum: 1, description: 'Its place on the waiting list (1 first), when waitlisted.' },
  },
} as const;

const ERROR_SCHEMA = {
  type: 'object',
  required: ['code', 'message', 'details'],
  properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } },
} as const;

const CHECK_INS_SCHEMA = {
  type: 'object',
  required: ['walkId', 'checkedIn', 'results'],
  properties: {
    walkId: { type: 'string' },
    checkedIn: { type: 'integer', minimum: 0, description: 'How many of `results` are `ok`.' },
    results: {
      type: 'array',
      items: {
        oneOf: [
          {
            type: 'object',
            required: ['registrationId', 'ok', 'status'],
            properties: { registrationId: { type: 'string' }, ok: { const: true }, status: { const: 'attended' } },
          },
          {
            type: 'object',
            required: ['registrationId', 'ok', 'error'],
            properties: { registrationId: { type: 'string' }, ok: { const: false }, error: ERROR_SCHEMA },
          },
        ],
      },
    },
  },
} as const;

const NEEDS_SCHEMA = {
  type: 'object',
  required: ['walkId', 'among', 'people', 'withNeeds', 'counts', 'notes', 'text'],
  properties: {
    walkId: { type: 'string' },
    among: { type: 'string', enum: ['registered', 'attended'] },
    people: { type: 'integer', minimum: 0, description: 'How many people were counted.' },
    withNeeds: { type: 'integer', minimum: 0, description: 'How many of them asked for at least one need.' },
    counts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['need', 'count'],
        properties: { need: { type: 'string' }, count: { type: 'integer', minimum: 1 } },
      },
    },
    notes: { type: 'integer', minimum: 0, description: 'How many wrote a note about their needs (on the registration list).' },
    text: { type: 'string', description: '« 2 fauteuils roulants, 1 interprète »: the counts in words, in the request’s language.' },
  },
} as const;

const AMONG: readonly NeedsAmong[] = ['registered', 'attended'];

/**
 * The columns of `GET /api/walks/:walkId/registrations.csv`, as the core's CSV exports write
 * theirs: ids, codes and dates as they are (they join with the API), the free text guarded against
 * spreadsheet formulas, and, after them, columns for people reading it in the request's language.
 */
export const REGISTRATION_CSV_COLUMNS = [
  'id',
  'status',
  'channel',
  'role',
  'organisationId',
  'name',
  'email',
  'phone',
  'needs',
  'needsNote',
  'locale',
  'registeredAt',
  'updatedAt',
  'consentVersion',
  'consentAt',
  'consentVia',
  'overCapacityReason',
  'cancelReason',
  'removalReason',
  'anonymised',
  'statusLabel',
  'channelLabel',
  'roleLabel',
  'organisationName',
  'needsLabel',
] as const;

/** Free text, guarded against spreadsheet formulas as the core's exports guard theirs. */
const text = (cell: string | undefined): string => guardCsvCell(cell ?? '');

/** One registration as its CSV record's cells, in {@linkcode REGISTRATION_CSV_COLUMNS}' order. */
function registrationCells(r: Registration, city: CityProfile, locale: string): string[] {
  const label = (key: string) => labelIn([REGISTRATION_MESSAGES, ROLE_MESSAGES], key, locale);
  const channel = r.channel ?? 'online';
  const organisation = r.organisationId ? findOrganisation(city, r.organisationId) : undefined;
  return [
    r.id,
    r.status,
    channel,
    r.role,
    r.organisationId ?? '',
    text(r.name),
    text(r.email),
    text(r.phone),
    r.needs.join(';'),
    text(r.needsNote),
    r.locale,
    r.registeredAt,
    r.updatedAt,
    text(r.consent.version),
    r.consent.at,
    r.consent.via ?? '',
    text(r.overCapacityReason),
    text(r.cancelReason),
    text(r.removalReason),
    r.anonymised ? 'true' : '',
    text(label(`registration.status.${r.status}`)),
    text(label(`registration.channel.${channel}`)),
    text(label(`role.${r.role}`)),
    text(organisation ? localName(organisation, locale) : ''),
    text(r.needs.map((n) => label(`need.${n}.one`)).join(', ')),
  ];
}

/** The answer of a command on one registration. */
const outcomeBody = (o: RegistrationOutcome) => ({
  status: o.status,
  registrationId: o.registration.id,
  ...(o.position === undefined ? {} : { position: o.position }),
});

export function walkStaffRoutes(deps: RouteDeps): RouteGroup {
  const { gusp, now, refuse, unwrap } = deps;
  const options = (c: Context<Env>, scope: string) => staffCommandOptions(c, deps, scope);
  /** The core looks the walk up before it reads the input: an unknown walk stays 404 whatever the body. */
  const walkExists = async (c: Context<Env>) => void unwrap(await gusp.walks.get(c.req.param('walkId') ?? '', { locale: c.get('locale') }));
  /** The same for a registration of the walk. */
  const registrationExists = async (c: Context<Env>) => {
    const id = c.req.param('registrationId') ?? '';
    const agg = unwrap(await gusp.walks.get(c.req.param('walkId') ?? '', { locale: c.get('locale') }));
    if (!agg.registrations.some((r) => r.id === id)) refuse(c, 'registration.not-found', { registrationId: id });
  };
  /** A refusal of one item of a batch as the API words it (a reused Idempotency-Key is the header's, as `sendError` says it). */
  const itemError = (c: Context<Env>, error: GuspError): GuspError =>
    error.code === 'store.client-id-reused' ? serverError('request.idempotency-key-reused', c.get('locale')) : error;

  return {
    base: '/api/walks',
    tag: 'walk-staff',
    description:
      'Staff on a walk’s registrations and its day: phone-ins, walk-ins, cancelling for someone, seating a waitlisted person, check-ins several at once, the needs summary and the printable day sheet. Every write records who acted (the session’s account, or `token:<id>` for an API token) on its events as `by`.',
    routes: [
      jsonRoute(deps, {
        method: 'post',
        path: '/:walkId/registrations/by-staff',
        summary:
          'Signs up someone who phoned in: confirmed while seats remain, else waitlisted (or seated anyway with `overCapacity.reason`)',
        description:
          'What the person would give online (`name`, `email` or `phone`: one is required, `role`, `needs`…) and `consent: true`, given orally to staff. From publication until the walk starts, the registration deadline passed or not (`registration.staff-sign-up-closed` for a draft or a walk under way: add a walk-in then). When the person’s seats are all taken, they are waitlisted with a position, unless `overCapacity: { reason }` says why to seat them anyway. The person is emailed the confirmation and its cancel link when they gave an email; someone with a phone only is told by phone (they are on the day sheet’s marked list). Retried with the same `Idempotency-Key`, it signs up once and answers the same.',
        access: staffOnTheDay,
        idempotent: true,
        params: walkId,
        body: { schema: StaffRegisterInput, invalid: (c) => walkExists(c) },
        responses: {
          201: jsonAnswer('`{ status, registrationId, position? }` (never the cancel token: it is the person’s).', OUTCOME_SCHEMA),
        },
        handler: async (c, input) => {
          const id = c.req.param('walkId');
          const outcome = unwrap(await gusp.walks.registerByStaff(id, input, await options(c, `register-by-staff:${id}`)));
          return c.json(outcomeBody(outcome), 201);
        },
      }),
      jsonRoute(deps, {
        method: 'post',
        path: '/:walkId/walk-ins',
        summary: 'Adds someone who turned up during the walk: registered and checked in at once',
        description:
          'During the walk only (`in-progress`; `registration.walk-in-not-underway` otherwise), registrations closed or not and whatever the seats. A `name` and the person’s oral `consent: true`; a contact is welcome (to send them the compte-rendu) but not required. No sign-up confirmation is emailed: they are already there. Retried with the same `Idempotency-Key`, it adds the person once and answers the same.',
        access: staffOnTheDay,
        idempotent: true,
        params: walkId,
        body: { schema: WalkInInput, invalid: (c) => walkExists(c) },
        responses: { 201: jsonAnswer('`{ status: "attended", registrationId }`.', OUTCOME_SCHEMA) },
        handler: async (c, input) => {
          const id = c.req.param('walkId');
          return c.json(outcomeBody(unwrap(await gusp.walks.walkIn(id, input, await options(c, `walk-in:${id}`)))), 201);
        },
      }),
      jsonRoute(deps, {
        method: 'post',
        path: '/:walkId/registrations/:registrationId/cancel-on-behalf',
        summary: 'Cancels a sign-up for the person (who phoned to say she cannot come); the first waitlisted person is promoted',
        description:
          'No cancel token needed. Before the walk starts (`registration.walk-over` after). `reason` is optional (at most 500 characters): a note for staff, kept with the registration and forgotten with the person’s name; it is not sent to the person, who is emailed that their registration is cancelled when they have an email. The body may be left out. Retried with the same `Idempotency-Key`, it cancels once and answers the same.',
        access: staffOnTheDay,
        idempotent: true,
        params: { ...walkId, ...registrationId },
        body: { schema: CancelOnBehalfInput, empty: {}, invalid: (c) => registrationExists(c) },
        responses: { 200: jsonAnswer('`{ status: "cancelled", registrationId }`.', OUTCOME_SCHEMA) },
        handler: async (c, input) => {
          const { walkId: id, registrationId: rid } = c.req.param();
          const outcome = unwrap(await gusp.walks.cancelOnBehalf(id, rid, input, await options(c, `cancel-on-behalf:${id}:${rid}`)));
          return c.json(outcomeBody(outcome));
        },
      }),
      jsonRoute(deps, {
        method: 'post',
        path: '/:walkId/registrations/:registrationId/promote',
        summary: 'Seats a waitlisted person, ahead of the queue: on a free seat, or beyond the capacity with `overCapacity.reason`',
        description:
          'Before the walk starts. Without a free seat in the person’s pool, `overCapacity: { reason }` (required then, at most 500 characters) says why they are seated anyway; otherwise `registration.over-capacity-reason-required`. The person is emailed that a seat is theirs. The body may be left out. Retried with the same `Idempotency-Key`, it seats once and answers the same.',
        access: coordinators,
        idempotent: true,
        params: { ...walkId, ...registrationId },
        body: { schema: PromoteInput, empty: {}, invalid: (c) => registrationExists(c) },
        responses: { 200: jsonAnswer('`{ status: "confirmed", registrationId }`.', OUTCOME_SCHEMA) },
        handler: async (c, input) => {
          const { walkId: id, registrationId: rid } = c.req.param();
          const outcome = unwrap(await gusp.walks.promoteByStaff(id, rid, input, await options(c, `promote:${id}:${rid}`)));
          return c.json(outcomeBody(outcome));
        },
      }),
      jsonRoute(deps, {
        method: 'post',
        path: '/:walkId/check-ins',
        summary: 'Checks several people in at once, each once; answers each one’s outcome',
        description: `\`{ registrationIds: [...] }\` (1 to ${MAX_CHECK_INS}; an id given twice counts once), during the walk: confirmed people, and waitlisted ones who came anyway. Each id is its own command, applied in order, and answers on its own: \`{ registrationId, ok: true, status: "attended" }\`, or \`{ registrationId, ok: false, error: { code, message, details } }\` with the core's localized refusal (\`registration.not-found\`, \`registration.walk-not-underway\`, \`registration.invalid-transition\` for someone already checked in…), so one refusal does not lose the others; the answer is 200 whatever each one's. With an \`Idempotency-Key\` (what the console's offline outbox sends), a batch resent with the same key checks in nobody twice and answers what it answered: every id already applied under that key answers its first outcome, and only the new ones are applied. An unknown walk is 404 as a whole.`,
        access: staffOnTheDay,
        idempotent: true,
        params: walkId,
        body: { schema: CheckInsInput, invalid: (c) => walkExists(c) },
        responses: {
          200: jsonAnswer('`{ walkId, checkedIn, results: [...] }`, one result per distinct id, in the order sent.', CHECK_INS_SCHEMA),
        },
        handler: async (c, input) => {
          const id = c.req.param('walkId');
          unwrap(await gusp.walks.get(id, { locale: c.get('locale') }));
          const results = [];
          for (const rid of new Set<string>(input.registrationIds)) {
            const done = await gusp.walks.checkIn(id, rid, await options(c, `check-ins:${id}:${rid}`));
            results.push(
              done.ok
                ? { registrationId: rid, ok: true as const, status: done.value.status }
                : { registrationId: rid, ok: false as const, error: itemError(c, done.error) },
            );
          }
          return c.json({ walkId: id, checkedIn: results.filter((r) => r.ok).length, results });
        },
      }),
      route(deps, {
        method: 'get',
        path: '/:walkId/needs',
        summary: 'The needs summary of the walk, for planning: « 2 fauteuils roulants, 1 interprète »',
        description:
          'Counts only, once per person and need (the core’s `needsSummary`), with `text` in the request’s language (`Accept-Language`); who needs what is on the registration list. `among=registered` (the default: confirmed, waitlisted and already checked-in people) or `among=attended` (those present, walk-ins included: on the day).',
        access: staffOnTheDay,
        params: walkId,
        query: {
          among: {
            description: 'Whose needs: `registered` (default) or `attended`. Anything else is 400 `request.invalid-query`.',
            schema: { type: 'string', enum: [...AMONG] },
          },
        },
        responses: { 200: jsonAnswer('`{ walkId, among, people, withNeeds, counts: [{ need, count }], notes, text }`.', NEEDS_SCHEMA) },
        handler: async (c) => {
          const id = c.req.param('walkId');
          const among = c.req.query('among') ?? 'registered';
          if (!(AMONG as readonly string[]).includes(among)) return refuse(c, 'request.invalid-query', { among: among.slice(0, 100) });
          const agg = unwrap(await gusp.walks.get(id, { locale: c.get('locale') }));
          const summary = needsSummary(agg.registrations, { among: among as NeedsAmong, locale: c.get('locale') });
          return c.json({ walkId: id, among, ...summary });
        },
      }),
      route(deps, {
        method: 'get',
        path: '/:walkId/registrations.csv',
        summary: 'The walk’s registrations as CSV (RFC 4180), contacts included: staff only',
        description:
          "Every registration of the walk in sign-up order (cancelled and removed ones too, with their status), one record each, as the core’s CSV exports are written: CRLF, quotes only where needed, ids, codes and dates as they are, free text (names, contacts, notes, reasons) prefixed with `'` where a spreadsheet would run it as a formula. `needs` are the codes joined by `;`. After `anonymised`, columns for people reading it, in the request’s language: `statusLabel`, `channelLabel`, `roleLabel`, `organisationName`, `needsLabel`. Never the cancel tokens. It carries names and contacts: coordinators and agents only (an organisation’s staff are refused), `Cache-Control: no-store`. `?bom=1&delimiter=;` for French Excel.",
        access: staffOnTheDay,
        params: walkId,
        query: { ...CSV_QUERY, ...LANG_QUERY },
        responses: { 200: fileAnswer('One line per registration, with a header.', 'text/csv') },
        handler: async (c) => {
          const locale = askedLocale(c, refuse);
          const { delimiter = ',', bom = false } = csvFlavour(c, refuse);
          const agg = unwrap(await gusp.walks.get(c.req.param('walkId'), { locale }));
          const lines = [REGISTRATION_CSV_COLUMNS, ...agg.registrations.map((r) => registrationCells(r, gusp.city, locale))];
          const body = `${bom ? '\uFEFF' : ''}${lines.map((cells) => csvLine(cells, delimiter)).join('')}`;
          const answer = csvStream(c, new Blob([body]).stream(), `registrations-${agg.walk.id}.csv`);
          answer.headers.set('Cache-Control', 'no-store');
          return answer;
        },
      }),
      route(deps, {
        method: 'get',
        path: '/:walkId/day-sheet.html',
        summary: 'The printable sheet for the day: the route and the attendance sheet (« feuille d’émargement »)',
        description:
          'A standalone HTML page (the core’s `daySheetToHTML`) in the request’s language (`?lang=`, else `Accept-Language`): the meeting point, time and stops; the confirmed and checked-in people in alphabetical order with a box to sign, those reachable by phone only marked; the waiting list apart; blank lines for walk-ins; the needs in counts. Never a contact nor anyone’s needs. It carries names: `Cache-Control: no-store`. No script (the pages’ Content-Security-Policy holds); print it from the browser. Refusals are the JSON error envelope.',
        access: staffOnTheDay,
        params: walkId,
        query: LANG_QUERY,
        responses: { 200: fileAnswer('The page.', 'text/html') },
        handler: async (c) => {
          const locale = askedLocale(c, refuse);
          const agg = unwrap(await gusp.walks.get(c.req.param('walkId'), { locale }));
          const page = daySheetToHTML(agg.walk, agg.registrations, gusp.city, { locale, now: now() });
          return c.html(page, 200, { 'Cache-Control': 'no-store' });
        },
      }),
    ],
  };
}
