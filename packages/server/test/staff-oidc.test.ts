// SPDX-License-Identifier: EUPL-1.2
/**
 * Staff sign-in through OpenID Connect against a real local provider (`oidc-provider`, started
 * here on loopback), the server's relying party being `openid-client`: the browser's whole round
 * trip played over real HTTP with its cookies — the server's redirect, the provider's login, the
 * callback — ends in a session for the account whose address the provider gives; an address
 * without an account, a callback in another browser, or a replayed one is refused, localized.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import { createToken } from '../src/auth.js';
import type { Database } from '../src/db.js';
import { openMigratedDatabase, startServer, type RunningServer } from '../src/server.js';
import { consoleSkip, frenchPage, launchChromium } from './browser.js';
import { freePort } from './cli-process.js';
import { call } from './harness.js';

/** A browser's cookies, per host (paths ignored: every cookie of a host is sent to it). */
class Browser {
  private readonly jar = new Map<string, Map<string, string>>();
  async get(url: string): Promise<Response> {
    const host = new URL(url).host;
    const cookies = [...(this.jar.get(host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { redirect: 'manual', headers: cookies ? { cookie: cookies } : {} });
    const mine = this.jar.get(host) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) mine.delete(name);
      else mine.set(name, value);
    }
    this.jar.set(host, mine);
    return res;
  }
  cookie(host: string, name: string) {
    return this.jar.get(host)?.get(name);
  }
  /** Follows redirects from `url` until `stop` says so or the chain ends; the last answer and its URL. */
  async follow(url: string, stop: (url: string) => boolean = () => false): Promise<{ url: string; res: Response }> {
    let current = url;
    for (let i = 0; i < 10; i++) {
      const res = await this.get(current);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { url: current, res };
      const next = new URL(location, current).href;
      if (stop(next)) return { url: next, res };
      current = next;
    }
    throw new Error(`too many redirects from ${url}`);
  }
}

describe('staff sign-in through OpenID Connect (oidc-provider on loopback, openid-client)', () => {
  let db: Database;
  let server: RunningServer;
  let providerServer: Server;
  let issuer: string;
  let base: string;
  /** Who the provider signs in next (its login screen, played by the test). */
  let nextLogin = '';
  const unexpected: unknown[] = [];

  before(async () => {
    const serverPort = await freePort();
    base = `http://127.0.0.1:${serverPort}`;
    // The provider first: its issuer URL goes into the server's options.
    const providerPort = await freePort();
    issuer = `http://127.0.0.1:${providerPort}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'gusp',
          client_secret: 'a-test-secret-of-enough-length-0123456789',
          redirect_uris: [`${base}/api/staff/oidc/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      claims: { openid: ['sub'], email: ['email', 'email_verified'] },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      // A first-party client: no consent screen (the city's own back office).
      loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
        const { provider: p, session, client } = ctx.oidc;
        if (!session?.accountId || !client) return undefined;
        const existing = session.grantIdFor(client.clientId);
        if (existing) return p.Grant.find(existing);
        const grant = new p.Grant({ clientId: client.clientId, accountId: session.accountId });
        grant.addOIDCScope('openid email');
        await grant.save();
        return grant;
      },
      findAccount: (_ctx: KoaContextWithOIDC, sub: string) => ({
        accountId: sub,
        claims: () => ({ sub, email: sub, email_verified: true }),
      }),
      cookies: { keys: ['test-cookie-key-0123456789abcdef'] },
    });
    const callback = provider.callback();
    providerServer = createServer((req, res) => {
      // The login screen: signs in `nextLogin` at once.
      if (req.url?.startsWith('/interaction/')) {
        // An empty `nextLogin`: the person cancels on the provider's screen (its `access_denied`).
        const result = nextLogin ? { login: { accountId: nextLogin } } : { error: 'access_denied', error_description: 'cancelled' };
        void provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false }).catch((e: unknown) => {
          res.statusCode = 500;
          res.end(String(e));
        });
        return;
      }
      callback(req, res);
    });
    await new Promise<void>((resolve) => providerServer.listen(providerPort, '127.0.0.1', resolve));
    assert.equal((providerServer.address() as AddressInfo).port, providerPort);

    db = await openMigratedDatabase({});
    server = await startServer({
      database: db,
      port: serverPort,
      staff: {
        oidc: {
          issuer,
          clientId: 'gusp',
          clientSecret: 'a-test-secret-of-enough-length-0123456789',
          name: 'ProConnect (test)',
          allowInsecureRequests: true,
        },
      },
      log: (r) => r.level === 'error' && unexpected.push(r),
    });
    const token = (await createToken(db.sql, { role: 'coordinator' })).token;
    for (const [email, role, organisationId] of [
      ['agent@ville.example', 'agent', undefined],
      ['parti@ville.example', 'agent', undefined],
      ['oph@ville.example', 'organisation', 'oph'],
    ] as const) {
      const r = await call(base, 'POST', '/api/staff/accounts', {
        body: { email, role, ...(organisationId ? { organisationId } : {}) },
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      if (email === 'parti@ville.example')
        assert.equal(
          (
            await call(base, 'POST', `/api/staff/accounts/${r.body.account.id}/deactivate`, {
              headers: { authorization: `Bearer ${token}` },
            })
          ).status,
          200,
        );
    }
  });
  after(async () => {
    await server?.close();
    await db?.close();
    await new Promise((resolve) => providerServer?.close(resolve));
    providerServer?.closeAllConnections();
    assert.deepEqual(unexpected, [], 'no unexpected server error was logged');
  });

  /** Plays the browser from the server's start to its callback's answer. */
  async function signIn(browser: Browser, who: string) {
    nextLogin = who;
    const start = await browser.get(`${base}/api/staff/oidc/start`);
    assert.equal(start.status, 302);
    const toProvider = start.headers.get('location') ?? '';
    assert.ok(toProvider.startsWith(`${issuer}/`), toProvider);
    const params = new URL(toProvider).searchParams;
    assert.equal(params.get('code_challenge_method'), 'S256');
    assert.ok(params.get('state') && params.get('nonce'));
    // Through the provider, until it sends the browser back to the server's callback.
    const back = await browser.follow(toProvider, (url) => url.startsWith(`${base}/`));
    assert.ok(back.url.startsWith(`${base}/api/staff/oidc/callback?`), back.url);
    return { callbackUrl: back.url, answer: await browser.get(back.url) };
  }

  test('the server says how to sign in: by email, and through the provider', async () => {
    const r = await call(base, 'GET', '/api/staff/sign-in');
    assert.deepEqual(r.body, { email: true, oidc: { name: 'ProConnect (test)', start: '/api/staff/oidc/start' } });
  });

  test('a person with an account signs in through the provider: a session cookie, then /gestion', async () => {
    const browser = new Browser();
    const { answer } = await signIn(browser, 'agent@ville.example');
    assert.equal(answer.status, 302, await answer.text());
    assert.equal(answer.headers.get('location'), `${base}/gestion`);
    const session = browser.cookie(new URL(base).host, 'gusp_session');
    assert.ok(session);
    assert.match(answer.headers.getSetCookie().join('\n'), /gusp_session=[^;]+;.*HttpOnly/i);
    const me = await call(base, 'GET', '/api/staff/me', { headers: { cookie: `gusp_session=${session}` } });
    assert.equal(me.status, 200);
    assert.equal(me.body.account.email, 'agent@ville.example');
    assert.equal(me.body.role, 'agent');
    // The session's role applies: an agent is refused a coordinator route.
    assert.equal((await call(base, 'GET', '/api/staff/accounts', { headers: { cookie: `gusp_session=${session}` } })).status, 403);
  });

  test('an organisation’s account signs in the same way, with its organisation', async () => {
    const browser = new Browser();
    const { answer } = await signIn(browser, 'OPH@ville.example');
    assert.equal(answer.status, 302);
    const me = await call(base, 'GET', '/api/staff/me', {
      headers: { cookie: `gusp_session=${browser.cookie(new URL(base).host, 'gusp_session') ?? ''}` },
    });
    assert.equal(me.body.organisationId, 'oph');
  });

  /** Where a failed sign-in lands the person: the sign-in screen, told why. */
  const landing = (code: string) => `${base}/gestion/connexion?error=${code}`;
  const assertLanded = (answer: Response, code: string) => {
    assert.equal(answer.status, 302);
    assert.equal(answer.headers.get('location'), landing(code));
    assert.equal(answer.headers.get('cache-control'), 'no-store');
  };

  test('an address without an active account lands on the sign-in screen, told so (?error=oidc-no-account)', async () => {
    for (const who of ['inconnu@ville.example', 'parti@ville.example']) {
      const browser = new Browser();
      const { answer } = await signIn(browser, who);
      assertLanded(answer, 'oidc-no-account');
      assert.equal(browser.cookie(new URL(base).host, 'gusp_session'), undefined);
    }
  });

  test(
    'in Chromium, the whole way: the provider’s button, an address without an account, back on the sign-in screen told why in words',
    { skip: consoleSkip },
    async () => {
      const browser = await launchChromium();
      try {
        const page = await frenchPage(browser);
        nextLogin = 'inconnu@ville.example';
        await page.goto(`${base}/gestion`, { waitUntil: 'load' });
        const signIn = 'document.querySelector("gusp-console")?.shadowRoot?.querySelector("gusp-console-sign-in")?.shadowRoot';
        await page.waitForFunction(`!!${signIn}?.querySelector("a.provider")`, { timeout: 15_000 });
        // The person follows « Se connecter avec ProConnect (test) »: the server, the provider, its callback, then back here.
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.evaluate(`${signIn}.querySelector("a.provider").click()`)]);
        await page.waitForFunction(`!!${signIn}?.querySelector("#oidc-error")`, { timeout: 15_000 });
        const said = (await page.evaluate(`${signIn}.querySelector("#oidc-error").textContent`)) as string;
        assert.match(said, /Aucun compte actif ne correspond à l’adresse donnée par le service d’identification/);
        assert.equal(await page.evaluate(() => location.pathname + location.search), '/gestion/connexion', 'the code left the address');
        assert.equal((await page.evaluate(() => document.body.innerText)).includes('"error"'), false, 'no JSON body');
      } finally {
        await browser.close();
      }
    },
  );

  test('a person who cancels on the provider (its access_denied) lands on the sign-in screen (?error=oidc-refused)', async () => {
    const browser = new Browser();
    const { answer, callbackUrl } = await signIn(browser, '');
    assert.match(callbackUrl, /[?&]error=access_denied/);
    assertLanded(answer, 'oidc-refused');
    assert.equal(browser.cookie(new URL(base).host, 'gusp_session'), undefined);
  });

  test('a provider that cannot be reached, at the start or at the callback, lands on the sign-in screen (?error=oidc-unavailable)', async () => {
    const downPort = await freePort();
    const down = await startServer({
      database: db,
      port: await freePort(),
      staff: {
        oidc: { issuer: `http://127.0.0.1:${downPort}`, clientId: 'gusp', clientSecret: 'x'.repeat(40), allowInsecureRequests: true },
      },
    });
    try {
      const start = await fetch(`${down.url}/api/staff/oidc/start`, { redirect: 'manual' });
      assert.equal(start.status, 302);
      assert.equal(start.headers.get('location'), `${down.url}/gestion/connexion?error=oidc-unavailable`);
      // A callback with a pending sign-in (as if the provider went down in between).
      const pending = Buffer.from(JSON.stringify({ verifier: 'v'.repeat(43), state: 's', nonce: 'n' })).toString('base64url');
      const callback = await fetch(`${down.url}/api/staff/oidc/callback?code=abc&state=s`, {
        redirect: 'manual',
        headers: { cookie: `gusp_oidc=${pending}` },
      });
      assert.equal(callback.status, 302);
      assert.equal(callback.headers.get('location'), `${down.url}/gestion/connexion?error=oidc-unavailable`);
    } finally {
      await down.close();
    }
  });

  test('a callback in another browser, or replayed, lands on the sign-in screen (?error=oidc-failed); so does one without a provider', async () => {
    const browser = new Browser();
    nextLogin = 'agent@ville.example';
    const start = await browser.get(`${base}/api/staff/oidc/start`);
    const back = await browser.follow(start.headers.get('location') ?? '', (url) => url.startsWith(`${base}/`));
    // Another browser (the attacker's link in the victim's browser): no pending sign-in.
    const elsewhere = await fetch(back.url, { redirect: 'manual', headers: { 'accept-language': 'en' } });
    assertLanded(elsewhere, 'oidc-failed');
    // Another sign-in's state in this browser: refused too.
    const other = new Browser();
    await other.get(`${base}/api/staff/oidc/start`);
    const pending = other.cookie(new URL(base).host, 'gusp_oidc') ?? '';
    const crossed = await fetch(back.url, { redirect: 'manual', headers: { cookie: `gusp_oidc=${pending}` } });
    assertLanded(crossed, 'oidc-failed');
    // The right browser once: signed in; the same answer again, with the same pending sign-in: refused (the code is spent).
    const own = browser.cookie(new URL(base).host, 'gusp_oidc') ?? '';
    assert.ok(own);
    assert.equal((await browser.get(back.url)).status, 302);
    const replay = await fetch(back.url, { redirect: 'manual', headers: { cookie: `gusp_oidc=${own}` } });
    assertLanded(replay, 'oidc-failed');

    const plain = await startServer({ database: db });
    try {
      for (const path of ['/api/staff/oidc/start', '/api/staff/oidc/callback?code=abc&state=s']) {
        const r = await fetch(`${plain.url}${path}`, { redirect: 'manual' });
        assert.equal(r.status, 302, path);
        assert.equal(r.headers.get('location'), `${plain.url}/gestion/connexion?error=oidc-not-configured`, path);
      }
      assert.deepEqual((await call(plain.url, 'GET', '/api/staff/sign-in')).body, { email: true, oidc: null });
    } finally {
      await plain.close();
    }
  });
});
