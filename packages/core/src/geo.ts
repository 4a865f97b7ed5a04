// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';

/** A point in WGS 84 (GeoJSON order is lon/lat; here the fields are named). */
export const GeoPoint = /* @__PURE__ */ z.object({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lon: z.number().check(z.gte(-180), z.lte(180)),
});
export type GeoPoint = z.infer<typeof GeoPoint>;
