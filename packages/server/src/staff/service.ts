// SPDX-License-Identifier: EUPL-1.2
/**
 * What the staff routes, the admin channel and the CLI share: accounts, invitations, sign-in,
 * sessions and tokens over one database, and the emails they write to the outbox (the notifier
 * sends them through SMTP like every other email; without SMTP they wait there).
 */
import { createHash } from 'node:crypto';
import type { CityProfile } from '@gusp/core';
import { createToken, listTokens, revokeToken, type StaffRole } from '../auth.js';
import { neverEmailed, SEED_EMAIL_DOMAIN } from '../notify/emails.js';
import { outboxRepository } from '../notify/outbox.js';
import { renderStaffEmail, type StaffEmailKind } from '../notify/staff-templates.js';
import type { NotificationKind } from '../notify/templates.js';
import type { Sql } from '../sql.js';
import { oidcSignIn, type OidcOptions } from './oidc.js';
import {
  activeAccountByEmail,
  createAccount,
  deactivateAccount,
  getAccount,
  isActive,
  listAccounts,
  setRole,
  StaffRefusal,
  type StaffAccount,
} from './accounts.js';
import {
  authenticateSession,
  createSignIn,
  openSession,
  revokeSession,
  SESSION_IDLE_MS,
  useSignInCode,
  useSignInToken,
  type OpenedSession,
} from './sessions.js';

export interface StaffServiceOptions {
  readonly sql: Sql;
  readonly city: CityProfile;
  /** The server's public URL (no trailing slash): links start with it. */
  readonly publicUrl: () => string;
  /** Idle expiry of sessions (8 h by default). */
  readonly sessionIdleMs?: number | undefined;
  /** Limits of `POST /api/staff/sign-in` and `/sign-in/verify` ({@linkcode DEFAULT_SIGN_IN_LIMITS} by default). */
  readonly signInLimits?: Partial<SignInLimits> | undefined;
  /** Sign-in through the city's OpenID Connect provider, besides email (staff/oidc.ts). */
  readonly oidc?: OidcOptions | undefined;
}

/**
 * Sign-in requests per address and per client (IP), and verifications per client, each per window.
 * In memory, per process (as the other rate limits): a shared limit across servers belongs in a proxy.
 */
export interface SignInLimits {
  readonly perAddress: number;
  readonly perClient: number;
  readonly verifyPerClient: number;
  readonly windowMs: number;
}
export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perAddress: 5, perClient: 30, verifyPerClient: 30, windowMs: 15 * 60_000 };

export interface InviteRequest {
  readonly email: string;
  readonly name?: string | undefined;
  readonly role: StaffRole;
  readonly organisationId?: string | undefined;
  /** `account:<id>`, `token:<id>` or `cli`. */
  readonly invitedBy: string;
  /** The invitation email's language (the city's by default). */
  readonly locale?: string | undefined;
}

export type VerifyRequest = { readonly token: string } | { readonly email: string; readonly code: string };

/** The coordinator of the demo (`--seed valence`), at the seed's undeliverable domain. */
export const DEMO_COORDINATOR = {
  email: `coordination@${SEED_EMAIL_DOMAIN}`,
  name: 'Coordination (démo)',
  role: 'coordinator',
} as const satisfies Partial<InviteRequest>;

/** The page of the console where a link signs in (`?token=…`) and a link is asked for. */
export const SIGN_IN_PATH = '/gestion/connexion';

export function staffService(options: StaffServiceOptions) {
  const { sql, city } = options;
  const outbox = outboxRepository(sql);
  const signInPage = () => `${options.publicUrl()}${SIGN_IN_PATH}`;
  const linkOf = (token: string) => `${signInPage()}?token=${token}`;
  const organisationName = (id: string | undefined) => (id === undefined ? undefined : city.organisations.find((o) => o.id === id)?.name);

  /** The role and organisation go together, and the organisation is one of the city's. */
  const checkRole = (role: StaffRole, organisationId: string | undefined) => {
    if ((role === 'organisation') !== (organisationId !== undefined)) throw new StaffRefusal('staff.organisation-required', { role });
    if (organisationId !== undefined && organisationName(organisationId) === undefined)
      throw new StaffRefusal('staff.unknown-organisation', { organisationId });
  };

  /** Writes one email to the outbox (none to a made-up `.invalid` address, such as the demo's). */
  const email = async (kind: StaffEmailKind, account: StaffAccount, locale: string, token: string, code?: string) => {
    if (account.email === null || neverEmailed(account.email)) return;
    const { subject, body } = renderStaffEmail(kind, locale, {
      name: account.name,
      role: account.role,
      organisation: organisationName(account.organisationId),
      city: city.name,
      link: linkOf(token),
      code,
      signInPage: signInPage(),
    });
    await outbox.add({
      dedupKey: `${kind}|${createHash('sha256').update(token).digest('hex')}`,
      // The outbox keeps the kind as text; the walks' kinds and the staff's are two lists of the notifier's templates.
      kind: kind as unknown as NotificationKind,
      recipient: account.email,
      locale,
      subject,
      body,
    });
  };

  const opened = async (accountId: string, method: 'link' | 'code'): Promise<{ account: StaffAccount; session: OpenedSession }> => {
    const account = await getAccount(sql, accountId);
    if (!account || !isActive(account)) throw new StaffRefusal('staff.sign-in-invalid');
    return { account, session: await openSession(sql, accountId, method) };
  };

  /** Creates the account and its invitation link, and emails it; the link is returned for the CLI only to print. */
  /**
   * Emails a sign-in link and code to the address if it is an active account's; nothing
   * otherwise. The caller answers the same either way.
   */
  const requestSignIn = async (address: string, locale: string): Promise<void> => {
    const account = await activeAccountByEmail(sql, address);
    if (!account) return;
    const signIn = await createSignIn(sql, account.id, 'sign-in');
    await email('staff-sign-in', account, locale, signIn.token, signIn.code);
  };
  const inFlight = new Set<Promise<void>>();

  const invite = async (input: InviteRequest): Promise<{ account: StaffAccount; link: string; expiresAt: string }> => {
    checkRole(input.role, input.organisationId);
    const account = await createAccount(sql, input);
    const signIn = await createSignIn(sql, account.id, 'invitation');
    await email('staff-invitation', account, input.locale ?? city.locale, signIn.token);
    return { account, link: linkOf(signIn.token), expiresAt: signIn.expiresAt };
  };

  return {
    city,
    oidc: options.oidc ? oidcSignIn(options.oidc, options.publicUrl) : undefined,
    /** Opens a session for the active account of an address an OpenID Connect provider vouched for; `staff.oidc-no-account` otherwise. */
    async signInByProvider(email: string): Promise<{ account: StaffAccount; session: OpenedSession }> {
      const account = await activeAccountByEmail(sql, email);
      if (!account) throw new StaffRefusal('staff.oidc-no-account');
      return { account, session: await openSession(sql, account.id, 'oidc') };
    },
    signInLimits: { ...DEFAULT_SIGN_IN_LIMITS, ...options.signInLimits },
    signInPage,
    listAccounts: () => listAccounts(sql),
    account: (id: string) => getAccount(sql, id),

    invite,

    /**
     * A sign-in link (7 days, once) for the demo's coordinator, made the first time: what
     * `gusp-server start --seed valence` prints, so a newcomer reaches the back office in one
     * command. Its address is `.invalid`: nothing is ever emailed to it.
     */
    async demoCoordinatorLink(): Promise<string> {
      const existing = await activeAccountByEmail(sql, DEMO_COORDINATOR.email);
      if (!existing) return (await invite({ ...DEMO_COORDINATOR, invitedBy: 'seed' })).link;
      return linkOf((await createSignIn(sql, existing.id, 'invitation')).token);
    },

    async setRole(id: string, role: StaffRole, organisationId: string | undefined): Promise<StaffAccount> {
      checkRole(role, organisationId);
      return setRole(sql, id, role, organisationId);
    },

    deactivate: (id: string) => deactivateAccount(sql, id),

    requestSignIn,

    /**
     * `requestSignIn` without waiting for it: the answer then takes the same time whether
     * the address has an account (a link and an email written) or not (one lookup), so its timing
     * tells nothing either. `onError` gets what fails; `idle` waits for what is under way.
     */
    requestSignInLater(address: string, locale: string, onError: (error: unknown) => void): void {
      const work = requestSignIn(address, locale).catch(onError);
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    },

    /** Resolves once the sign-ins under way are written (before the database closes). */
    idle: async (): Promise<void> => {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },

    /** Opens a session from a link's token or an address and its code; `staff.sign-in-invalid` otherwise. */
    async verify(request: VerifyRequest): Promise<{ account: StaffAccount; session: OpenedSession }> {
      if ('token' in request) {
        const accountId = await useSignInToken(sql, request.token);
        if (accountId === undefined) throw new StaffRefusal('staff.sign-in-invalid');
        return opened(accountId, 'link');
      }
      const account = await activeAccountByEmail(sql, request.email);
      if (!account || !(await useSignInCode(sql, account.id, request.code))) throw new StaffRefusal('staff.sign-in-invalid');
      return opened(account.id, 'code');
    },

    /** The staff member of a session cookie (see `authenticateSession`). */
    authenticate: (token: string) => authenticateSession(sql, token, options.sessionIdleMs ?? SESSION_IDLE_MS),
    signOut: (sessionId: string) => revokeSession(sql, sessionId),

    listTokens: () => listTokens(sql),
    async createToken(input: { role: StaffRole; organisationId?: string | undefined; label?: string | undefined; createdBy: string }) {
      checkRole(input.role, input.organisationId);
      return createToken(sql, input);
    },
    async revokeToken(id: string): Promise<void> {
      if (!(await revokeToken(sql, id))) throw new StaffRefusal('staff.token-not-found', { id });
    },
  };
}

export type StaffService = ReturnType<typeof staffService>;
