// SPDX-License-Identifier: EUPL-1.2
/**
 * The tiles under `<gusp-map>`, drawn by Leaflet 1.9: a chunk of its own,
 * fetched only when the city's profile names tiles and a map is shown.
 * Leaflet draws the tiles only; the markers, the route, the keys and the words
 * are the map element's own (the same with or without tiles), so Leaflet's
 * accessibility gaps (focus after a marker, popups out of reading order, no
 * Escape: Leaflet#8114, #8115, #6551) do not reach this map. Every Leaflet
 * handler is off: the element pans and zooms and Leaflet follows.
 */
// The ambient module of Leaflet's ES build, so every package that compiles this file (stories, console) finds it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./leaflet-esm.d.ts" />
import { map as leafletMap, tileLayer } from 'leaflet/dist/leaflet-src.esm.js';

export interface TileSource {
  readonly url: string;
  readonly attribution: string;
  readonly maxZoom?: number | undefined;
}

export interface TileBackground {
  setView(lat: number, lon: number, zoom: number): void;
  resize(): void;
  remove(): void;
}

/** Leaflet's rules that tiles need (from its leaflet.css), inside the map's shadow root. */
export const LEAFLET_CSS = `
.leaflet-pane,.leaflet-tile,.leaflet-tile-container,.leaflet-layer{position:absolute;left:0;top:0}
.leaflet-container{overflow:hidden;background:#ddd;outline:0}
.leaflet-tile{user-select:none;-webkit-user-drag:none;visibility:hidden;border:0;padding:0;margin:0}
.leaflet-tile-loaded{visibility:inherit}
.leaflet-container .leaflet-tile{max-width:none!important;max-height:none!important;width:auto}
.leaflet-tile-container{pointer-events:none}
.leaflet-zoom-animated{transform-origin:0 0}
.leaflet-pane{z-index:400}.leaflet-tile-pane{z-index:200}
`;

export function tileBackground(container: HTMLElement, source: TileSource, lat: number, lon: number, zoom: number): TileBackground {
  const maxZoom = source.maxZoom ?? 19;
  const map = leafletMap(container, {
    center: [lat, lon],
    zoom,
    maxZoom,
    zoomControl: false,
    attributionControl: false,
    keyboard: false,
    dragging: false,
    touchZoom: false,
    scrollWheelZoom: false,
    doubleClickZoom: false,
    boxZoom: false,
    zoomAnimation: false,
    fadeAnimation: false,
    markerZoomAnimation: false,
    inertia: false,
  });
  tileLayer(source.url, { maxZoom, attribution: '' }).addTo(map);
  return {
    setView: (la, lo, z) => map.setView([la, lo], z, { animate: false }),
    resize: () => map.invalidateSize({ animate: false }),
    remove: () => map.remove(),
  };
}
