// SPDX-License-Identifier: EUPL-1.2
/**
 * The REAL GUSP server for the console's browser tests (node side of test/real.ts): started once,
 * lazily, in this process (the test runner's, under tsx), on PGlite in memory, Valence seeded, its
 * emails sent over SMTP to a real SMTP server of the test (packages/server/test/smtp-capture.ts).
 * `/real/api/*` is proxied to the server's `/api/*`, bytes as they are both ways, so the page
 * talks to it same-origin: the session cookie is the server's own (HttpOnly, set for this origin),
 * and the server's public URL is this test server's origin, so its CSRF check (`Origin` equal to
 * the public origin, plus the session's `X-CSRF-Token`) runs as in production.
 *
 * Test hooks under `/real/__test/`:
 * - `GET ready`: answers once the server has started (starting it).
 * - `POST sign-in-as` `{ role, organisationId?, name? }`: invites a new account of that role
 *   (`server.staff.invite`, which emails the invitation), then signs it in the real way — `POST
 *   /api/staff/sign-in`, the 6-digit code read from the email the SMTP server received, `POST
 *   /api/staff/sign-in/verify` — and answers verify's answer with its `Set-Cookie`: the browser
 *   holds the real session cookie. `{ account, session: { id, csrfToken, expiresAt } }`.
 * - `GET mails?to=<address>`: the messages the SMTP server received for that address, oldest first
 *   (`{ to, subject, text, html, attachments: [{ filename, contentType }] }`).
 * - `POST fail` `{ path, status, times? }`: a faulty network in front of the server: the next
 *   `times` (1) requests of `path` (under the API, `/walks`, query ignored, any method) get
 *   `status` from the proxy without reaching the server (a JSON refusal), or, with `status: 0`,
 *   a connection dropped without an answer.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';

/**
 * The server's modules, imported when the first test asks (a run of the stub's tests never loads
 * them), by paths the console's typecheck does not follow (they are the server's: outside this
 * package's rootDir); the little of them used here is typed below.
 */
const SERVER_SRC = new URL('../../server/src/', import.meta.url).href;
const SERVER_TEST = new URL('../../server/test/', import.meta.url).href;

interface RunningServer {
  readonly url: string;
  readonly staff: {
    invite(input: {
      email: string;
      name?: string;
      role: string;
      organisationId?: string;
      invitedBy: string;
      locale?: string;
    }): Promise<unknown>;
  };
  close(): Promise<void>;
}

/** A message as mailparser parses it (packages/server/test/smtp-capture.ts). */
interface ParsedMail {
  readonly to?: Addresses | readonly Addresses[];
  readonly subject?: string;
  readonly text?: string;
  readonly html?: string | false;
  readonly attachments: readonly { readonly filename?: string; readonly contentType: string }[];
}
interface Addresses {
  readonly value: readonly { readonly address?: string }[];
}

interface SmtpCapture {
  readonly messages: ParsedMail[];
  close(): Promise<void>;
}

/** The first recipient of a message (as smtp-capture.ts's `to`). */
const to = (m: ParsedMail): string | undefined => {
  const first: Addresses | undefined = Array.isArray(m.to) ? (m.to as readonly Addresses[])[0] : (m.to as Addresses | undefined);
  return first?.value[0]?.address;
};

/** The part of Koa's context the middleware uses (web-test-runner's server is Koa). */
interface Ctx {
  method: string;
  path: string;
  querystring: string;
  query: Record<string, string | string[] | undefined>;
  req: IncomingMessage;
  status: number;
  body: unknown;
  respond?: boolean;
  get(name: string): string;
  set(name: string, value: string | string[]): void;
}

interface Real {
  readonly server: RunningServer;
  readonly mailbox: SmtpCapture;
}

export const REAL_BASE = '/real';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer', 'host']);

const readBody = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The middleware (and a `stop` for the runner's end), for a test server reached at `origin`
 * (`http://localhost:<port>`: what the browser sends as `Origin`).
 */
export function realServer(origin: string) {
  let starting: Promise<Real> | undefined;
  const fail = new Map<string, { status: number; times: number }>();
  let invited = 0;

  const real = () =>
    (starting ??= (async () => {
      const { startServer } = (await import(`${SERVER_SRC}server.ts`)) as { startServer: (options: object) => Promise<RunningServer> };
      const { seedValence } = (await import(`${SERVER_SRC}seed/valence.ts`)) as { seedValence: (store: unknown) => Promise<void> };
      const { notifyingTo, startSmtpCapture } = (await import(`${SERVER_TEST}smtp-capture.ts`)) as {
        notifyingTo: (capture: SmtpCapture) => object;
        startSmtpCapture: () => Promise<SmtpCapture>;
      };
      const mailbox = await startSmtpCapture();
      const server = await startServer({
        beforeListen: (gusp: { store: unknown }) => seedValence(gusp.store),
        notifications: notifyingTo(mailbox),
        publicUrl: origin,
        proofOfWork: false,
        photoSweep: false,
        // Every request comes from 127.0.0.1 (this proxy): the per-client limits would be the whole run's.
        rateLimit: { perMinute: 1_000_000, burst: 1_000_000 },
        staff: { signInLimits: { perClient: 1_000_000, verifyPerClient: 1_000_000 } },
      });
      return { server, mailbox };
    })());

  /** One request to the server, bytes as given; the answer whole. */
  const forward = (
    server: RunningServer,
    method: string,
    path: string,
    headers: Record<string, string | string[]>,
    body: Buffer,
  ): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        `${server.url}${path}`,
        { method, headers: { ...headers, 'content-length': String(body.length) } },
        (res) => {
          readBody(res).then((bytes) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: bytes }), reject);
        },
      );
      outgoing.once('error', reject);
      outgoing.end(body);
    });

  const json = (ctx: Ctx, status: number, body: unknown) => {
    ctx.status = status;
    ctx.set('Content-Type', 'application/json; charset=utf-8');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = JSON.stringify(body);
  };

  /** The messages received for `address`, once there are at least `count`. */
  const mailsTo = async (mailbox: SmtpCapture, address: string, count: number, ms = 20_000) => {
    const end = Date.now() + ms;
    for (;;) {
      const mails = mailbox.messages.filter((m) => to(m)?.toLowerCase() === address.toLowerCase());
      if (mails.length >= count) return mails;
      if (Date.now() > end) throw new Error(`no email #${count} to ${address} within ${ms} ms`);
      await sleep(25);
    }
  };

  const signInAs = async (ctx: Ctx) => {
    const { server, mailbox } = await real();
    const input = JSON.parse((await readBody(ctx.req)).toString('utf8') || '{}') as {
      role?: string;
      organisationId?: string;
      name?: string;
    };
    const role = input.role ?? 'coordinator';
    const email = `${role}-${Date.now().toString(36)}-${++invited}@valence.example`;
    await server.staff.invite({
      email,
      name: input.name ?? `${role} ${invited}`,
      role,
      ...(input.organisationId ? { organisationId: input.organisationId } : {}),
      invitedBy: 'test',
      locale: 'fr',
    });
    // The invitation first (so the code is read from the sign-in email, not from it).
    await mailsTo(mailbox, email, 1);
    const post = (path: string, body: unknown) =>
      forward(
        server,
        'POST',
        `/api${path}`,
        { 'content-type': 'application/json', origin, 'accept-language': 'fr' },
        Buffer.from(JSON.stringify(body)),
      );
    const asked = await post('/staff/sign-in', { email });
    if (asked.status !== 202) throw new Error(`sign-in: ${asked.status} ${asked.body.toString('utf8')}`);
    const mail = (await mailsTo(mailbox, email, 2))[1];
    const code = /\b(\d{6})\b/.exec(mail?.text ?? '')?.[1];
    if (!code) throw new Error(`no 6-digit code in the sign-in email to ${email}`);
    const verified = await post('/staff/sign-in/verify', { email, code });
    ctx.status = verified.status;
    ctx.set('Content-Type', 'application/json; charset=utf-8');
    ctx.set('Cache-Control', 'no-store');
    const cookies = verified.headers['set-cookie'];
    if (cookies) ctx.set('Set-Cookie', cookies);
    ctx.body = verified.body;
  };

  /** Connections a request came on (any request of the test server's): a later one on them is on a kept-alive connection. */
  const seen = new WeakSet<object>();

  const middleware = async (ctx: Ctx, next: () => Promise<void>) => {
    const reused = seen.has(ctx.req.socket);
    seen.add(ctx.req.socket);
    if (!ctx.path.startsWith(`${REAL_BASE}/`)) return next();
    const path = ctx.path.slice(REAL_BASE.length);
    if (path === '/__test/ready') {
      await real();
      return json(ctx, 200, { ready: true });
    }
    if (path === '/__test/sign-in-as' && ctx.method === 'POST') return signInAs(ctx);
    if (path === '/__test/mails') {
      const { mailbox } = await real();
      const address = String(ctx.query.to ?? '').toLowerCase();
      return json(
        ctx,
        200,
        mailbox.messages
          .filter((m) => to(m)?.toLowerCase() === address)
          .map((m) => ({
            to: to(m),
            subject: m.subject ?? '',
            text: m.text ?? '',
            html: typeof m.html === 'string' ? m.html : '',
            attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType })),
          })),
      );
    }
    if (path === '/__test/fail' && ctx.method === 'POST') {
      const body = JSON.parse((await readBody(ctx.req)).toString('utf8') || '{}') as { path: string; status: number; times?: number };
      fail.set(body.path, { status: Number(body.status), times: Number(body.times ?? 1) });
      return json(ctx, 200, { ok: true });
    }
    if (!path.startsWith('/api/'))
      return json(ctx, 404, { error: { code: 'request.not-found', message: 'Not a test route', details: {} } });

    const failing = fail.get(path.slice('/api'.length));
    if (failing && failing.times > 0) {
      failing.times--;
      await readBody(ctx.req);
      if (failing.status === 0) {
        // The connection drops: no answer at all. Chromium sends a request again, once, when a kept-alive
        // connection closes before answering (it may have gone stale): that retry is dropped too.
        if (reused) failing.times++;
        ctx.status = 502;
        ctx.respond = false;
        ctx.req.socket.destroy();
        return;
      }
      return json(ctx, failing.status, {
        error: {
          code: failing.status === 401 ? 'auth.session-invalid' : 'internal.error',
          message: `test: ${failing.status}`,
          details: {},
        },
      });
    }

    const { server } = await real();
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(ctx.req.headers)) {
      // Uncompressed answers (the test server may compress them itself), and no hop-by-hop headers.
      if (value === undefined || HOP_BY_HOP.has(name) || name === 'accept-encoding') continue;
      headers[name] = value;
    }
    const answer = await forward(
      server,
      ctx.method,
      `${path}${ctx.querystring ? `?${ctx.querystring}` : ''}`,
      headers,
      await readBody(ctx.req),
    );
    ctx.status = answer.status;
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value === undefined || HOP_BY_HOP.has(name) || name === 'content-length') continue;
      ctx.set(name, value);
    }
    ctx.body = answer.body;
  };

  const stop = async () => {
    if (!starting) return;
    const { server, mailbox } = await starting;
    await server.close();
    await mailbox.close();
  };

  return { middleware, stop };
}
