// SPDX-License-Identifier: EUPL-1.2
import type { Catalogue, CataloguePart } from './types.js';

/** A whole catalogue, the union of its domain parts. */
export function catalogue(locale: string, parts: readonly CataloguePart[]): Catalogue {
  const errors: Record<string, Catalogue['errors'][string]> = {};
  const labels: Record<string, string> = {};
  for (const part of parts) {
    Object.assign(errors, part.errors);
    Object.assign(labels, part.labels);
  }
  return { locale, errors, labels };
}
