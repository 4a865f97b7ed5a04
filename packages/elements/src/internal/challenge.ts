// SPDX-License-Identifier: EUPL-1.2
/**
 * The proof of work a GUSP server may ask of public writes: an ALTCHA challenge
 * (v1), solved here with Web Crypto instead of altcha-lib's browser part, which
 * would cost the forms several kilobytes for the same loop.
 */

/** What `GET {endpoint}/challenge` answers. */
export interface Challenge {
  readonly algorithm: string;
  readonly challenge: string;
  readonly maxnumber: number;
  readonly salt: string;
  readonly signature: string;
}

/** Digests at once: Web Crypto answers each asynchronously, so a batch hides most of the wait. */
const BATCH = 500;

/**
 * Finds the number `n` ≤ `maxnumber` whose SHA-256 of `salt + n` is the
 * challenge, and returns the `X-Altcha` value. Awaits between batches, so the
 * page stays responsive on a slow phone, however long it takes.
 */
export async function solve(c: Challenge): Promise<string> {
  const encoder = new TextEncoder();
  for (let start = 0; start <= c.maxnumber; start += BATCH) {
    const hashes = await Promise.all(
      Array.from({ length: BATCH }, (_, i) => crypto.subtle.digest('SHA-256', encoder.encode(c.salt + (start + i)))),
    );
    const found = hashes.findIndex((h) => Array.from(new Uint8Array(h), (b) => b.toString(16).padStart(2, '0')).join('') === c.challenge);
    // The challenge's own fields and the number: the server reads those (and ignores `maxnumber`).
    if (found >= 0) return btoa(JSON.stringify({ ...c, number: start + found }));
  }
  throw new Error('No proof-of-work solution');
}
