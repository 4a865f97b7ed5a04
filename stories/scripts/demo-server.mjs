// SPDX-License-Identifier: EUPL-1.2
/**
 * The real demo server for the stories' scripts (the demo page's audit, the guide's pictures):
 * `gusp-server start --seed valence` on a data directory and a free port.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../scripts/free-port.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** Starts the real server; resolves with its URL and a stop function. */
export async function startDemoServer(dataDir) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['packages/server/bin/gusp-server.mjs', 'start', '--port', String(port), '--data-dir', dataDir, '--seed', 'valence'],
    { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start in 60 s:\n${output}`)), 60_000);
    const read = (chunk) => {
      output += chunk;
      for (const line of output.split('\n')) {
        try {
          const entry = JSON.parse(line);
          if (entry.msg === 'listening') {
            clearTimeout(timer);
            resolve(entry.url);
          }
        } catch {
          // Not a JSON log line.
        }
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`The server exited (${code}):\n${output}`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return { url, stop };
}
