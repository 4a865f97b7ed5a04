// SPDX-License-Identifier: EUPL-1.2
/**
 * Staff accounts and sign-in (`/api/staff`, staff/): coordinators invite, change roles,
 * deactivate and manage API tokens; anyone with an account signs in without a password (an
 * emailed single-use link or code) and gets a session cookie, which then authenticates every staff
 * route as a token does (see `whoIs` in http/context.ts, with its CSRF check).
 */
import {
  engagementHistory,
  StaffEmail,
  StaffInviteInput,
  StaffOrganisationId,
  StaffRoleInput,
  StaffTokenInput,
  type EngagementEvent,
} from '@gusp/core';
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as z from 'zod/mini';
import { STAFF_ROLES, type Staff } from '../auth.js';
import type { Env, RouteDeps } from '../http/context.js';
import { windowLimiter } from '../http/rate-limit.js';
import { jsonAnswer, jsonRoute, route, type RouteGroup } from '../http/route.js';
import { StaffRefusal, type StaffAccount } from '../staff/accounts.js';
import { DEFAULT_SIGN_IN_LIMITS, type StaffService } from '../staff/service.js';
import { decodePending, encodePending, OIDC_COOKIE, OIDC_PATH, OIDC_PENDING_SECONDS, OidcFailure } from '../staff/oidc.js';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE, type OpenedSession, type SessionStaff } from '../staff/sessions.js';

// The bodies coordinators send are the core's (the console checks its forms with the same).
const Email = StaffEmail;
const Role = /* @__PURE__ */ z.enum(STAFF_ROLES);
const OrganisationId = StaffOrganisationId;
const InviteInput = StaffInviteInput;
const RoleInput = StaffRoleInput;
const TokenInput = StaffTokenInput;
const SignInInput = /* @__PURE__ */ z.strictObject({ email: Email });
const Secret = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[A-Za-z0-9_-]{20,100}$/));
const VerifyInput = /* @__PURE__ */ z.union([
  /* @__PURE__ */ z.strictObject({ token: Secret }),
  /* @__PURE__ */ z.strictObject({ email: Email, code: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^\d{6}$/)) }),
]);

const Account = /* @__PURE__ */ z.looseObject({
  id: /* @__PURE__ */ z.string(),
  email: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  name: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  role: Role,
  organisationId: OrganisationId,
  invitedBy: /* @__PURE__ */ z.string(),
  createdAt: /* @__PURE__ */ z.string(),
  deactivatedAt: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  lastSignInAt: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
});
const TokenInfo = /* @__PURE__ */ z.looseObject({
  id: /* @__PURE__ */ z.string(),
  role: Role,
  label: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  createdAt: /* @__PURE__ */ z.string(),
  revokedAt: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
});

/** Why an OpenID Connect sign-in failed, as `/gestion/connexion?error=` says it to the sign-in screen. */
export const OIDC_SIGN_IN_ERRORS = ['oidc-refused', 'oidc-failed', 'oidc-no-account', 'oidc-unavailable', 'oidc-not-configured'] as const;
export type OidcSignInError = (typeof OIDC_SIGN_IN_ERRORS)[number];

const coordinators = { roles: ['coordinator'] } as const;
const everyone = { roles: STAFF_ROLES } as const;

/** Who acted, as the accounts and tokens tables keep it. */
const actorOf = (who: Staff) => (who.accountId ? `account:${who.accountId}` : `token:${who.tokenId ?? '?'}`);

export function staffRoutes(deps: RouteDeps): RouteGroup {
  const { gusp, options, refuse, whoIs, staff, origin, clientAddress, unwrap } = deps;
  const service = (): StaffService => {
    if (!options.staffAccounts) throw new Error('This app was created without staff accounts (AppOptions.staffAccounts)');
    return options.staffAccounts;
  };
  const limits = options.staffAccounts?.signInLimits ?? DEFAULT_SIGN_IN_LIMITS;
  const perAddress = windowLimiter(limits.perAddress, limits.windowMs);
  const perClient = windowLimiter(limits.perClient, limits.windowMs);
  const verifyPerClient = windowLimiter(limits.verifyPerClient, limits.windowMs);

  /** Runs `work`, a staff module's refusal becoming the localized answer. */
  const attempt = async <T>(c: Context<Env>, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (e) {
      if (e instanceof StaffRefusal) return refuse(c, e.code, e.details);
      throw e;
    }
  };
  const limited = (c: Context<Env>, wait: number) => {
    if (wait <= 0) return;
    c.header('Retry-After', String(wait));
    refuse(c, 'request.rate-limited', { retryAfterSeconds: wait });
  };
  const secure = () => origin().startsWith('https:');
  const organisationName = (id: string | undefined) =>
    id === undefined ? undefined : service().city.organisations.find((o) => o.id === id)?.name;
  const setSession = (c: Context<Env>, session: OpenedSession) =>
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secure(),
      path: '/',
      maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
    });
  /**
   * An OpenID Connect sign-in that did not succeed: the person's browser goes back to the sign-in
   * screen, which says why in their language (`?error=`, one of {@linkcode OIDC_SIGN_IN_ERRORS}).
   */
  const signInFailed = (c: Context<Env>, code: OidcSignInError) => {
    c.header('Cache-Control', 'no-store');
    return c.redirect(`${origin()}/gestion/connexion?error=${code}`, 302);
  };
  const shown = (a: StaffAccount) => ({ ...a, ...(a.organisationId ? { organisation: organisationName(a.organisationId) } : {}) });

  return {
    base: '/api/staff',
    tag: 'staff',
    description:
      'Staff accounts and sign-in: coordinators invite people (coordinator, agent, organisation), change their role, deactivate them and manage API tokens; people sign in without a password (an emailed single-use link or 6-digit code, 15 minutes) and get the `gusp_session` cookie (HttpOnly, SameSite=Lax, Secure behind https), which authenticates every staff route like a token. A request the cookie authenticates with POST or DELETE needs `Origin` equal to the public URL’s origin and `X-CSRF-Token` equal to the session’s token (`GET /api/staff/me`), else 403 `auth.csrf`.',
    routes: [
      route(deps, {
        method: 'get',
        path: '/me',
        summary: 'Who is signed in (or which token calls): account, role, organisation, and the session’s CSRF token',
        access: everyone,
        responses: {
          200: jsonAnswer(
            '`{ role, organisationId?, organisation?, account?, session?: { id, csrfToken }, token?: { id } }`: `account` and `session` for a session, `token` for a bearer token.',
          ),
        },
        handler: async (c) => {
          const who = (await whoIs(c)) as Staff | SessionStaff;
          const account = who.accountId ? await service().account(who.accountId) : undefined;
          return c.json(
            {
              role: who.role,
              ...(who.organisationId ? { organisationId: who.organisationId, organisation: organisationName(who.organisationId) } : {}),
              ...(account ? { account: shown(account) } : {}),
              ...('csrfToken' in who ? { session: { id: who.sessionId, csrfToken: who.csrfToken } } : {}),
              ...(who.tokenId ? { token: { id: who.tokenId } } : {}),
            },
            200,
            { 'Cache-Control': 'no-store' },
          );
        },
      }),
      route(deps, {
        method: 'get',
        path: '/sign-in',
        summary: 'How people may sign in here: by email always, and through the city’s OpenID Connect provider when set',
        responses: { 200: jsonAnswer('`{ email: true, oidc: { name, start } | null }`.') },
        handler: (c) => {
          const provider = service().oidc;
          return c.json({ email: true, oidc: provider ? { name: provider.name, start: `${OIDC_PATH}/start` } : null });
        },
      }),
      route(deps, {
        method: 'get',
        path: '/oidc/start',
        summary: 'Starts a sign-in through the city’s OpenID Connect provider: a redirect to it',
        description:
          'Redirects (302) to the provider with PKCE, `state` and `nonce`, kept in the `gusp_oidc` cookie (HttpOnly, 10 minutes) for the callback. A person’s browser comes here, so a failure is a redirect to the sign-in screen, which says it in words: `/gestion/connexion?error=oidc-not-configured` (the server has no provider) or `?error=oidc-unavailable` (the provider cannot be reached).',
        responses: {
          302: { description: 'To the provider’s authorization endpoint; on a failure, to `/gestion/connexion?error=<code>`.' },
        },
        handler: async (c) => {
          const provider = service().oidc;
          if (!provider) return signInFailed(c, 'oidc-not-configured');
          let started: Awaited<ReturnType<typeof provider.start>>;
          try {
            started = await provider.start();
          } catch {
            return signInFailed(c, 'oidc-unavailable');
          }
          setCookie(c, OIDC_COOKIE, encodePending(started.pending), {
            httpOnly: true,
            sameSite: 'Lax',
            secure: secure(),
            path: OIDC_PATH,
            maxAge: OIDC_PENDING_SECONDS,
          });
          c.header('Cache-Control', 'no-store');
          return c.redirect(started.url.href, 302);
        },
      }),
      route(deps, {
        method: 'get',
        path: '/oidc/callback',
        summary: 'Where the provider sends the person back: a session for the account of the address it vouches for',
        description:
          'Sets the `gusp_session` cookie and redirects (302) to `/gestion` when an active account has the address the provider gives (not marked unverified). Otherwise a redirect to the sign-in screen, which says why in words: `/gestion/connexion?error=oidc-no-account` (no active account has the address), `oidc-refused` (the provider, or the person on it, refused), `oidc-failed` (the flow does not check out: another browser, a replayed or forged answer), `oidc-unavailable` (the provider cannot be reached), `oidc-not-configured`.',
        responses: {
          302: { description: 'Signed in: to the back office; else to `/gestion/connexion?error=<code>`.' },
        },
        handler: async (c) => {
          const provider = service().oidc;
          const pending = decodePending(getCookie(c, OIDC_COOKIE));
          deleteCookie(c, OIDC_COOKIE, { path: OIDC_PATH, secure: secure(), httpOnly: true, sameSite: 'Lax' });
          if (!provider) return signInFailed(c, 'oidc-not-configured');
          if (!pending) return signInFailed(c, 'oidc-failed');
          // The provider's own refusal (RFC 6749 §4.1.2.1): the person cancelled, or the provider said no.
          const refusal = c.req.query('error');
          if (refusal !== undefined)
            return signInFailed(
              c,
              refusal === 'temporarily_unavailable' || refusal === 'server_error' ? 'oidc-unavailable' : 'oidc-refused',
            );
          // The URL the provider redirected to, as people reach this server (never from the request's Host).
          const query = new URL(c.req.url).search;
          let email: string;
          try {
            email = await provider.finish(new URL(`${origin()}${OIDC_PATH}/callback${query}`), pending);
          } catch (e) {
            return signInFailed(c, e instanceof OidcFailure ? 'oidc-failed' : 'oidc-unavailable');
          }
          let session: OpenedSession;
          try {
            ({ session } = await service().signInByProvider(email));
          } catch (e) {
            if (e instanceof StaffRefusal) return signInFailed(c, 'oidc-no-account');
            throw e;
          }
          setSession(c, session);
          c.header('Cache-Control', 'no-store');
          return c.redirect(`${origin()}/gestion`, 302);
        },
      }),
      jsonRoute(deps, {
        method: 'post',
        path: '/sign-in',
        summary: 'Asks for a sign-in link and code by email (the same answer whether the address has an account or not)',
        description:
          'For an active account, emails a single-use link (to `/gestion/connexion?token=…`) and a 6-digit code, both valid 15 minutes; for any other address, sends nothing. Always 202 with the same body, so the answer tells nobody which addresses have an account. Limited per address and per client (429 `request.rate-limited`, whatever the address).',
        body: { schema: SignInInput },
        responses: { 202: jsonAnswer('`{ status: "sent-if-account" }`.'), 429: jsonAnswer('Too many sign-in requests.') },
        handler: async (c, input) => {
          const address = createHash('sha256').update(input.email.toLowerCase()).digest('hex');
          limited(c, perClient.take(clientAddress(c)));
          limited(c, perAddress.take(address));
          // Not awaited: the answer takes the same time for an address with an account and without.
          service().requestSignInLater(input.email, c.get('locale'), (error) => options.onUnexpectedError?.(error, c));
          return c.json({ status: 'sent-if-account' }, 202, { 'Cache-Control': 'no-store' });
        },
      }),
      jsonRoute(deps, {
        method: 'post',
        path: '/sign-in/verify',
        summary: 'Opens a session from the emailed link’s token, or from the address and its code',
        description:
          'Sets the `gusp_session` cookie (HttpOnly, SameSite=Lax, Path=/, Secure when the public URL is https; 8 h idle, 7 days at most) and answers the account and the session’s CSRF token. A link or code works once and 15 minutes (7 days for an invitation’s link); a code is worth 5 tries. 401 `staff.sign-in-invalid` otherwise.',
        body: { schema: VerifyInput },
        responses: {
          200: jsonAnswer('`{ account, session: { id, csrfToken, expiresAt } }`.'),
          401: jsonAnswer('The link or code is invalid, used or expired (`staff.sign-in-invalid`).'),
          429: jsonAnswer('Too many tries from this client.'),
        },
        handler: async (c, input) => {
          limited(c, verifyPerClient.take(clientAddress(c)));
          const { account, session } = await attempt(c, () => service().verify(input));
          setSession(c, session);
          return c.json(
            { account: shown(account), session: { id: session.id, csrfToken: session.csrfToken, expiresAt: session.expiresAt } },
            200,
            { 'Cache-Control': 'no-store' },
          );
        },
      }),
      route(deps, {
        method: 'post',
        path: '/sign-out',
        summary: 'Ends the session of the cookie (and clears it)',
        access: everyone,
        responses: { 200: jsonAnswer('`{ signedOut: true }`.') },
        handler: async (c) => {
          const who = (await whoIs(c)) as Staff;
          if (!who.sessionId) return refuse(c, 'staff.session-required');
          await service().signOut(who.sessionId);
          deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(), httpOnly: true, sameSite: 'Lax' });
          return c.json({ signedOut: true });
        },
      }),
      route(deps, {
        method: 'get',
        path: '/accounts',
        summary:
          'Every staff account (active first), with its address and name, and when it last signed in (`lastSignInAt`, `null`: never)',
        access: coordinators,
        responses: { 200: jsonAnswer('`{ accounts }`.', z.object({ accounts: z.array(Account) })) },
        handler: async (c) =>
          c.json({ accounts: (await service().listAccounts()).map(shown) }, 200, { 'Cache-Control': 'no-store, private' }),
      }),
      jsonRoute(deps, {
        method: 'post',
        path: '/accounts',
        summary: 'Invites a person: creates their account and emails them a sign-in link (valid 7 days, once)',
        access: coordinators,
        body: { schema: InviteInput },
        responses: {
          201: jsonAnswer('`{ account }` (the link goes to the person only).'),
          409: jsonAnswer('An active account has this address (`staff.email-taken`).'),
        },
        handler: async (c, input) => {
          const who = await staff(c, coordinators.roles);
          const { account } = await attempt(c, () => service().invite({ ...input, invitedBy: actorOf(who), locale: c.get('locale') }));
          return c.json({ account: shown(account) }, 201);
        },
      }),
      jsonRoute(deps, {
        method: 'post',
        path: '/accounts/:accountId/role',
        summary: 'Changes an account’s role (and organisation)',
        access: coordinators,
        params: { accountId: { description: 'The account’s id.' } },
        body: { schema: RoleInput },
        responses: { 200: jsonAnswer('`{ account }`.') },
        handler: async (c, input) => {
          const account = await attempt(c, () => service().setRole(c.req.param('accountId'), input.role, input.organisationId));
          return c.json({ account: shown(account) });
        },
      }),
      route(deps, {
        method: 'post',
        path: '/accounts/:accountId/deactivate',
        summary: 'Deactivates an account: its sessions end and its pending links stop working, at once',
        access: coordinators,
        params: { accountId: { description: 'The account’s id.' } },
        responses: { 200: jsonAnswer('`{ account }`.') },
        handler: async (c) => {
          const account = await attempt(c, () => service().deactivate(c.req.param('accountId')));
          return c.json({ account: shown(account) });
        },
      }),
      route(deps, {
        method: 'get',
        path: '/engagements/:engagementId/history',
        summary: 'An engagement’s history for staff: each milestone with who acted, their account’s name included',
        description:
          'The public engagement’s milestones name only the role and organisation of who acted; staff see the account too: `by` is `{ accountId, role, organisationId?, organisation?, name? }` (`name`: the account’s name, else its address; a token’s label for `token:<id>`). An organisation’s staff read their own engagements’ only (403 `engagement.forbidden-organisation`).',
        access: { roles: ['coordinator', 'organisation'] },
        params: { engagementId: { description: 'The engagement’s id.' } },
        responses: {
          200: jsonAnswer(
            '`{ engagementId, history, residentAnswers, residentsSaidNo }`, history oldest first; `residentAnswers`: `{ yes, partly, no }`, the walk’s participants’ answers to « Est-ce réglé ? » since it was last completed (counts only); `residentsSaidNo`: someone answered « Non ».',
          ),
          404: jsonAnswer('No such engagement.'),
        },
        handler: async (c) => {
          const id = c.req.param('engagementId');
          const who = (await whoIs(c)) as Staff;
          // 404 engagement.not-found first, then an organisation's staff read their own only.
          const engagement = unwrap(await gusp.engagements.get(id, { locale: c.get('locale') }));
          if (who.role === 'organisation' && engagement.organisationId !== who.organisationId)
            return refuse(c, 'engagement.forbidden-organisation', { organisationId: who.organisationId });
          const { events } = await gusp.store.read(`engagement-${id}`);
          const history = engagementHistory(events as unknown as EngagementEvent[]);
          const accounts = new Map((await service().listAccounts()).map((a) => [a.id, a.name ?? a.email ?? undefined]));
          const tokens = new Map((await service().listTokens()).map((t) => [`token:${t.id}`, t.label ?? undefined]));
          const named = history.map((entry) => {
            if (!entry.by) return entry;
            const name = accounts.get(entry.by.accountId) ?? tokens.get(entry.by.accountId);
            const organisation = organisationName(entry.by.organisationId);
            return { ...entry, by: { ...entry.by, ...(organisation ? { organisation } : {}), ...(name ? { name } : {}) } };
          });
          // The participants' answers, as counts: what the coordinator verifies (or reopens) with in view.
          const { residentAnswers = { yes: 0, partly: 0, no: 0 }, residentsSaidNo = false } = engagement;
          return c.json({ engagementId: id, history: named, residentAnswers, residentsSaidNo }, 200, {
            'Cache-Control': 'no-store, private',
          });
        },
      }),
      route(deps, {
        method: 'get',
        path: '/tokens',
        summary: 'Every API token (active first): never the token itself, which is shown once',
        access: coordinators,
        responses: { 200: jsonAnswer('`{ tokens }`.', z.object({ tokens: z.array(TokenInfo) })) },
        handler: async (c) => c.json({ tokens: await service().listTokens() }, 200, { 'Cache-Control': 'no-store, private' }),
      }),
      jsonRoute(deps, {
        method: 'post',
        path: '/tokens',
        summary: 'Creates an API token for a machine; the answer is the only time it is shown',
        access: coordinators,
        body: { schema: TokenInput },
        responses: { 201: jsonAnswer('`{ id, token }`.') },
        handler: async (c, input) => {
          const who = await staff(c, coordinators.roles);
          const created = await attempt(c, () => service().createToken({ ...input, createdBy: actorOf(who) }));
          return c.json(created, 201, { 'Cache-Control': 'no-store' });
        },
      }),
      route(deps, {
        method: 'post',
        path: '/tokens/:tokenId/revoke',
        summary: 'Revokes an API token: it stops working at once',
        access: coordinators,
        params: { tokenId: { description: 'The token’s id (not the token).' } },
        responses: { 200: jsonAnswer('`{ id, revoked: true }`.') },
        handler: async (c) => {
          const id = c.req.param('tokenId');
          await attempt(c, () => service().revokeToken(id));
          return c.json({ id, revoked: true });
        },
      }),
    ],
  };
}
