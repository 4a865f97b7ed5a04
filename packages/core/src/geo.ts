// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';

/** A point in WGS 84 (GeoJSON order is lon/lat; here the fields are named). */
export const GeoPoint = /* @__PURE__ */ z.object({
  lat: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.gte(-90), /* @__PURE__ */ z.lte(90)),
  lon: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.gte(-180), /* @__PURE__ */ z.lte(180)),
});
export type GeoPoint = z.infer<typeof GeoPoint>;
