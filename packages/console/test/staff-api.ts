// SPDX-License-Identifier: EUPL-1.2
/**
 * The server's staff and walks API for the browser tests, in memory, as packages/server/README.md
 * documents it ("Staff accounts and sign-in", "The walk list") and routes/staff.ts answers it:
 * the same paths, bodies, status codes, error codes, the HttpOnly session cookie and the CSRF
 * check (the session's `X-CSRF-Token` and this origin on every POST the cookie authenticates).
 * The console against the real server is packages/server/test/console.test.ts.
 *
 * Test hooks under `/api/__test/`: `POST reset` `{ walks?, oidc? }` (`oidc`: a provider's name) (accounts are fixed, below),
 * `GET sent` (the codes and links "emailed", by address), `POST fail` `{ path, status, times? }`
 * (the next GETs of `path` answer `status`; 401 is `auth.session-invalid`, as a staff route answers an ended session), `GET counts` (GETs by path, others as `POST /path`).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { valence } from '@gusp/core';

interface Ctx {
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  req: IncomingMessage;
  status: number;
  body: unknown;
  get(name: string): string;
  set(name: string, value: string): void;
}

/** The accounts of the tests, by address. */
export const ACCOUNTS = {
  'coord@ville.fr': { id: 'acc-coord', email: 'coord@ville.fr', name: 'Claire Coordinatrice', role: 'coordinator' },
  'agent@ville.fr': { id: 'acc-agent', email: 'agent@ville.fr', name: 'Ahmed Agent', role: 'agent' },
  'oph@ville.fr': { id: 'acc-oph', email: 'oph@ville.fr', name: null, role: 'organisation', organisationId: 'oph', organisation: 'OPH' },
} as const;

const refusal = (code: string, message: string, details: Record<string, unknown> = {}) => ({ error: { code, message, details } });

export function staffApiMiddleware(base: string) {
  let sent = new Map<string, { code: string; token: string }>();
  let sessions = new Map<string, { account: (typeof ACCOUNTS)[keyof typeof ACCOUNTS]; csrfToken: string }>();
  let walks: { walk: { startsAt: string; quartierId: string; id: string }; status: string }[] = [];
  let fail = new Map<string, { status: number; times: number }>();
  let counts: Record<string, number> = {};
  let oidc: { name: string; start: string } | null = null;

  const json = (ctx: Ctx, status: number, body: unknown) => {
    ctx.status = status;
    ctx.set('Content-Type', 'application/json; charset=utf-8');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = JSON.stringify(body);
  };
  const readBody = async (ctx: Ctx): Promise<Record<string, unknown>> => {
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    try {
      return text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };
  const sessionOf = (ctx: Ctx) => /(?:^|;\s*)gusp_session=([^;]+)/.exec(ctx.get('Cookie'))?.[1];
  const yearOf = (iso: string) =>
    Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date(iso)));

  return async (ctx: Ctx, next: () => Promise<void>) => {
    if (!ctx.path.startsWith(`${base}/`)) return next();
    const path = ctx.path.slice(base.length);
    // GETs by path, other methods prefixed (`POST /staff/sign-in`).
    const key = ctx.method === 'GET' ? path : `${ctx.method} ${path}`;
    counts[key] = (counts[key] ?? 0) + 1;
    // Test hooks.
    if (path === '/__test/reset') {
      const body = await readBody(ctx);
      sent = new Map();
      sessions = new Map();
      fail = new Map();
      counts = {};
      walks = (body.walks as typeof walks) ?? [];
      oidc = typeof body.oidc === 'string' ? { name: body.oidc, start: '/api/staff/oidc/start' } : null;
      return json(ctx, 200, { ok: true });
    }
    if (path === '/__test/sent') return json(ctx, 200, Object.fromEntries(sent));
    if (path === '/__test/counts') return json(ctx, 200, counts);
    if (path === '/__test/fail') {
      const body = await readBody(ctx);
      fail.set(String(body.path), { status: Number(body.status), times: Number(body.times ?? 1) });
      return json(ctx, 200, { ok: true });
    }
    const failing = ctx.method === 'GET' ? fail.get(path) : undefined;
    if (failing && failing.times > 0) {
      failing.times--;
      return failing.status === 401
        ? json(ctx, 401, refusal('auth.session-invalid', 'Votre session a pris fin.'))
        : json(ctx, failing.status, refusal('internal.error', 'Erreur interne du serveur.'));
    }

    const session = sessions.get(sessionOf(ctx) ?? '');
    /** The staff routes' check (http/context.ts): a session, and on a POST its CSRF token and this origin. */
    const signedIn = () => {
      if (!session) return (json(ctx, 401, refusal('auth.required', 'Authentification requise.')), undefined);
      if (ctx.method !== 'GET') {
        const origin = ctx.get('Origin');
        if (ctx.get('X-CSRF-Token') !== session.csrfToken || (origin && origin !== `http://${ctx.get('Host')}`))
          return (json(ctx, 403, refusal('auth.csrf', 'Requête refusée : elle ne vient pas de l’espace de gestion.')), undefined);
      }
      return session;
    };

    if (ctx.method === 'GET' && path === '/staff/sign-in') return json(ctx, 200, { email: true, oidc });
    if (ctx.method === 'POST' && path === '/staff/sign-in') {
      const { email } = await readBody(ctx);
      const address = (typeof email === 'string' ? email : '').toLowerCase();
      if (address === 'limited@ville.fr') {
        ctx.set('Retry-After', '600');
        return json(ctx, 429, refusal('request.rate-limited', 'Trop de demandes : réessayez dans 600 s.', { retryAfterSeconds: 600 }));
      }
      if (address in ACCOUNTS) sent.set(address, { code: '123456', token: randomBytes(24).toString('base64url') });
      return json(ctx, 202, { status: 'sent-if-account' });
    }
    if (ctx.method === 'POST' && path === '/staff/sign-in/verify') {
      const body = await readBody(ctx);
      const found = [...sent].find(([address, s]) =>
        body.token ? s.token === body.token : address === body.email && s.code === body.code,
      );
      if (!found) return json(ctx, 401, refusal('staff.sign-in-invalid', 'Lien ou code invalide.'));
      sent.delete(found[0]);
      const id = randomBytes(16).toString('base64url');
      const account = ACCOUNTS[found[0] as keyof typeof ACCOUNTS];
      const csrfToken = randomBytes(16).toString('base64url');
      sessions.set(id, { account, csrfToken });
      ctx.set('Set-Cookie', `gusp_session=${id}; Path=/; HttpOnly; SameSite=Lax`);
      return json(ctx, 200, { account, session: { id, csrfToken, expiresAt: new Date(Date.now() + 8 * 3600_000).toISOString() } });
    }
    if (ctx.method === 'GET' && path === '/staff/me') {
      const who = signedIn();
      if (!who) return;
      return json(ctx, 200, {
        role: who.account.role,
        ...('organisationId' in who.account ? { organisationId: who.account.organisationId, organisation: who.account.organisation } : {}),
        account: who.account,
        session: { id: sessionOf(ctx), csrfToken: who.csrfToken },
      });
    }
    if (ctx.method === 'POST' && path === '/staff/sign-out') {
      if (!signedIn()) return;
      sessions.delete(sessionOf(ctx) ?? '');
      ctx.set('Set-Cookie', 'gusp_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0');
      return json(ctx, 200, { signedOut: true });
    }
    if (ctx.method === 'GET' && path === '/walks') {
      const q = ctx.query as Record<string, string | undefined>;
      if (q.year !== undefined && !/^\d{4}$/.test(q.year)) return json(ctx, 400, refusal('request.invalid-query', 'Paramètre invalide.'));
      const statuses = q.status?.split(',');
      const matching = walks
        .filter((w) => (q.quartier === undefined || w.walk.quartierId === q.quartier) && (!statuses || statuses.includes(w.status)))
        .filter((w) => q.year === undefined || yearOf(w.walk.startsAt) === Number(q.year))
        .sort((a, b) => a.walk.startsAt.localeCompare(b.walk.startsAt));
      // Pages of 2, so every test of more than two walks follows `next`.
      const start = q.cursor ? Number(Buffer.from(q.cursor, 'base64url').toString('utf8')) : 0;
      const page = matching.slice(start, start + 2);
      const more = start + 2 < matching.length;
      return json(ctx, 200, {
        walks: page,
        ...(more ? { next: Buffer.from(String(start + 2)).toString('base64url') } : {}),
        city: valence,
      });
    }
    if (ctx.method === 'GET' && path === '/quartiers/coverage') {
      const year = Number((ctx.query.year as string | undefined) ?? new Date().getFullYear());
      const quartiers = valence.quartiers
        .filter((quartier) => quartier.priority)
        .map((quartier) => {
          const n = walks.filter(
            (w) => w.walk.quartierId === quartier.id && w.status !== 'cancelled' && yearOf(w.walk.startsAt) === year,
          ).length;
          return { quartierId: quartier.id, walks: n, covered: n > 0 };
        });
      return json(ctx, 200, { year, quartiers, uncovered: quartiers.filter((x) => !x.covered).map((x) => x.quartierId) });
    }
    return json(ctx, 404, refusal('request.not-found', 'Cette adresse n’existe pas.'));
  };
}
