// SPDX-License-Identifier: EUPL-1.2
/**
 * Staff accounts and passwordless sign-in over real HTTP, on PGlite and PostgreSQL, with the emails read back
 * from a real SMTP server: invitations, sign-in links and codes, the session cookie on every
 * staff route, its CSRF defence, roles and organisations, deactivation, expiry, tokens.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ParsedMail } from 'mailparser';
import { createToken } from '../src/auth.js';
import type { Database } from '../src/db.js';
import type { RunningServer } from '../src/server.js';
import { call, isErrorBody } from './harness.js';
import { onBothDatabases } from './postgres-cluster.js';
import { mailsTo, startNotifyingServer, type SmtpCapture } from './smtp-capture.js';

interface Session {
  readonly cookie: string;
  readonly csrf: string;
  readonly setCookie: string;
  readonly body: Record<string, unknown>;
}

function staffSuite(backend: string, open: () => Promise<Database>, skip?: string | false): void {
  void describe(`staff accounts and sign-in on ${backend} (real HTTP, real SMTP)`, { skip }, () => {
    let db: Database;
    let server: RunningServer;
    let mailbox: SmtpCapture;
    let base: string;
    let coordinatorToken: string;
    const unexpected: unknown[] = [];
    let seq = 0;
    const address = (who: string) => `${who}-${++seq}@mairie.example`;

    before(async () => {
      db = await open();
      ({ server, mailbox } = await startNotifyingServer(db, {
        // The per-client limit is tested with its own addresses (X-Forwarded-For, behind a "proxy").
        trustProxy: true,
        staff: { signInLimits: { perAddress: 3, perClient: 4 } },
        log: (r) => r.level === 'error' && unexpected.push(r),
      }));
      base = server.url;
      coordinatorToken = (await createToken(db.sql, { role: 'coordinator' })).token;
    });
    after(async () => {
      await server?.close();
      await mailbox?.close();
      await db?.close();
      assert.deepEqual(unexpected, [], 'no unexpected server error was logged');
    });

    const bearer = () => ({ authorization: `Bearer ${coordinatorToken}` });
    let client = 0;
    /** Each sign-in from its own client address, so the per-client limit is met only where tested. */
    const fromClient = () => ({ 'x-forwarded-for': `203.0.113.${++client}` });

    /** The first email to `email` whose subject matches (after `skip` of them), waited for (10 s at most). */
    const mailTo = async (email: string, subject: RegExp, skip = 0): Promise<ParsedMail> =>
      (await mailsTo(mailbox, email, subject, { atLeast: skip + 1 }))[skip] as ParsedMail;
    const tokenIn = (mail: ParsedMail) => {
      const link = /(http\S+\/gestion\/connexion\?token=([A-Za-z0-9_-]+))/.exec(mail.text ?? '');
      assert.ok(link, mail.text);
      return { link: link[1] as string, token: link[2] as string };
    };

    /** Verifies a link's token: the session's cookie and CSRF token. */
    async function verify(body: Record<string, string>): Promise<Session> {
      const r = await call(base, 'POST', '/api/staff/sign-in/verify', { body, headers: fromClient() });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const setCookie = r.headers.get('set-cookie') ?? '';
      const cookie = /^(gusp_session=[^;]+)/.exec(setCookie)?.[1];
      assert.ok(cookie, setCookie);
      return { cookie, csrf: r.body.session.csrfToken as string, setCookie, body: r.body as Record<string, unknown> };
    }

    /** Invites a person through the API (coordinator token) and signs in from the invitation's link. */
    async function invited(role: string, extra: Record<string, unknown> = {}): Promise<Session & { email: string; id: string }> {
      const email = address(role);
      const r = await call(base, 'POST', '/api/staff/accounts', { body: { email, role, ...extra }, headers: bearer() });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      const { token } = tokenIn(await mailTo(email, /Invitation/));
      return { ...(await verify({ token })), email, id: r.body.account.id as string };
    }

    /** Headers of a browser request of the console: cookie, origin, CSRF token. */
    const asConsole = (s: Session, extra: Record<string, string> = {}) => ({
      cookie: s.cookie,
      origin: base,
      'x-csrf-token': s.csrf,
      ...extra,
    });

    test('an invitation is emailed with a single-use link; it opens a session cookie (HttpOnly, SameSite=Lax, Path=/) and /me says who', async () => {
      const email = address('coord');
      const invite = await call(base, 'POST', '/api/staff/accounts', {
        body: { email, name: 'Camille Martin', role: 'coordinator' },
        headers: bearer(),
      });
      assert.equal(invite.status, 201);
      assert.equal(invite.body.account.email, email);
      assert.equal(invite.body.account.invitedBy.startsWith('token:'), true);
      assert.equal(invite.body.account.lastSignInAt, null, 'never signed in yet');
      assert.equal(JSON.stringify(invite.body).includes('token='), false, 'the link goes to the person only');
      const mail = await mailTo(email, /Invitation à l’espace de gestion GUSP/);
      assert.match(mail.text ?? '', /Bonjour Camille Martin/);
      const { link, token } = tokenIn(mail);
      assert.ok(link.startsWith(`${base}/gestion/connexion?token=`), link);

      const session = await verify({ token });
      assert.match(session.setCookie, /HttpOnly/i);
      assert.match(session.setCookie, /SameSite=Lax/i);
      assert.match(session.setCookie, /Path=\//);
      assert.doesNotMatch(session.setCookie, /Secure/i, 'http public URL: no Secure');
      const me = await call(base, 'GET', '/api/staff/me', { headers: { cookie: session.cookie } });
      assert.equal(me.status, 200);
      assert.equal(me.body.role, 'coordinator');
      assert.equal(me.body.account.email, email);
      assert.equal(me.body.session.csrfToken, session.csrf);
      // The accounts list says when the person last signed in (the session just opened).
      const listed = await call(base, 'GET', '/api/staff/accounts', { headers: bearer() });
      const signedIn = (listed.body.accounts as { id: string; lastSignInAt: string | null }[]).find((a) => a.id === invite.body.account.id);
      assert.ok(signedIn?.lastSignInAt && Math.abs(Date.parse(signedIn.lastSignInAt) - Date.now()) < 60_000, JSON.stringify(signedIn));

      // Used once: the same link again is refused, in the caller's language.
      const again = await call(base, 'POST', '/api/staff/sign-in/verify', { body: { token }, headers: { 'accept-language': 'en' } });
      assert.equal(again.status, 401);
      assert.equal(again.body.error.code, 'staff.sign-in-invalid');
      assert.match(again.body.error.message, /already used or has expired/);
    });

    test('a coordinator’s session calls coordinator routes with Origin and X-CSRF-Token; a foreign Origin or no token is 403 auth.csrf', async () => {
      const coord = await invited('coordinator');
      const ok = await call(base, 'GET', '/api/staff/accounts', { headers: { cookie: coord.cookie } });
      assert.equal(ok.status, 200);
      assert.ok(ok.body.accounts.some((a: { id: string }) => a.id === coord.id));

      const body = { email: address('agent'), role: 'agent' };
      const created = await call(base, 'POST', '/api/staff/accounts', { body, headers: asConsole(coord) });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.account.invitedBy, `account:${coord.id}`);

      const foreign = await call(base, 'POST', '/api/staff/accounts', {
        body: { email: address('agent'), role: 'agent' },
        headers: asConsole(coord, { origin: 'https://evil.example' }),
      });
      assert.equal(foreign.status, 403);
      assert.equal(foreign.body.error.code, 'auth.csrf');
      assert.match(foreign.body.error.message, /Demande refusée/);
      const noOrigin = await call(base, 'POST', '/api/staff/accounts', {
        body: { email: address('agent'), role: 'agent' },
        headers: { cookie: coord.cookie, 'x-csrf-token': coord.csrf },
      });
      assert.equal(noOrigin.status, 403);
      assert.equal(noOrigin.body.error.code, 'auth.csrf');
      const noToken = await call(base, 'POST', '/api/staff/accounts', {
        body: { email: address('agent'), role: 'agent' },
        headers: { cookie: coord.cookie, origin: base, 'accept-language': 'en' },
      });
      assert.equal(noToken.status, 403);
      assert.equal(noToken.body.error.code, 'auth.csrf');
      assert.match(noToken.body.error.message, /does not come from the back office/);
      const wrongToken = await call(base, 'POST', '/api/staff/accounts', {
        body: { email: address('agent'), role: 'agent' },
        headers: asConsole(coord, { 'x-csrf-token': 'x'.repeat(coord.csrf.length) }),
      });
      assert.equal(wrongToken.status, 403);
      // A public write from a signed-in browser without the token is an anonymous one, not a refusal.
      const walks = await call(base, 'GET', '/api/walks', { headers: { cookie: coord.cookie } });
      assert.equal(walks.status, 200);
    });

    test('an agent’s session is refused coordinator routes (403 auth.forbidden); a bad cookie is 401 auth.session-invalid', async () => {
      const agent = await invited('agent');
      const r = await call(base, 'GET', '/api/staff/accounts', { headers: { cookie: agent.cookie } });
      assert.equal(r.status, 403);
      assert.equal(r.body.error.code, 'auth.forbidden');
      const me = await call(base, 'GET', '/api/staff/me', { headers: { cookie: agent.cookie } });
      assert.equal(me.body.role, 'agent');
      const made = await call(base, 'GET', '/api/staff/accounts', { headers: { cookie: `gusp_session=${'A'.repeat(43)}` } });
      assert.equal(made.status, 401);
      assert.equal(made.body.error.code, 'auth.session-invalid');
      const none = await call(base, 'GET', '/api/staff/accounts');
      assert.equal(none.status, 401);
      assert.equal(none.body.error.code, 'auth.required');
    });

    test('an organisation’s session changes its own engagements only, as its token would', async () => {
      const oph = await invited('organisation', { organisationId: 'oph' });
      assert.equal(oph.body.account && (oph.body.account as { organisation?: string }).organisation !== undefined, true);
      const propose = async (organisationId: string) => {
        const e = await server.gusp.engagements.propose({
          title: `Réparer ${organisationId}`,
          quartierId: 'le-plan',
          themeId: 'eclairage-public',
        });
        assert.ok(e.ok);
        const accepted = await server.gusp.engagements.accept(e.value.id, { organisationId, dueOn: '2027-06-30' });
        assert.ok(accepted.ok);
        return e.value.id;
      };
      const own = await propose('oph');
      const other = await propose('ville-de-valence');
      const started = await call(base, 'POST', `/api/engagements/${own}/start`, { body: {}, headers: asConsole(oph) });
      assert.equal(started.status, 200, JSON.stringify(started.body));
      assert.equal(started.body.status, 'in-progress');
      const refused = await call(base, 'POST', `/api/engagements/${other}/start`, { body: {}, headers: asConsole(oph) });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 'engagement.forbidden-organisation');
    });

    test('sign-in by email: the same answer for any address, a link and a 6-digit code for an account, each once; expired is refused', async () => {
      const agent = await invited('agent');
      const unknown = await call(base, 'POST', '/api/staff/sign-in', { body: { email: address('nobody') }, headers: fromClient() });
      const known = await call(base, 'POST', '/api/staff/sign-in', { body: { email: agent.email }, headers: fromClient() });
      assert.equal(unknown.status, 202);
      assert.equal(known.status, 202);
      assert.deepEqual(unknown.body, known.body);
      const mail = await mailTo(agent.email, /lien de connexion/);
      const code = /code : (\d{6})/.exec(mail.text ?? '')?.[1];
      assert.ok(code, mail.text);
      assert.match(mail.text ?? '', /15 minutes/);

      // A wrong code, then the right one: a session; the code again: refused.
      const wrong = await call(base, 'POST', '/api/staff/sign-in/verify', {
        body: { email: agent.email, code: code === '000000' ? '111111' : '000000' },
      });
      assert.equal(wrong.status, 401);
      const byCode = await verify({ email: agent.email, code });
      assert.equal((byCode.body.account as { id: string }).id, agent.id);
      const twice = await call(base, 'POST', '/api/staff/sign-in/verify', { body: { email: agent.email, code } });
      assert.equal(twice.status, 401);
      assert.equal(twice.body.error.code, 'staff.sign-in-invalid');
      // The link of the same email was spent with its code.
      const { token } = tokenIn(mail);
      assert.equal((await call(base, 'POST', '/api/staff/sign-in/verify', { body: { token } })).status, 401);

      // An expired link: refused, localized.
      await call(base, 'POST', '/api/staff/sign-in', { body: { email: agent.email }, headers: fromClient() });
      const second = await mailTo(agent.email, /lien de connexion/, 1);
      await db.sql.query("UPDATE staff_sign_ins SET expires_at = now() - interval '1 second' WHERE used_at IS NULL");
      const expired = await call(base, 'POST', '/api/staff/sign-in/verify', { body: { token: tokenIn(second).token } });
      assert.equal(expired.status, 401);
      assert.ok(isErrorBody(expired.body));
      assert.match(expired.body.error.message, /a expiré/);

      // Bad bodies are the localized validation refusal, never a 500.
      for (const body of [{ token: 'short' }, { email: agent.email, code: '12345' }, { email: 'not an address' }, {}]) {
        const r = await call(base, 'POST', '/api/staff/sign-in/verify', { body });
        assert.equal(r.status, 422, JSON.stringify(r.body));
        assert.equal(r.body.error.code, 'validation.invalid');
      }
    });

    test('sign-in requests are limited per address and per client (429), whether the address has an account or not', async () => {
      const email = address('limited');
      const client = fromClient();
      for (let i = 0; i < 3; i++)
        assert.equal((await call(base, 'POST', '/api/staff/sign-in', { body: { email }, headers: fromClient() })).status, 202);
      const limited = await call(base, 'POST', '/api/staff/sign-in', { body: { email }, headers: fromClient() });
      assert.equal(limited.status, 429);
      assert.equal(limited.body.error.code, 'request.rate-limited');
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      for (let i = 0; i < 4; i++)
        assert.equal((await call(base, 'POST', '/api/staff/sign-in', { body: { email: address('many') }, headers: client })).status, 202);
      assert.equal((await call(base, 'POST', '/api/staff/sign-in', { body: { email: address('many') }, headers: client })).status, 429);
    });

    test('deactivating an account ends its sessions and its pending links; sign-out ends a session; an idle session expires', async () => {
      const agent = await invited('agent');
      await call(base, 'POST', '/api/staff/sign-in', { body: { email: agent.email }, headers: fromClient() });
      const pending = tokenIn(await mailTo(agent.email, /lien de connexion/)).token;
      const coord = await invited('coordinator');
      const off = await call(base, 'POST', `/api/staff/accounts/${agent.id}/deactivate`, { headers: asConsole(coord) });
      assert.equal(off.status, 200, JSON.stringify(off.body));
      assert.ok(off.body.account.deactivatedAt);
      const refused = await call(base, 'GET', '/api/staff/me', { headers: { cookie: agent.cookie } });
      assert.equal(refused.status, 401);
      assert.equal(refused.body.error.code, 'auth.session-invalid');
      assert.equal((await call(base, 'POST', '/api/staff/sign-in/verify', { body: { token: pending } })).status, 401);
      const roleOfOff = await call(base, 'POST', `/api/staff/accounts/${agent.id}/role`, {
        body: { role: 'coordinator' },
        headers: asConsole(coord),
      });
      assert.equal(roleOfOff.status, 409);
      assert.equal(roleOfOff.body.error.code, 'staff.account-deactivated');

      // Sign-out: a POST like any other (CSRF), then the cookie is dead.
      const other = await invited('agent');
      assert.equal((await call(base, 'POST', '/api/staff/sign-out', { headers: { cookie: other.cookie } })).status, 403);
      const out = await call(base, 'POST', '/api/staff/sign-out', { headers: asConsole(other) });
      assert.equal(out.status, 200);
      assert.match(out.headers.get('set-cookie') ?? '', /gusp_session=;.*Max-Age=0/i);
      assert.equal((await call(base, 'GET', '/api/staff/me', { headers: { cookie: other.cookie } })).status, 401);

      // Idle for longer than 8 hours: expired.
      const idle = await invited('agent');
      await db.sql.query("UPDATE staff_sessions SET last_seen_at = now() - interval '9 hours' WHERE account_id = $1", [idle.id]);
      assert.equal((await call(base, 'GET', '/api/staff/me', { headers: { cookie: idle.cookie } })).status, 401);
      // Past its absolute end (7 days), however recently used.
      const old = await invited('agent');
      await db.sql.query("UPDATE staff_sessions SET expires_at = now() - interval '1 second' WHERE account_id = $1", [old.id]);
      assert.equal((await call(base, 'GET', '/api/staff/me', { headers: { cookie: old.cookie } })).status, 401);
    });

    test('roles change; every refusal of the accounts API is localized (validation, organisation, duplicates, unknown ids)', async () => {
      const coord = await invited('coordinator');
      const agent = await invited('agent');
      const changed = await call(base, 'POST', `/api/staff/accounts/${agent.id}/role`, {
        body: { role: 'organisation', organisationId: 'oph' },
        headers: asConsole(coord),
      });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      assert.equal(changed.body.account.organisationId, 'oph');
      assert.equal((await call(base, 'GET', '/api/staff/me', { headers: { cookie: agent.cookie } })).body.organisationId, 'oph');

      const cases: [Record<string, unknown>, number, string][] = [
        [{ email: 'nope', role: 'agent' }, 422, 'validation.invalid'],
        [{ email: address('x'), role: 'boss' }, 422, 'validation.invalid'],
        [{ email: address('x'), role: 'agent', extra: 1 }, 422, 'validation.invalid'],
        [{ email: address('x'), role: 'organisation' }, 422, 'staff.organisation-required'],
        [{ email: address('x'), role: 'agent', organisationId: 'oph' }, 422, 'staff.organisation-required'],
        [{ email: address('x'), role: 'organisation', organisationId: 'nulle-part' }, 422, 'staff.unknown-organisation'],
        [{ email: agent.email.toUpperCase(), role: 'agent' }, 409, 'staff.email-taken'],
      ];
      for (const [body, status, code] of cases) {
        for (const lang of ['fr', 'en']) {
          const r = await call(base, 'POST', '/api/staff/accounts', { body, headers: asConsole(coord, { 'accept-language': lang }) });
          assert.equal(r.status, status, `${JSON.stringify(body)} ${JSON.stringify(r.body)}`);
          assert.equal(r.body.error.code, code);
          assert.equal(r.headers.get('content-language'), lang);
          assert.ok(isErrorBody(r.body));
        }
      }
      const unknown = await call(base, 'POST', '/api/staff/accounts/inconnu123/deactivate', { headers: asConsole(coord) });
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.error.code, 'staff.account-not-found');
      const malformed = await call(base, 'POST', '/api/staff/accounts/%00/deactivate', { headers: asConsole(coord) });
      assert.equal(malformed.status, 404);
      const notJson = await call(base, 'POST', '/api/staff/accounts', {
        raw: '{',
        headers: asConsole(coord, { 'content-type': 'application/json' }),
      });
      assert.equal(notJson.status, 400);
    });

    test('API tokens are managed there: created (shown once), listed without the secret, revoked at once', async () => {
      const coord = await invited('coordinator');
      const made = await call(base, 'POST', '/api/staff/tokens', {
        body: { role: 'organisation', organisationId: 'oph', label: 'Import OPH' },
        headers: asConsole(coord),
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      const { id, token } = made.body as { id: string; token: string };
      const me = await call(base, 'GET', '/api/staff/me', { headers: { authorization: `Bearer ${token}` } });
      assert.equal(me.status, 200);
      assert.deepEqual(me.body.token, { id });
      const list = await call(base, 'GET', '/api/staff/tokens', { headers: { cookie: coord.cookie } });
      const listed = list.body.tokens.find((t: { id: string }) => t.id === id);
      assert.equal(listed.label, 'Import OPH');
      assert.equal(listed.createdBy, `account:${coord.id}`);
      assert.equal(JSON.stringify(list.body).includes(token), false);
      const revoked = await call(base, 'POST', `/api/staff/tokens/${id}/revoke`, { headers: asConsole(coord) });
      assert.equal(revoked.status, 200);
      assert.equal((await call(base, 'GET', '/api/staff/me', { headers: { authorization: `Bearer ${token}` } })).status, 401);
      const again = await call(base, 'POST', `/api/staff/tokens/${id}/revoke`, { headers: asConsole(coord, { 'accept-language': 'en' }) });
      assert.equal(again.status, 404);
      assert.equal(again.body.error.code, 'staff.token-not-found');
    });

    test('a staff member’s address and name are never stored in clear, and a person’s erasure reaches their account', async () => {
      const email = address('erase');
      const r = await call(base, 'POST', '/api/staff/accounts', {
        body: { email, name: 'Dominique Effacé', role: 'agent' },
        headers: bearer(),
      });
      assert.equal(r.status, 201);
      const { token } = tokenIn(await mailTo(email, /Invitation/));
      const raw = await db.sql.query<{ row: string }>('SELECT row_to_json(a)::text AS row FROM staff_accounts a WHERE id = $1', [
        r.body.account.id,
      ]);
      assert.doesNotMatch(raw.rows[0]?.row ?? '', /erase-|Dominique/);
      const erased = await call(base, 'POST', '/api/privacy/erase', { body: { email }, headers: bearer() });
      assert.equal(erased.status, 200, JSON.stringify(erased.body));
      const list = await call(base, 'GET', '/api/staff/accounts', { headers: bearer() });
      const account = list.body.accounts.find((a: { id: string }) => a.id === r.body.account.id);
      assert.equal(account.email, null);
      assert.equal(account.name, null);
      assert.equal((await call(base, 'POST', '/api/staff/sign-in/verify', { body: { token } })).status, 401);
    });
  });
}

onBothDatabases(staffSuite);
