// SPDX-License-Identifier: EUPL-1.2
/** The server's command line run as a real child process: a free port, start until /healthz answers, stop. */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A port nobody listens on now, on 127.0.0.1. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

export interface Child {
  readonly process: ChildProcess;
  readonly exited: Promise<number | null>;
  /** What it wrote so far, stdout and stderr. */
  output(): string;
}

/** `node …args` in the background (cwd, env), ready once GET `${url}/healthz` answers (60 s at most). */
export async function startUntilHealthy(
  args: readonly string[],
  url: string,
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Child> {
  const child = spawn(process.execPath, [...args], {
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: options.env ?? process.env,
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (gone) throw new Error(`gusp-server exited before /healthz answered:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`/healthz did not answer in 60 s:\n${out}`);
    }
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { process: child, exited, output: () => out };
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** SIGTERM, and a clean exit (code 0). */
export async function stopChild(child: Child | undefined): Promise<void> {
  if (!child || child.process.exitCode !== null) return;
  child.process.kill('SIGTERM');
  assert.equal(await child.exited, 0, child.output());
}

/** A `gusp-server start` child that logged its "listening" line, with the URL it gave. */
export interface ListeningChild extends Child {
  readonly url: string;
}

/** The server's command line from its sources (tsx, `@gusp/source`), as the process tests run it. */
export const CLI_FROM_SOURCES = ['--conditions=@gusp/source', '--import', 'tsx', 'src/cli.ts'] as const;

/**
 * `gusp-server start --port 0 …args` from the sources (in `cwd`, the server package), once it logs
 * its "listening" line (60 s at most); rejects with its output if it exits before.
 */
export function startListening(args: readonly string[], cwd: string): Promise<ListeningChild> {
  const child = spawn(process.execPath, [...CLI_FROM_SOURCES, 'start', '--port', '0', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.includes('"listening"'));
      if (line) {
        clearTimeout(timer);
        resolve({ process: child, url: (JSON.parse(line) as { url: string }).url, exited, output: () => out });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}
