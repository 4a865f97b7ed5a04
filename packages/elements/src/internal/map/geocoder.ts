// SPDX-License-Identifier: EUPL-1.2
/**
 * Address completion for the issue form (issue 16), a chunk of its own fetched
 * the first time a person types in the address field of a city whose profile
 * names a geocoder (`map.geocoder.url`): the Géoplateforme's completion
 * service, which answers `{ results: [{ fulltext, x, y, … }] }` (x the
 * longitude, y the latitude), keyless, 10 requests a second at most per
 * address. Requests leave at least 100 ms apart (the form also waits for a
 * pause in the typing), a newer one aborts the older, and any failure (offline,
 * a refusal, a strange answer) gives no suggestion: the text typed stays the
 * address, as without completion.
 */
export interface Suggestion {
  readonly label: string;
  readonly lat: number;
  readonly lon: number;
}

/** The Géoplateforme's limit: 10 requests a second. */
const MIN_INTERVAL_MS = 100;
let last = 0;
let pending: AbortController | undefined;

export async function complete(url: string, text: string, near?: { lat: number; lon: number }): Promise<Suggestion[]> {
  pending?.abort();
  const controller = new AbortController();
  pending = controller;
  const wait = last + MIN_INTERVAL_MS - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  if (controller.signal.aborted) return [];
  last = Date.now();
  const u = new URL(url, document.baseURI);
  u.searchParams.set('text', text);
  u.searchParams.set('type', 'StreetAddress,PositionOfInterest');
  u.searchParams.set('maxResponses', '5');
  if (near) u.searchParams.set('lonlat', `${near.lon},${near.lat}`);
  try {
    const response = await fetch(u, { signal: controller.signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
    if (!response.ok) return [];
    const body = (await response.json()) as { results?: unknown };
    const results = Array.isArray(body.results) ? (body.results as { fulltext?: unknown; x?: unknown; y?: unknown }[]) : [];
    return results.flatMap((r) =>
      typeof r.fulltext === 'string' && typeof r.x === 'number' && typeof r.y === 'number' && Math.abs(r.y) <= 90 && Math.abs(r.x) <= 180
        ? [{ label: r.fulltext.slice(0, 300), lat: r.y, lon: r.x }]
        : [],
    );
  } catch {
    return [];
  }
}
