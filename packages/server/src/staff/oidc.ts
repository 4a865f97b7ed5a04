// SPDX-License-Identifier: EUPL-1.2
/**
 * Sign-in through the city's OpenID Connect provider (ProConnect for French public agents, or any
 * certified provider), with `openid-client` as the relying party: the authorization code flow with
 * PKCE, `state` and `nonce`. The account is the active staff account whose address the provider
 * gives (`email`, not marked unverified): the provider proves who the person is, GUSP's
 * coordinators still decide who has an account and which role.
 *
 * The flow's secrets (PKCE verifier, state, nonce) wait in a short-lived HttpOnly cookie of the
 * browser that started it (`gusp_oidc`, 10 minutes, path `/api/staff/oidc`): the callback must
 * come back to that browser with that state, so a sign-in started elsewhere cannot be finished in
 * someone else's browser.
 */
import * as client from 'openid-client';

export interface OidcOptions {
  /** The provider's issuer URL (its `/.well-known/openid-configuration` is read once). */
  readonly issuer: string;
  readonly clientId: string;
  /** `client_secret_basic`; without it, a public client. */
  readonly clientSecret?: string | undefined;
  /** What the sign-in button says (« ProConnect »); the issuer's host by default. */
  readonly name?: string | undefined;
  /** Scopes asked (`openid email profile` by default; ProConnect wants `openid email given_name usual_name`). */
  readonly scope?: string | undefined;
  /** Plain-http provider (tests and a local provider only). */
  readonly allowInsecureRequests?: boolean | undefined;
}

/** What the flow keeps between the redirect and the callback. */
export interface OidcPending {
  readonly verifier: string;
  readonly state: string;
  readonly nonce: string;
}

export const OIDC_COOKIE = 'gusp_oidc';
export const OIDC_PATH = '/api/staff/oidc';
export const OIDC_PENDING_SECONDS = 600;

/** A failure of the flow (the provider's error, a state that does not match…): `staff.oidc-failed`. */
export class OidcFailure extends Error {}

/** A request to the provider that did not get an answer (refused connection, timeout), or got a 5xx without an OAuth error body. */
function unreachable(e: unknown): boolean {
  if (e instanceof TypeError && /fetch failed/i.test(e.message)) return true;
  return (e as { code?: unknown } | null)?.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM';
}

export function oidcSignIn(options: OidcOptions, publicUrl: () => string) {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    discovered ??= client
      .discovery(
        new URL(options.issuer),
        options.clientId,
        options.clientSecret,
        undefined,
        options.allowInsecureRequests ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((e: unknown) => {
        // Asked again next time: the provider may come back.
        discovered = undefined;
        throw e;
      });
    return discovered;
  };
  const redirectUri = () => `${publicUrl()}${OIDC_PATH}/callback`;
  return {
    name: options.name ?? new URL(options.issuer).host,

    /** The provider's authorization URL for a new sign-in, and what the callback will need. */
    async start(): Promise<{ url: URL; pending: OidcPending }> {
      const config = await configuration();
      const pending = { verifier: client.randomPKCECodeVerifier(), state: client.randomState(), nonce: client.randomNonce() };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri(),
        scope: options.scope ?? 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url, pending };
    },

    /** The address the provider vouches for, from the callback's URL (as reached through the public URL). */
    async finish(callbackUrl: URL, pending: OidcPending): Promise<string> {
      const config = await configuration();
      let email: unknown;
      let verified: unknown;
      try {
        const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: pending.verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims) throw new OidcFailure('no ID token');
        const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
        email = info.email ?? claims.email;
        verified = info.email_verified ?? claims.email_verified;
      } catch (e) {
        // The provider out of reach (or answering 5xx) is not a failed sign-in: the person may try again.
        if (unreachable(e)) throw e;
        throw e instanceof OidcFailure ? e : new OidcFailure(String((e as Error)?.message ?? e));
      }
      if (typeof email !== 'string' || email === '' || verified === false) throw new OidcFailure('no verified email');
      return email;
    },
  };
}

export type OidcSignIn = ReturnType<typeof oidcSignIn>;

/** The pending flow as its cookie holds it, and back (`undefined` for anything else). */
export const encodePending = (p: OidcPending) => Buffer.from(JSON.stringify(p)).toString('base64url');
export function decodePending(cookie: string | undefined): OidcPending | undefined {
  if (cookie === undefined || cookie.length > 2000) return undefined;
  try {
    const p = JSON.parse(Buffer.from(cookie, 'base64url').toString('utf8')) as Partial<OidcPending>;
    return typeof p.verifier === 'string' && typeof p.state === 'string' && typeof p.nonce === 'string'
      ? { verifier: p.verifier, state: p.state, nonce: p.nonce }
      : undefined;
  } catch {
    return undefined;
  }
}
