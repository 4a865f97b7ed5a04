// SPDX-License-Identifier: EUPL-1.2
/**
 * The registration routes of anything people sign up to (a *gathering*: a walk, a workshop of a
 * concerted project), declared once over the core's one registration implementation
 * (`RegistrationCommands`): the public sign-up and its cancel token, the staff's list, CSV and
 * needs summary, phone-ins, walk-ins, cancelling for someone, seating a waitlisted person,
 * removals and check-ins (one or several at once). `routes/walks.ts` and `walk-staff.ts` mount
 * them under `/api/walks/:walkId`, `routes/workshops.ts` under `/api/workshops/:workshopId`.
 * Every staff write names who acted (`http/actor.ts`): the core stamps it on its events as `by`.
 */
import {
  CancelOnBehalfInput,
  csvLine,
  guardCsvCell,
  findOrganisation,
  labelIn,
  localName,
  needsSummary,
  PromoteInput,
  RegisterInput,
  REGISTRATION_MESSAGES,
  RegistrationId,
  RemoveRegistrationInput,
  ROLE_MESSAGES,
  StaffRegisterInput,
  WalkInInput,
  type CityProfile,
  type CommandOptions,
  type GuspError,
  type NeedsAmong,
  type RegistrationCommands,
  type RegistrationFields,
  type RegistrationOutcome,
  type Result,
} from '@gusp/core';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { staffCommandOptions } from '../http/actor.js';
import type { Env, RouteDeps } from '../http/context.js';
import { SERVER_LOCALES, type ServerLocale } from '../http/messages.js';
import { CSV_QUERY, csvFlavour, csvStream } from '../http/csv-answer.js';
import { serverError } from '../http/errors.js';
import { fileAnswer, jsonAnswer, jsonRoute, route, type Route } from '../http/route.js';

/** What the registration routes need of one kind of gathering. */
export interface GatheringRoutes {
  /** The path's id: `walkId`, `workshopId`. */
  readonly param: 'walkId' | 'workshopId';
  /** Its name in the cancel page's query (`/annulation?walk=…`, `?workshop=…`) and in the answers (`walkId`, `workshopId`). */
  readonly kind: 'walk' | 'workshop';
  /** Its name in the descriptions: `walk`, `workshop`. */
  readonly noun: string;
  /** The Idempotency-Key scopes' prefix: `''` for walks (as before), `workshop-` for workshops. */
  readonly scope: string;
  /** Its registration commands (`gusp.walks`, `gusp.workshops`: the same implementation). */
  readonly commands: RegistrationCommands<RegistrationFields>;
  /** It with its registrations, or its `*.not-found`. */
  readonly get: (id: string, options: CommandOptions) => Promise<Result<{ readonly registrations: readonly RegistrationFields[] }>>;
}

/** `?lang=`: a page the console opens in a new tab (the day sheet, the CSV) in the console's language, not the browser's. */
export const LANG_QUERY = {
  lang: {
    description:
      '`fr` or `en`: the language of the answer when it is not the browser’s (the back office passes its own); else `Accept-Language`.',
  },
} as const;

/** The request's language, `?lang=` first (a value other than `fr` or `en` is a localized 400); refusals then speak it too. */
export function askedLocale(
  c: Context<Env>,
  refuse: (c: Context<Env>, code: string, details?: Record<string, unknown>) => never,
): ServerLocale {
  const lang = c.req.query('lang');
  if (lang === undefined) return c.get('locale');
  if (!(SERVER_LOCALES as readonly string[]).includes(lang)) refuse(c, 'request.invalid-query', { lang: lang.slice(0, 100) });
  c.set('locale', lang as ServerLocale);
  c.header('Content-Language', lang);
  return lang as ServerLocale;
}

/** The most registrations one check-in request takes (an attendance sheet, and then some). */
export const MAX_CHECK_INS = 200;

/** What `POST /api/walks/:walkId/check-ins` (and a workshop's) takes: the registrations to check in, in order. */
export const CheckInsInput = /* @__PURE__ */ z.object({
  registrationIds: /* @__PURE__ */ z
    .array(RegistrationId)
    .check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(MAX_CHECK_INS)),
});

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

const checkInsSchema = (idName: string) =>
  ({
    type: 'object',
    required: [idName, 'checkedIn', 'results'],
    properties: {
      [idName]: { type: 'string' },
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
  }) as const;

const needsSchema = (idName: string) =>
  ({
    type: 'object',
    required: [idName, 'among', 'people', 'withNeeds', 'counts', 'notes', 'text'],
    properties: {
      [idName]: { type: 'string' },
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
  }) as const;

const AMONG: readonly NeedsAmong[] = ['registered', 'attended'];

/**
 * The columns of `GET /api/walks/:walkId/registrations.csv` (and a workshop's), as the core's CSV
 * exports write theirs: ids, codes and dates as they are (they join with the API), the free text
 * guarded against spreadsheet formulas, and, after them, columns for people reading it in the
 * request's language.
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
function registrationCells(r: RegistrationFields, city: CityProfile, locale: string): string[] {
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
const outcomeBody = (o: RegistrationOutcome<RegistrationFields>) => ({
  status: o.status,
  registrationId: o.registration.id,
  ...(o.position === undefined ? {} : { position: o.position }),
});

/** The cancel page of emails for one registration (a button there cancels; opening it does not). */
export function cancelPageUrl(origin: string, kind: GatheringRoutes['kind'], id: string, registration: string, token: string): string {
  return `${origin}/annulation?${new URLSearchParams({ [kind]: id, registration, token })}`;
}

/** What each gathering's routes share: its path param, and its lookups before a body is read. */
function gatheringHelpers(deps: RouteDeps, g: GatheringRoutes) {
  const { refuse, unwrap } = deps;
  const idOf = (c: Context<Env>) => c.req.param(g.param) ?? '';
  return {
    idOf,
    params: { [g.param]: { description: `The ${g.noun}’s id.` } } as Record<string, { description: string }>,
    /** The core looks the gathering up before it reads the input: an unknown one stays 404 whatever the body. */
    exists: async (c: Context<Env>) => void unwrap(await g.get(idOf(c), { locale: c.get('locale') })),
    /** The same for a registration of it. */
    registrationExists: async (c: Context<Env>) => {
      const id = c.req.param('registrationId') ?? '';
      const agg = unwrap(await g.get(idOf(c), { locale: c.get('locale') }));
      if (!agg.registrations.some((r) => r.id === id)) refuse(c, 'registration.not-found', { registrationId: id });
    },
    scope: (name: string, ...ids: string[]) => `${g.scope}${name}:${ids.join(':')}`,
    options: (c: Context<Env>, scope: string) => staffCommandOptions(c, deps, scope),
  };
}

/**
 * The sign-up routes: the person's own (sign up, cancel with the token) and the staff's list,
 * removal and single check-in, under the gathering's base (`/:walkId/registrations…`).
 */
export function registrationRoutes(deps: RouteDeps, g: GatheringRoutes): Route[] {
  const { refuse, commandOptions, origin, unwrap } = deps;
  const h = gatheringHelpers(deps, g);
  const p = `/:${g.param}` as const;
  return [
    // Registrations carry personal data: staff only, and never the cancel tokens.
    route(deps, {
      method: 'get',
      path: `${p}/registrations`,
      summary: `The ${g.noun}’s registrations, with contacts (without cancel tokens)`,
      access: staffOnTheDay,
      params: h.params,
      responses: { 200: jsonAnswer('`{ registrations }`.') },
      handler: async (c) => {
        const agg = unwrap(await g.get(h.idOf(c), { locale: c.get('locale') }));
        const registrations = agg.registrations.map(({ cancelToken: _token, ...r }) => r);
        return c.json({ registrations });
      },
    }),
    route(deps, {
      method: 'post',
      path: `${p}/registrations/:registrationId/check-in`,
      summary: `Checks a registered person in at the ${g.noun}`,
      access: staffOnTheDay,
      idempotent: true,
      params: { ...h.params, ...registrationId },
      responses: { 200: jsonAnswer('`{ status, registrationId }`.') },
      handler: async (c) => {
        const id = h.idOf(c);
        const rid = c.req.param('registrationId');
        const outcome = unwrap(await g.commands.checkIn(id, rid, await h.options(c, h.scope('check-in', id, rid))));
        return c.json({ status: outcome.status, registrationId: outcome.registration.id });
      },
    }),
    jsonRoute(deps, {
      method: 'post',
      path: `${p}/registrations`,
      summary: 'Signs a person up: confirmed while seats remain, else waitlisted with a position',
      idempotent: true,
      challenge: true,
      params: h.params,
      body: { schema: RegisterInput, invalid: (c) => h.exists(c) },
      responses: {
        201: jsonAnswer('`{ status, position?, registrationId, cancelToken, cancelUrl }`: the token and its page cancel the sign-up.'),
      },
      handler: async (c, input) => {
        const id = h.idOf(c);
        const outcome = unwrap(await g.commands.register(id, input, commandOptions(c, h.scope('register', id))));
        return c.json(
          {
            status: outcome.status,
            ...(outcome.position === undefined ? {} : { position: outcome.position }),
            registrationId: outcome.registration.id,
            cancelToken: outcome.registration.cancelToken,
            // The page of the emails' cancel link (a button there cancels; opening it does not).
            cancelUrl: cancelPageUrl(origin(c), g.kind, id, outcome.registration.id, outcome.registration.cancelToken),
          },
          201,
        );
      },
    }),
    route(deps, {
      method: 'delete',
      path: `${p}/registrations/:registrationId`,
      summary: 'Cancels a sign-up with the token given at sign-up; the first waitlisted person is promoted',
      params: { ...h.params, ...registrationId },
      query: { token: { description: 'The cancel token given at sign-up.', required: true } },
      responses: { 200: jsonAnswer('`{ status, registrationId }`.') },
      handler: async (c) => {
        const id = h.idOf(c);
        const rid = c.req.param('registrationId');
        const token = c.req.query('token');
        if (token === undefined || token === '') return refuse(c, 'request.token-required');
        const opts = commandOptions(c, h.scope('cancel', id, rid));
        const outcome = unwrap(await g.commands.cancelRegistration(id, rid, { ...opts, token }));
        return c.json({ status: outcome.status, registrationId: outcome.registration.id });
      },
    }),
    // Staff end a sign-up (a duplicate, made-up contacts, a seat given twice), saying why: the person is told, in these words.
    jsonRoute(deps, {
      method: 'post',
      path: `${p}/registrations/:registrationId/remove`,
      summary: 'Removes a sign-up, with a reason emailed to the person; the first waitlisted person is promoted',
      description: `For a confirmed or waitlisted sign-up, before the ${g.noun} starts. The reason (required, at most 500 characters, no control characters) is kept with the registration and quoted in the email the person receives: write it for them. Retried with the same \`Idempotency-Key\`, it removes once and answers the same.`,
      access: coordinators,
      idempotent: true,
      params: { ...h.params, ...registrationId },
      body: { schema: RemoveRegistrationInput, invalid: (c) => h.registrationExists(c) },
      responses: { 200: jsonAnswer('`{ status: "removed", registrationId }`.') },
      handler: async (c, input) => {
        const id = h.idOf(c);
        const rid = c.req.param('registrationId');
        const outcome = unwrap(await g.commands.removeRegistration(id, rid, input, await h.options(c, h.scope('remove', id, rid))));
        return c.json({ status: outcome.status, registrationId: outcome.registration.id });
      },
    }),
  ];
}

/**
 * Staff on the gathering's registrations and on its day (issue 13): someone who phoned in, a
 * walk-in, cancelling for a person, seating a waitlisted one, checking several people in at once
 * (the day's offline outbox resends a batch safely), the needs summary and the CSV.
 */
export function staffRegistrationRoutes(deps: RouteDeps, g: GatheringRoutes): Route[] {
  const { gusp, refuse, unwrap } = deps;
  const h = gatheringHelpers(deps, g);
  const p = `/:${g.param}` as const;
  const idName = `${g.kind}Id`;
  /** A refusal of one item of a batch as the API words it (a reused Idempotency-Key is the header's, as `sendError` says it). */
  const itemError = (c: Context<Env>, error: GuspError): GuspError =>
    error.code === 'store.client-id-reused' ? serverError('request.idempotency-key-reused', c.get('locale')) : error;
  return [
    jsonRoute(deps, {
      method: 'post',
      path: `${p}/registrations/by-staff`,
      summary:
        'Signs up someone who phoned in: confirmed while seats remain, else waitlisted (or seated anyway with `overCapacity.reason`)',
      description: `What the person would give online (\`name\`, \`email\` or \`phone\`: one is required, \`role\`, \`needs\`…) and \`consent: true\`, given orally to staff. From publication until the ${g.noun} starts, the registration deadline passed or not (\`registration.staff-sign-up-closed\` for a draft or a ${g.noun} under way: add a walk-in then). When the person’s seats are all taken, they are waitlisted with a position, unless \`overCapacity: { reason }\` says why to seat them anyway. The person is emailed the confirmation and its cancel link when they gave an email; someone with a phone only is told by phone. Retried with the same \`Idempotency-Key\`, it signs up once and answers the same.`,
      access: staffOnTheDay,
      idempotent: true,
      params: h.params,
      body: { schema: StaffRegisterInput, invalid: (c) => h.exists(c) },
      responses: {
        201: jsonAnswer('`{ status, registrationId, position? }` (never the cancel token: it is the person’s).', OUTCOME_SCHEMA),
      },
      handler: async (c, input) => {
        const id = h.idOf(c);
        const outcome = unwrap(await g.commands.registerByStaff(id, input, await h.options(c, h.scope('register-by-staff', id))));
        return c.json(outcomeBody(outcome), 201);
      },
    }),
    jsonRoute(deps, {
      method: 'post',
      path: `${p}/walk-ins`,
      summary: `Adds someone who turned up during the ${g.noun}: registered and checked in at once`,
      description: `During the ${g.noun} only (\`in-progress\`; \`registration.walk-in-not-underway\` otherwise), registrations closed or not and whatever the seats. A \`name\` and the person’s oral \`consent: true\`; a contact is welcome but not required. No sign-up confirmation is emailed: they are already there. Retried with the same \`Idempotency-Key\`, it adds the person once and answers the same.`,
      access: staffOnTheDay,
      idempotent: true,
      params: h.params,
      body: { schema: WalkInInput, invalid: (c) => h.exists(c) },
      responses: { 201: jsonAnswer('`{ status: "attended", registrationId }`.', OUTCOME_SCHEMA) },
      handler: async (c, input) => {
        const id = h.idOf(c);
        return c.json(outcomeBody(unwrap(await g.commands.walkIn(id, input, await h.options(c, h.scope('walk-in', id))))), 201);
      },
    }),
    jsonRoute(deps, {
      method: 'post',
      path: `${p}/registrations/:registrationId/cancel-on-behalf`,
      summary: 'Cancels a sign-up for the person (who phoned to say she cannot come); the first waitlisted person is promoted',
      description: `No cancel token needed. Before the ${g.noun} starts (\`registration.walk-over\` after). \`reason\` is optional (at most 500 characters): a note for staff, kept with the registration and forgotten with the person’s name; it is not sent to the person, who is emailed that their registration is cancelled when they have an email. The body may be left out. Retried with the same \`Idempotency-Key\`, it cancels once and answers the same.`,
      access: staffOnTheDay,
      idempotent: true,
      params: { ...h.params, ...registrationId },
      body: { schema: CancelOnBehalfInput, empty: {}, invalid: (c) => h.registrationExists(c) },
      responses: { 200: jsonAnswer('`{ status: "cancelled", registrationId }`.', OUTCOME_SCHEMA) },
      handler: async (c, input) => {
        const id = h.idOf(c);
        const rid = c.req.param('registrationId');
        const outcome = unwrap(await g.commands.cancelOnBehalf(id, rid, input, await h.options(c, h.scope('cancel-on-behalf', id, rid))));
        return c.json(outcomeBody(outcome));
      },
    }),
    jsonRoute(deps, {
      method: 'post',
      path: `${p}/registrations/:registrationId/promote`,
      summary: 'Seats a waitlisted person, ahead of the queue: on a free seat, or beyond the capacity with `overCapacity.reason`',
      description: `Before the ${g.noun} starts. Without a free seat in the person’s pool, \`overCapacity: { reason }\` (required then, at most 500 characters) says why they are seated anyway; otherwise \`registration.over-capacity-reason-required\`. The person is emailed that a seat is theirs. The body may be left out. Retried with the same \`Idempotency-Key\`, it seats once and answers the same.`,
      access: coordinators,
      idempotent: true,
      params: { ...h.params, ...registrationId },
      body: { schema: PromoteInput, empty: {}, invalid: (c) => h.registrationExists(c) },
      responses: { 200: jsonAnswer('`{ status: "confirmed", registrationId }`.', OUTCOME_SCHEMA) },
      handler: async (c, input) => {
        const id = h.idOf(c);
        const rid = c.req.param('registrationId');
        const outcome = unwrap(await g.commands.promoteByStaff(id, rid, input, await h.options(c, h.scope('promote', id, rid))));
        return c.json(outcomeBody(outcome));
      },
    }),
    jsonRoute(deps, {
      method: 'post',
      path: `${p}/check-ins`,
      summary: 'Checks several people in at once, each once; answers each one’s outcome',
      description: `\`{ registrationIds: [...] }\` (1 to ${MAX_CHECK_INS}; an id given twice counts once), during the ${g.noun}: confirmed people, and waitlisted ones who came anyway. Each id is its own command, applied in order, and answers on its own: \`{ registrationId, ok: true, status: "attended" }\`, or \`{ registrationId, ok: false, error: { code, message, details } }\` with the core's localized refusal (\`registration.not-found\`, \`registration.walk-not-underway\`, \`registration.invalid-transition\` for someone already checked in…), so one refusal does not lose the others; the answer is 200 whatever each one's. With an \`Idempotency-Key\` (what the console's offline outbox sends), a batch resent with the same key checks in nobody twice and answers what it answered: every id already applied under that key answers its first outcome, and only the new ones are applied. An unknown ${g.noun} is 404 as a whole.`,
      access: staffOnTheDay,
      idempotent: true,
      params: h.params,
      body: { schema: CheckInsInput, invalid: (c) => h.exists(c) },
      responses: {
        200: jsonAnswer(
          `\`{ ${idName}, checkedIn, results: [...] }\`, one result per distinct id, in the order sent.`,
          checkInsSchema(idName),
        ),
      },
      handler: async (c, input) => {
        const id = h.idOf(c);
        unwrap(await g.get(id, { locale: c.get('locale') }));
        const results = [];
        for (const rid of new Set<string>(input.registrationIds)) {
          const done = await g.commands.checkIn(id, rid, await h.options(c, h.scope('check-ins', id, rid)));
          results.push(
            done.ok
              ? { registrationId: rid, ok: true as const, status: done.value.status }
              : { registrationId: rid, ok: false as const, error: itemError(c, done.error) },
          );
        }
        return c.json({ [idName]: id, checkedIn: results.filter((r) => r.ok).length, results });
      },
    }),
    route(deps, {
      method: 'get',
      path: `${p}/needs`,
      summary: `The needs summary of the ${g.noun}, for planning: « 2 fauteuils roulants, 1 interprète »`,
      description:
        'Counts only, once per person and need (the core’s `needsSummary`), with `text` in the request’s language (`Accept-Language`); who needs what is on the registration list. `among=registered` (the default: confirmed, waitlisted and already checked-in people) or `among=attended` (those present, walk-ins included: on the day).',
      access: staffOnTheDay,
      params: h.params,
      query: {
        among: {
          description: 'Whose needs: `registered` (default) or `attended`. Anything else is 400 `request.invalid-query`.',
          schema: { type: 'string', enum: [...AMONG] },
        },
      },
      responses: {
        200: jsonAnswer(`\`{ ${idName}, among, people, withNeeds, counts: [{ need, count }], notes, text }\`.`, needsSchema(idName)),
      },
      handler: async (c) => {
        const id = h.idOf(c);
        const among = c.req.query('among') ?? 'registered';
        if (!(AMONG as readonly string[]).includes(among)) return refuse(c, 'request.invalid-query', { among: among.slice(0, 100) });
        const agg = unwrap(await g.get(id, { locale: c.get('locale') }));
        const summary = needsSummary(agg.registrations, { among: among as NeedsAmong, locale: c.get('locale') });
        return c.json({ [idName]: id, among, ...summary });
      },
    }),
    route(deps, {
      method: 'get',
      path: `${p}/registrations.csv`,
      summary: `The ${g.noun}’s registrations as CSV (RFC 4180), contacts included: staff only`,
      description: `Every registration of the ${g.noun} in sign-up order (cancelled and removed ones too, with their status), one record each, as the core’s CSV exports are written: CRLF, quotes only where needed, ids, codes and dates as they are, free text (names, contacts, notes, reasons) prefixed with \`'\` where a spreadsheet would run it as a formula. \`needs\` are the codes joined by \`;\`. After \`anonymised\`, columns for people reading it, in the request’s language: \`statusLabel\`, \`channelLabel\`, \`roleLabel\`, \`organisationName\`, \`needsLabel\`. Never the cancel tokens. It carries names and contacts: coordinators and agents only (an organisation’s staff are refused), \`Cache-Control: no-store\`. \`?bom=1&delimiter=;\` for French Excel.`,
      access: staffOnTheDay,
      params: h.params,
      query: { ...CSV_QUERY, ...LANG_QUERY },
      responses: { 200: fileAnswer('One line per registration, with a header.', 'text/csv') },
      handler: async (c) => {
        const locale = askedLocale(c, refuse);
        const { delimiter = ',', bom = false } = csvFlavour(c, refuse);
        const id = h.idOf(c);
        const agg = unwrap(await g.get(id, { locale }));
        const lines = [REGISTRATION_CSV_COLUMNS, ...agg.registrations.map((r) => registrationCells(r, gusp.city, locale))];
        const body = `${bom ? '\uFEFF' : ''}${lines.map((cells) => csvLine(cells, delimiter)).join('')}`;
        const answer = csvStream(c, new Blob([body]).stream(), `registrations-${id}.csv`);
        answer.headers.set('Cache-Control', 'no-store');
        return answer;
      },
    }),
  ];
}
