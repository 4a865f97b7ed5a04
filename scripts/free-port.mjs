// SPDX-License-Identifier: EUPL-1.2
/**
 * A port nobody listens on right now (the system picks it), for the test runners' and benches'
 * servers: two checkouts, or two packages' runs at once, never collide on a fixed one.
 */
import { createServer } from 'node:net';

/** @returns {Promise<number>} */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
