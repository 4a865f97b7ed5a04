// SPDX-License-Identifier: EUPL-1.2
/**
 * `gusp-server qpv import`: the official boundaries of a city's QPVs, from the
 * national file of the quartiers prioritaires (the ANCT's GeoJSON on
 * data.gouv.fr), into the city profile. Only the features whose code is one of
 * the profile's `qpvCode`s are kept; the rest of the profile is left as written.
 * Pure: reading and writing files is the command line's (cli.ts).
 */
import { parseCity, type Boundary, type GeoPosition, type GuspError, type LinearRing } from '@gusp/core';

/**
 * The properties that carry a QPV's code, its name and its commune, as the national files name
 * them: the 2024 file (`code_qp`, `lib_qp`, `insee_com`, `lib_com`), the data.gouv.fr export
 * (`code_qp`, `nom_qp`, `commune_qp`), ArcGIS services (`Code_QP`, `Lib_QP`) and the 2015 file
 * (`CODE_QP`, `NOM_QP`, `COMMUNE_QP`). Keys are compared without case.
 */
const CODE_KEYS = ['code_qp', 'code_quartier', 'codeqp', 'code'];
const NAME_KEYS = ['lib_qp', 'nom_qp', 'libelle_qp', 'lib_quartier', 'nom'];
const COMMUNE_KEYS = ['lib_com', 'commune_qp', 'nom_com', 'communes', 'insee_com'];

/** A property of a feature by any of these names, without case. */
function property(properties: unknown, keys: readonly string[]): string | undefined {
  if (properties === null || typeof properties !== 'object') return undefined;
  const byLower = new Map(Object.entries(properties).map(([k, v]) => [k.toLowerCase(), v]));
  for (const key of keys) {
    const value = byLower.get(key);
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}

/** One QPV found in the file for a quartier of the profile. */
export interface QpvFound {
  readonly quartierId: string;
  readonly qpvCode: string;
  /** The QPV's name in the file (`lib_qp`, `nom_qp`). */
  readonly name: string | undefined;
  readonly commune: string | undefined;
  /** How many polygons, and positions in all, once written. */
  readonly polygons: number;
  readonly positions: number;
}

/** A quartier whose code the file does not have. */
export interface QpvMissing {
  readonly quartierId: string;
  readonly qpvCode: string;
}

export type QpvImport =
  | {
      readonly ok: true;
      /** The profile as written, each found quartier with its `boundary` and `boundarySource`. */
      readonly profile: Record<string, unknown>;
      readonly found: readonly QpvFound[];
      readonly missing: readonly QpvMissing[];
      /** Quartiers without a `qpvCode`: left as they are. */
      readonly withoutCode: readonly string[];
    }
  | {
      readonly ok: false;
      /** Why nothing can be written: not a FeatureCollection, not WGS 84, or the profile refused by `parseCity`. */
      readonly problem: 'not-a-feature-collection' | 'not-wgs84' | 'no-qpv-code' | 'profile-invalid' | 'profile-not-an-object';
      readonly error?: GuspError;
      readonly detail?: string;
    };

/** Six decimals of a degree: about 0.1 m, finer than any official boundary, and a bounded file. */
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** Positions as `[lon, lat]` (altitude dropped, rounded), repeated neighbours merged, closed. */
function cleanRing(ring: unknown): LinearRing | 'not-wgs84' | undefined {
  if (!Array.isArray(ring)) return undefined;
  const out: GeoPosition[] = [];
  for (const p of ring as unknown[]) {
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') return undefined;
    const [lon, lat] = [round(p[0]), round(p[1])];
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return 'not-wgs84';
    const last = out[out.length - 1];
    if (!last || last[0] !== lon || last[1] !== lat) out.push([lon, lat]);
  }
  const [first, last] = [out[0], out[out.length - 1]];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out.length >= 4 ? out : undefined;
}

/**
 * A ring simplified by Douglas–Peucker within `metres` (positions projected on the plane tangent
 * at the ring's first latitude, exact enough at a quartier's scale), closed and of 4 positions at
 * least; the ring as it is when it would become smaller than that.
 */
export function simplifyRing(ring: LinearRing, metres: number): LinearRing {
  if (metres <= 0 || ring.length <= 4) return ring;
  const lat0 = ((ring[0]?.[1] ?? 0) * Math.PI) / 180;
  const xy = ring.map(([lon, lat]) => [lon * 111_320 * Math.cos(lat0), lat * 110_540] as const);
  const keep = new Uint8Array(ring.length);
  const distance = (p: readonly number[], a: readonly number[], b: readonly number[]) => {
    const [px = 0, py = 0] = p;
    const [ax = 0, ay = 0] = a;
    const [bx = 0, by = 0] = b;
    const dx = bx - ax;
    const dy = by - ay;
    const length = dx * dx + dy * dy;
    const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
    return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
  };
  const stack: [number, number][] = [];
  // A closed ring: split at the position farthest from the first, then simplify each half.
  const [x0 = 0, y0 = 0] = xy[0] ?? [];
  let far = 1;
  let farthest = -1;
  xy.forEach(([x = 0, y = 0], i) => {
    const d = Math.hypot(x - x0, y - y0);
    if (i > 0 && i < ring.length - 1 && d > farthest) [far, farthest] = [i, d];
  });
  keep[0] = keep[far] = keep[ring.length - 1] = 1;
  stack.push([0, far], [far, ring.length - 1]);
  while (stack.length > 0) {
    const [from, to] = stack.pop() as [number, number];
    let worst = -1;
    let at = -1;
    for (let i = from + 1; i < to; i++) {
      const d = distance(xy[i] as readonly number[], xy[from] as readonly number[], xy[to] as readonly number[]);
      if (d > worst) [worst, at] = [d, i];
    }
    if (at !== -1 && worst > metres) {
      keep[at] = 1;
      stack.push([from, at], [at, to]);
    }
  }
  const simplified = ring.filter((_, i) => keep[i] === 1);
  return simplified.length >= 4 ? simplified : ring;
}

/** The polygons of a feature's geometry (Polygon or MultiPolygon), each as its cleaned rings. */
function polygonsOf(geometry: unknown): LinearRing[][] | 'not-wgs84' {
  const g = (geometry ?? {}) as { type?: unknown; coordinates?: unknown };
  const raw = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' && Array.isArray(g.coordinates) ? g.coordinates : [];
  const polygons: LinearRing[][] = [];
  for (const polygon of raw as unknown[]) {
    if (!Array.isArray(polygon)) continue;
    const rings: LinearRing[] = [];
    for (const [i, ring] of (polygon as unknown[]).entries()) {
      const cleaned = cleanRing(ring);
      if (cleaned === 'not-wgs84') return 'not-wgs84';
      if (cleaned) rings.push(cleaned);
      else if (i === 0) break; // no outline: the polygon is left out
    }
    if (rings.length > 0) polygons.push(rings);
  }
  return polygons;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Writes the boundaries of the national QPV file into a city profile, for the quartiers whose
 * `qpvCode` the file has (a code on several features — a QPV in parts — becomes one
 * MultiPolygon). `approximate` goes, `boundarySource` says which file and when. The result is
 * checked with `parseCity`; nothing is written when it is refused.
 */
export function importQpvBoundaries(
  national: unknown,
  profile: unknown,
  options: {
    readonly source: string;
    readonly date: string;
    readonly locale?: string;
    /** Douglas–Peucker tolerance in metres (`--simplify`): lighter shapes for the browsers' maps; none by default. */
    readonly simplifyMetres?: number;
  },
): QpvImport {
  if (!isRecord(profile)) return { ok: false, problem: 'profile-not-an-object' };
  if (!isRecord(national) || national.type !== 'FeatureCollection' || !Array.isArray(national.features))
    return { ok: false, problem: 'not-a-feature-collection' };
  const crs = JSON.stringify((national as { crs?: unknown }).crs ?? '');
  if (/EPSG:{1,2}(2154|3857|3950|3949|3948|3947|3946|3945|3944|3943|3942)\b/.test(crs))
    return { ok: false, problem: 'not-wgs84', detail: crs };
  const quartiers = Array.isArray(profile.quartiers) ? (profile.quartiers as unknown[]).filter(isRecord) : [];
  const wanted = new Map<string, Record<string, unknown>>();
  const withoutCode: string[] = [];
  for (const q of quartiers) {
    if (typeof q.qpvCode === 'string' && q.qpvCode !== '') wanted.set(q.qpvCode.toUpperCase(), q);
    else withoutCode.push(String(q.id));
  }
  if (wanted.size === 0) return { ok: false, problem: 'no-qpv-code' };

  const byCode = new Map<string, { polygons: LinearRing[][]; name?: string; commune?: string }>();
  for (const feature of national.features as unknown[]) {
    if (!isRecord(feature)) continue;
    const code = property(feature.properties, CODE_KEYS)?.toUpperCase();
    if (code === undefined || !wanted.has(code)) continue;
    const polygons = polygonsOf(feature.geometry);
    if (polygons === 'not-wgs84') return { ok: false, problem: 'not-wgs84', detail: code };
    const tolerance = options.simplifyMetres ?? 0;
    if (tolerance > 0) for (const rings of polygons) rings.forEach((r, i) => (rings[i] = simplifyRing(r, tolerance)));
    const entry = byCode.get(code) ?? { polygons: [] };
    entry.polygons.push(...polygons);
    entry.name ??= property(feature.properties, NAME_KEYS);
    entry.commune ??= property(feature.properties, COMMUNE_KEYS);
    byCode.set(code, entry);
  }

  const found: QpvFound[] = [];
  const missing: QpvMissing[] = [];
  const written = (Array.isArray(profile.quartiers) ? (profile.quartiers as unknown[]) : []).map((q) => {
    if (!isRecord(q)) return q;
    const code = typeof q.qpvCode === 'string' ? q.qpvCode.toUpperCase() : undefined;
    if (code === undefined || !wanted.has(code)) return q;
    const entry = byCode.get(code);
    if (!entry || entry.polygons.length === 0) {
      missing.push({ quartierId: String(q.id), qpvCode: String(q.qpvCode) });
      return q;
    }
    const boundary: Boundary =
      entry.polygons.length === 1
        ? { type: 'Polygon', coordinates: entry.polygons[0] as LinearRing[] }
        : { type: 'MultiPolygon', coordinates: entry.polygons };
    const positions = entry.polygons.flat().reduce((n, r) => n + r.length, 0);
    found.push({
      quartierId: String(q.id),
      qpvCode: String(q.qpvCode),
      name: entry.name,
      commune: entry.commune,
      polygons: entry.polygons.length,
      positions,
    });
    const { approximate: _approximate, ...rest } = q;
    const label = entry.name ? ` « ${entry.name} »` : '';
    return {
      ...rest,
      boundary,
      boundarySource: `ANCT, quartier prioritaire ${String(q.qpvCode)}${label}, ${options.source}, importé le ${options.date}`.slice(
        0,
        300,
      ),
    };
  });
  const next = { ...profile, quartiers: Array.isArray(profile.quartiers) ? written : profile.quartiers };
  const checked = parseCity(next, options.locale);
  if (!checked.ok) return { ok: false, problem: 'profile-invalid', error: checked.error };
  return { ok: true, profile: next, found, missing, withoutCode };
}
