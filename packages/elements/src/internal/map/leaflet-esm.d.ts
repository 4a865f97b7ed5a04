// SPDX-License-Identifier: EUPL-1.2
// Leaflet's ES module build (its package's `main` is the UMD one): the same API as @types/leaflet describes.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
