// SPDX-License-Identifier: EUPL-1.2
/** The proof-of-work challenge public writes need when the server asks for one (see `http/challenge.ts`). */
import type { RouteDeps } from '../http/context.js';
import { jsonAnswer, route, type RouteGroup } from '../http/route.js';

const CHALLENGE = {
  type: 'object',
  description: 'An ALTCHA challenge (v1): find `number` ≤ `maxnumber` with SHA-256(`salt` + `number`) = `challenge`.',
  properties: {
    algorithm: { const: 'SHA-256' },
    challenge: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    maxnumber: { type: 'integer', minimum: 1 },
    salt: { type: 'string', description: 'Holds the expiry (`?expires=<seconds since 1970>&`), signed with the rest.' },
    signature: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  },
  required: ['algorithm', 'challenge', 'maxnumber', 'salt', 'signature'],
};

export function challengeRoutes(deps: RouteDeps): RouteGroup {
  const { options, refuse } = deps;
  return {
    base: '/api/challenge',
    tag: 'challenge',
    description:
      'Proof of work (ALTCHA, self-hosted: no third party, no cookie). When the server asks for it (on by default off loopback), public writes — sign-ups, observations, photos, Open311 requests — carry a solved challenge; staff with a token do not.',
    routes: [
      route(deps, {
        method: 'get',
        path: '/',
        summary: 'A new proof-of-work challenge, valid 10 minutes for one public write',
        description:
          'Solve it (find `number`), then send `base64(JSON.stringify({ algorithm, challenge, number, salt, signature }))` as the `X-Altcha` header of the write (for Open311, the `altcha` field also works). Each solution is accepted once, by any server of the database. 404 (`request.not-found`) when the server asks for none.',
        responses: { 200: jsonAnswer('The challenge, in the format of the ALTCHA widget’s `challengeurl`.', CHALLENGE) },
        handler: async (c) => {
          const pow = options.proofOfWork;
          if (!pow) return refuse(c, 'request.not-found', { path: c.req.path });
          return c.json(await pow.challenge(), 200, { 'Cache-Control': 'no-store' });
        },
      }),
    ],
  };
}
