// SPDX-License-Identifier: EUPL-1.2
/**
 * A strict reading of RFC 7946, written from the RFC (not from the exports it checks), for what
 * @placemarkio/check-geojson lets through: positions of exactly two numbers in range, [lon, lat]
 * (§3.1.1, §4), LineStrings of two positions at least (§3.1.4), rings closed and of four positions
 * at least (§3.1.6), wound by the right-hand rule (outlines counter-clockwise, holes clockwise,
 * §3.1.6), no `crs` (§4), feature ids strings or numbers (§3.2). Returns the problems found.
 */
export function rfc7946Problems(text: string): string[] {
  const problems: string[] = [];
  const doc = JSON.parse(text) as Record<string, unknown>;
  const at = (path: string, problem: string) => problems.push(`${path}: ${problem}`);
  const position = (p: unknown, path: string) => {
    if (!Array.isArray(p) || p.length !== 2 || !p.every((n) => typeof n === 'number' && Number.isFinite(n)))
      return at(path, 'a position is two numbers');
    const [lon, lat] = p as [number, number];
    if (lon < -180 || lon > 180) at(path, `longitude ${lon} out of range`);
    if (lat < -90 || lat > 90) at(path, `latitude ${lat} out of range`);
  };
  const area = (ring: number[][]) =>
    ring.slice(0, -1).reduce((sum, [x1 = 0, y1 = 0], i) => {
      const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
      return sum + x1 * y2 - x2 * y1;
    }, 0);
  const ring = (r: unknown, path: string, outline: boolean) => {
    if (!Array.isArray(r) || r.length < 4) return at(path, 'a ring has four positions at least');
    r.forEach((p, i) => position(p, `${path}.${i}`));
    const first = r[0] as number[];
    const last = r[r.length - 1] as number[];
    if (first[0] !== last[0] || first[1] !== last[1]) at(path, 'a ring ends where it starts');
    const a = area(r as number[][]);
    if (outline ? a <= 0 : a >= 0) at(path, outline ? 'an outline is counter-clockwise' : 'a hole is clockwise');
  };
  const polygon = (rings: unknown, path: string) => {
    if (!Array.isArray(rings) || rings.length === 0) return at(path, 'a polygon has one ring at least');
    rings.forEach((r, i) => ring(r, `${path}.${i}`, i === 0));
  };
  const geometry = (g: unknown, path: string) => {
    if (g === null) return;
    const { type, coordinates: c, ...rest } = (g ?? {}) as Record<string, unknown>;
    if (Object.keys(rest).some((k) => k !== 'bbox')) at(path, `unexpected members ${Object.keys(rest).join(', ')}`);
    if (type === 'Point') position(c, `${path}.coordinates`);
    else if (type === 'LineString') {
      if (!Array.isArray(c) || c.length < 2) at(path, 'a LineString has two positions at least');
      else c.forEach((p, i) => position(p, `${path}.coordinates.${i}`));
    } else if (type === 'Polygon') polygon(c, `${path}.coordinates`);
    else if (type === 'MultiPolygon') {
      if (!Array.isArray(c) || c.length === 0) at(path, 'a MultiPolygon has one polygon at least');
      else c.forEach((p, i) => polygon(p, `${path}.coordinates.${i}`));
    } else at(path, `unexpected geometry type ${String(type)}`);
  };
  if (doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) return ['not a FeatureCollection'];
  if ('crs' in doc) at('', 'no crs member (§4)');
  (doc.features as Record<string, unknown>[]).forEach((f, i) => {
    if (f.type !== 'Feature') at(`features.${i}`, 'not a Feature');
    if ('id' in f && typeof f.id !== 'string' && typeof f.id !== 'number') at(`features.${i}.id`, 'a string or a number');
    if (!('geometry' in f)) at(`features.${i}`, 'a Feature has a geometry member');
    if (f.properties !== null && (typeof f.properties !== 'object' || Array.isArray(f.properties)))
      at(`features.${i}.properties`, 'an object or null');
    geometry(f.geometry, `features.${i}.geometry`);
  });
  return problems;
}
