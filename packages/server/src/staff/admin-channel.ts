// SPDX-License-Identifier: EUPL-1.2
/**
 * The admin channel: how `gusp-server staff invite` and `token create|revoke` reach a running
 * server. With PGlite the running server holds the data directory (its lock, db.ts): nothing else
 * may open the database, and opening it took 14–28 s anyway. So a server with a data directory also
 * listens on a Unix socket there, `<data-dir>/admin/gusp.sock` (the directory 0700, the socket
 * 0600: only the operating-system user who runs the server, who can read the data anyway), which
 * takes these three commands and nothing else. The CLI tries it first and opens the database
 * itself when no server answers.
 *
 * This module imports nothing but Node's own: the CLI loads it before the rest of the server
 * (which takes seconds to load), so the command answers in well under 2 s.
 */
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';

export type AdminCommand = 'staff-invite' | 'token-create' | 'token-revoke';

/** What a command answers: its result, or a refusal (code and localized message). */
export type AdminAnswer =
  { readonly ok: true; readonly value: Record<string, unknown> } | { readonly ok: false; readonly code: string; readonly message: string };

/** The socket of a data directory. */
export const adminSocketPath = (dataDir: string) => join(dataDir, 'admin', 'gusp.sock');

/** Unix sockets' paths are limited (108 bytes on Linux, 104 on macOS). */
const MAX_SOCKET_PATH = 100;

/**
 * Listens on the data directory's socket and answers `handle`'s results. Any previous socket file
 * is removed first: the caller holds the data directory's lock, so it was a dead server's.
 * `undefined` when the path is too long for a socket (the CLI then says to stop the server).
 */
export async function listenAdminChannel(
  dataDir: string,
  handle: (command: AdminCommand, input: Record<string, unknown>) => Promise<AdminAnswer>,
): Promise<{ readonly path: string; close(): Promise<void> } | undefined> {
  const path = adminSocketPath(dataDir);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH) return undefined;
  mkdirSync(join(dataDir, 'admin'), { recursive: true, mode: 0o700 });
  chmodSync(join(dataDir, 'admin'), 0o700);
  rmSync(path, { force: true });
  const server = createServer((req, res) => void answer(req, res, handle));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return {
    path,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          rmSync(path, { force: true });
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

const COMMANDS: readonly AdminCommand[] = ['staff-invite', 'token-create', 'token-revoke'];

async function answer(req: IncomingMessage, res: ServerResponse, handle: Parameters<typeof listenAdminChannel>[1]) {
  const reply = (status: number, body: AdminAnswer) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const command = (req.url ?? '').replace(/^\//, '') as AdminCommand;
  if (req.method !== 'POST' || !COMMANDS.includes(command))
    return reply(404, { ok: false, code: 'request.not-found', message: 'Unknown admin command / commande inconnue' });
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > 16_384) return reply(413, { ok: false, code: 'request.too-large', message: 'Too large / trop volumineux' });
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return reply(400, { ok: false, code: 'request.invalid-json', message: 'Invalid JSON / JSON invalide' });
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return reply(400, { ok: false, code: 'request.invalid-json', message: 'Invalid JSON / JSON invalide' });
  try {
    const result = await handle(command, input as Record<string, unknown>);
    reply(result.ok ? 200 : 422, result);
  } catch (e) {
    reply(500, { ok: false, code: 'internal.error', message: String((e as Error)?.message ?? e) });
  }
}

/**
 * Sends a command to the server of this data directory; `undefined` when none listens (no socket,
 * or a dead server's).
 */
export function callAdminChannel(dataDir: string, command: AdminCommand, input: Record<string, unknown>): Promise<AdminAnswer | undefined> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: adminSocketPath(dataDir), path: `/${command}`, method: 'POST', timeout: 30_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(text) as AdminAnswer);
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error('The running server did not answer in 30 s / le serveur n’a pas répondu en 30 s')));
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT' || e.code === 'ECONNREFUSED' || e.code === 'ENOTSOCK') resolve(undefined);
      else reject(e);
    });
    req.end(JSON.stringify(input));
  });
}
