// SPDX-License-Identifier: EUPL-1.2
/**
 * The sign-ups' load generator of the server's benches: `total` POSTs of JSON
 * with `CONCURRENCY` keep-alive connections, a 10 s timeout each. Used by
 * run.ts (in the servers' process) and by the root's bench/server/against.mjs
 * (in a process of its own); types in load.d.mts.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export const CONCURRENCY = 50;

/** Sends `total` POSTs to `base`; `path(i)` and `body(i)` make request i. */
export async function load(base, total, path, body) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const url = new URL(base);
  const latencies = [];
  const bodies = [];
  let errors = 0;
  let next = 0;
  const one = (i) =>
    new Promise((resolve) => {
      const payload = JSON.stringify(body(i));
      const t0 = performance.now();
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: path(i),
          timeout: 10_000,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (text += c));
          res.on('end', () => {
            latencies.push(performance.now() - t0);
            if (res.statusCode !== 201) errors++;
            else bodies.push(JSON.parse(text));
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(payload);
    });
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) await one(next++);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { seconds, rps: total / seconds, p99: latencies[Math.floor(latencies.length * 0.99)] ?? Number.NaN, errors, bodies };
}
