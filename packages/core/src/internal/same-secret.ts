// SPDX-License-Identifier: EUPL-1.2
/**
 * Compares a secret given by a client with the stored one in time that does
 * not depend on where they differ, so response times tell nothing about the
 * token (the core runs in browsers too: no node:crypto).
 */
export function sameSecret(given: string, expected: string): boolean {
  let diff = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= (given.charCodeAt(i) | 0) ^ expected.charCodeAt(i);
  return diff === 0 && expected.length > 0;
}
