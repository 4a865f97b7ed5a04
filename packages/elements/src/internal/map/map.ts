// SPDX-License-Identifier: EUPL-1.2
/**
 * `<gusp-map>`: the map the public elements (and the console) show beside a
 * list — never instead of it. The list (the route's stops, the observations)
 * stays the complete interface; this map is an enhancement kept in sync with
 * it: selecting a marker fires `gusp-map-select`, setting `selected` opens the
 * marker's card. It is a chunk of its own, loaded by `import()` when a map is
 * shown: no lit, no core, so the forms' bundles do not carry it.
 *
 * Keyboard: the map takes the focus (arrows pan, + and − zoom), each marker is
 * a button in the order of the list (Tab), Enter opens its card right after
 * it in reading order, Escape closes the card and gives the focus back to its
 * marker. « Passer la carte » skips it all. With `picker`, Space drops a pin
 * at the centre and the arrows move it (FixMyStreet#3321), a click places it
 * too, and where it is is said in words (distance and direction from the
 * nearest named point). Markers carry a number or a shape by kind, never a
 * colour alone.
 *
 * Without `tiles`, a schematic plan: the route and the points over the
 * quartier's `boundary` when known; no request leaves the page. With `tiles`
 * (the city profile's `map.tiles`), Leaflet 1.9 draws them underneath, from a
 * second chunk loaded then only, its CSS inside this shadow root.
 *
 * @fires gusp-map-select - `CustomEvent<{ id: string | undefined }>`: a marker was selected (or the card closed).
 * @fires gusp-map-pick - `CustomEvent<{ lat: number; lon: number; words: string }>`, cancelable: the picker's point was placed or moved;
 *   `words` says where (« Point placé à 40 mètres au nord-est de « 2. Square Dunant » »), announced by the map unless the host cancels the event to say it itself.
 */
import { textsOf, type MapTexts } from './map-texts.js';
import { boxCentre, compass, distance, fitZoom, toLatLon, toPixel, type LatLon } from './mercator.js';
import type { TileBackground, TileSource } from './leaflet-tiles.js';

/** A point on the map: a stop of the route or an observation. */
export interface MapPoint {
  readonly id: string;
  /** Its name, as the list says it: « 2. Square Dunant ». */
  readonly label: string;
  readonly lat: number;
  readonly lon: number;
  readonly description?: string | undefined;
  /** Drawn as a numbered disc (`stop`), a disc with « + » (`positive`) or a triangle with « ! » (`negative`). */
  readonly kind?: 'stop' | 'positive' | 'negative' | undefined;
  /** What the marker shows (a stop's number); the kind's sign by default. */
  readonly badge?: string | undefined;
}

/** A quartier's shape (GeoJSON, lon/lat). */
export type Boundary =
  | { readonly type: 'Polygon'; readonly coordinates: readonly (readonly (readonly number[])[])[] }
  | { readonly type: 'MultiPolygon'; readonly coordinates: readonly (readonly (readonly (readonly number[])[])[])[] };

const MIN_ZOOM = 3;
const FIT_MAX_ZOOM = 17;
const PAN_STEP = 80;
const PIN_STEP = 12;

const STYLE = `
:host{display:block;position:relative;max-inline-size:100%;--_map-h:var(--gusp-map-height,18rem)}
.vh{position:absolute!important;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.skip{position:absolute;inset-inline-start:0;inset-block-start:0;z-index:20;min-block-size:2.75rem;padding:.5rem .75rem;font:inherit;border:1px solid var(--_primary,#0a4a8f);border-radius:var(--_radius,.375rem);background:var(--_bg,#fff);color:var(--_primary,#0a4a8f);text-decoration:underline;cursor:pointer;transform:translateY(-200%)}
.skip:not(:focus){clip-path:inset(50%)}
.skip:focus{transform:none}
.viewport{position:relative;overflow:hidden;block-size:var(--_map-h);inline-size:100%;box-sizing:border-box;border:1px solid var(--_border,#6b6b6b);border-radius:var(--_radius,.375rem);background:var(--_surface,#f4f5f7);touch-action:none;cursor:grab;direction:ltr}
.viewport:focus-visible,button:focus-visible,.skip:focus-visible{outline:3px solid var(--_focus,#b34700);outline-offset:2px}
.tiles{position:absolute;inset:0;z-index:0}
svg{position:absolute;inset:0;z-index:1;pointer-events:none}
.boundary{fill:rgba(10,74,143,.08);stroke:var(--_primary,#0a4a8f);stroke-width:2;stroke-dasharray:6 4}
.route{fill:none;stroke:var(--_primary,#0a4a8f);stroke-width:4;stroke-linejoin:round;stroke-linecap:round}
.route-halo{fill:none;stroke:#fff;stroke-width:8;stroke-linejoin:round}
.pin{fill:var(--_error,#b00020);stroke:#fff;stroke-width:2}
.markers{position:absolute;inset:0;z-index:2;pointer-events:none}
.marker{position:absolute;inset-inline-start:0;inset-block-start:0;pointer-events:auto;box-sizing:border-box;min-inline-size:2rem;block-size:2rem;margin:-1rem 0 0 -1rem;padding:0 .35rem;border:2px solid #fff;border-radius:1rem;background:var(--_primary,#0a4a8f);color:var(--_on-primary,#fff);font:inherit;font-weight:700;line-height:1;cursor:pointer;box-shadow:0 0 0 1px var(--_text,#1b1b1b)}
.marker.positive{background:var(--_success,#1d6b34)}
.marker.negative{border-radius:0;clip-path:polygon(50% 0,100% 100%,0 100%);padding-block-start:.5rem;background:var(--_error,#b00020);box-shadow:none;border:0}
.marker[aria-expanded=true]{outline:3px solid var(--_text,#1b1b1b);outline-offset:1px;z-index:3}
.popup{position:absolute;z-index:4;pointer-events:auto;inline-size:max-content;max-inline-size:min(16rem,80%);padding:.5rem .75rem;border:1px solid var(--_border,#6b6b6b);border-radius:var(--_radius,.375rem);background:var(--_bg,#fff);color:var(--_text,#1b1b1b);box-shadow:0 2px 6px rgba(0,0,0,.3);cursor:auto}
.popup p{margin:0 0 .25rem}
.popup button,.zoom button{min-block-size:2.75rem;min-inline-size:2.75rem;font:inherit;border:1px solid var(--_border,#6b6b6b);border-radius:var(--_radius,.375rem);background:var(--_bg,#fff);color:var(--_primary,#0a4a8f);cursor:pointer}
.zoom{position:absolute;z-index:5;inset-block-start:.5rem;inset-inline-end:.5rem;display:flex;flex-direction:column;gap:.25rem}
.zoom button{font-size:1.25rem;font-weight:700;line-height:1}
.end{margin:0;block-size:1px;overflow:hidden;outline:0}
.attribution,.hint{margin:.25rem 0 0;font-size:.875rem;color:var(--_muted,#4d4d4d)}
`;

type Prop = 'points' | 'route' | 'boundary' | 'tiles' | 'selected' | 'picker' | 'pin' | 'centre' | 'reference' | 'label';
const PROPS: readonly Prop[] = ['points', 'route', 'boundary', 'tiles', 'selected', 'picker', 'pin', 'centre', 'reference', 'label'];

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};
/** Whether two lists hold the same points at the same places, in the same order. */
const samePoints = (a: readonly MapPoint[] | undefined, b: readonly MapPoint[] | undefined): boolean =>
  !!a &&
  !!b &&
  a.length === b.length &&
  a.every((p, i) => {
    const q = b[i]!;
    return p.id === q.id && p.lat === q.lat && p.lon === q.lon;
  });
const SVG = 'http://www.w3.org/2000/svg';
const sheet = (css: string): CSSStyleSheet => {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
};

export class GuspMap extends HTMLElement {
  /** The points, in the list's order (a route's order). */
  declare points: readonly MapPoint[];
  /** Joins the points by a line, in order: a walk's route. */
  declare route: boolean;
  /** The quartier's shape, drawn under the points. */
  declare boundary: Boundary | undefined;
  /** Tiles from the city profile's `map.tiles`; none: a schematic plan, no request. */
  declare tiles: TileSource | undefined;
  /** The id of the point whose card is open. */
  declare selected: string | undefined;
  /** Point picker: Space drops a pin, arrows move it. */
  declare picker: boolean;
  /** The picker's point. */
  declare pin: LatLon | undefined;
  /** Where to look when there is nothing to show (the quartier's centre). */
  declare centre: LatLon | undefined;
  /** What the picker's point is said from when there is no point nearer: « centre de Fontbarlettes ». */
  declare reference: MapPoint | undefined;
  /** The map's name: « Carte du parcours ». */
  declare label: string | undefined;

  private readonly state: Partial<Record<Prop, unknown>> = {};
  private readonly root: ShadowRoot;
  private view: LatLon = { lat: 46.6, lon: 2.4 };
  private zoom = 15;
  private fitted = false;
  private scheduled = false;
  private built = false;
  private readonly buttons = new Map<string, HTMLButtonElement>();
  private background: TileBackground | undefined;
  private backgroundFor: TileSource | undefined;
  private resizer: ResizeObserver | undefined;
  private drag: { x: number; y: number; moved: boolean; id: number } | undefined;
  private dom!: {
    skip: HTMLButtonElement;
    viewport: HTMLDivElement;
    tiles: HTMLDivElement;
    svg: SVGSVGElement;
    markers: HTMLDivElement;
    popup: HTMLDivElement;
    zoomIn: HTMLButtonElement;
    zoomOut: HTMLButtonElement;
    attribution: HTMLParagraphElement;
    keys: HTMLParagraphElement;
    summary: HTMLParagraphElement;
    live: HTMLParagraphElement;
    end: HTMLParagraphElement;
  };

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
  }

  static {
    for (const name of PROPS)
      Object.defineProperty(this.prototype, name, {
        get(this: GuspMap) {
          return name === 'points'
            ? (this.state.points ?? [])
            : name === 'route' || name === 'picker'
              ? !!this.state[name]
              : this.state[name];
        },
        set(this: GuspMap, value: unknown) {
          if (this.state[name] === value) return;
          // The same points again (a host re-rendering, `stops` mapped anew): the view the user zoomed and panned stays.
          const same = name === 'points' && samePoints(this.state.points as readonly MapPoint[] | undefined, value as readonly MapPoint[]);
          this.state[name] = value;
          if ((name === 'points' && !same) || name === 'boundary') this.fitted = false;
          this.schedule();
        },
      });
  }

  /**
   * A walk's stops, in the route's order: those with a point become numbered markers (« 2. Square Dunant »)
   * joined by the route's line. What the elements pass, so their bundles do not carry the mapping.
   */
  set stops(stops: readonly { id: string; label: string; description?: string | undefined; point?: LatLon | undefined }[]) {
    this.route = true;
    this.points = stops.flatMap((s, i) =>
      s.point ? [{ id: s.id, label: `${i + 1}. ${s.label}`, badge: `${i + 1}`, description: s.description, ...s.point }] : [],
    );
  }

  connectedCallback(): void {
    // Properties set before the element was defined (lit sets them on the plain element) shadow the accessors.
    for (const name of ['stops', ...PROPS])
      if (Object.hasOwn(this, name)) {
        const value = (this as Record<string, unknown>)[name];
        delete (this as Record<string, unknown>)[name];
        (this as Record<string, unknown>)[name] = value;
      }
    this.build();
    this.resizer = new ResizeObserver(() => {
      this.background?.resize();
      this.draw();
    });
    this.resizer.observe(this.dom.viewport);
    this.draw();
  }

  disconnectedCallback(): void {
    this.resizer?.disconnect();
    this.background?.remove();
    this.background = undefined;
    this.backgroundFor = undefined;
  }

  /** Resolves once the last change is drawn (and the tiles' chunk loaded, when there are tiles). */
  get updateComplete(): Promise<void> {
    return new Promise((resolve) => queueMicrotask(() => resolve(this.tilesLoading ?? undefined)));
  }
  private tilesLoading: Promise<void> | undefined;

  /** Moves the focus to the marker of `id` (from the list's « voir sur la carte »), opening its card. */
  focusPoint(id: string): void {
    this.selected = id;
    this.draw();
    this.buttons.get(id)?.focus();
  }

  /** Moves the focus to the map itself (the picker's keys work there). */
  override focus(options?: FocusOptions): void {
    this.build();
    this.dom.viewport.focus(options);
  }

  private get t(): MapTexts {
    return textsOf(this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang);
  }

  private schedule(): void {
    if (this.scheduled || !this.isConnected) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.draw();
    });
  }

  /* ---------------------------------------------------------------- structure */

  private build(): void {
    if (this.built) return;
    this.built = true;
    // A button, not `<a href="#end">`: a fragment does not reach into a shadow root.
    const skip = el('button', { type: 'button', class: 'skip', part: 'skip' });
    // `application`: a screen reader passes the arrows and + − through to the map (and IBM Equal Access wants a
    // tabbable element to have a widget role or this one); the markers inside stay buttons reached by Tab.
    const viewport = el('div', {
      class: 'viewport',
      tabindex: '0',
      role: 'application',
      'aria-describedby': 'summary keys',
      part: 'viewport',
    });
    const tiles = el('div', { class: 'tiles', 'aria-hidden': 'true' });
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const markers = el('div', { class: 'markers' });
    const popup = el('div', { class: 'popup', id: 'popup', role: 'group', 'aria-labelledby': 'popup-title', part: 'popup' });
    popup.hidden = true;
    const zoom = el('div', { class: 'zoom' });
    const zoomIn = el('button', { type: 'button', class: 'zoom-in' }, '+');
    const zoomOut = el('button', { type: 'button', class: 'zoom-out' }, '−');
    zoom.append(zoomIn, zoomOut);
    viewport.append(tiles, svg, markers, zoom);
    const attribution = el('p', { class: 'attribution', part: 'attribution' });
    const keys = el('p', { class: 'hint', id: 'keys' });
    const summary = el('p', { class: 'vh', id: 'summary' });
    const live = el('p', { class: 'vh', role: 'status' });
    // Where « Passer la carte » lands.
    const end = el('p', { id: 'end', tabindex: '-1', class: 'end' });
    // Constructed style sheets, as lit's: a strict Content-Security-Policy (no 'unsafe-inline' styles) lets them in.
    this.root.adoptedStyleSheets = [sheet(STYLE)];
    this.root.append(skip, viewport, attribution, keys, summary, live, end);
    this.dom = { skip, viewport, tiles, svg, markers, popup, zoomIn, zoomOut, attribution, keys, summary, live, end };

    // In the Tab order only while it holds the focus: Chromium's next Tab from a `tabindex="-1"` element
    // in a shadow root goes back to the root's first control instead of what follows the map.
    skip.addEventListener('click', () => {
      end.tabIndex = 0;
      end.focus();
    });
    end.addEventListener('blur', () => (end.tabIndex = -1));
    zoomIn.addEventListener('click', () => this.zoomBy(1));
    zoomOut.addEventListener('click', () => this.zoomBy(-1));
    viewport.addEventListener('keydown', (e) => this.onKeydown(e));
    viewport.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    viewport.addEventListener('pointermove', (e) => this.onPointerMove(e));
    viewport.addEventListener('pointerup', (e) => this.onPointerUp(e));
    viewport.addEventListener('pointercancel', () => (this.drag = undefined));
    markers.addEventListener('focusin', (e) => {
      const id = (e.target as HTMLElement).dataset.id;
      const p = id && this.points.find((q) => q.id === id);
      if (p) this.keepVisible(p);
    });
  }

  /* ---------------------------------------------------------------- view */

  private size(): { w: number; h: number } {
    const v = this.dom.viewport;
    return { w: v.clientWidth || 320, h: v.clientHeight || 288 };
  }

  private get maxZoom(): number {
    return this.tiles?.maxZoom ?? 19;
  }

  /** Every point to fit in view at first: the points, the pin, the boundary's outer rings, else the centre. */
  private extent(): LatLon[] {
    const all: LatLon[] = [...this.points];
    if (this.pin) all.push(this.pin);
    const b = this.boundary;
    const rings = b ? (b.type === 'Polygon' ? [b.coordinates[0] ?? []] : b.coordinates.map((p) => p[0] ?? [])) : [];
    // The quartier's shape frames the view when there is not enough else to (the picker without stops); a route frames itself.
    if (all.length < 2) for (const ring of rings) for (const [lon, lat] of ring) all.push({ lat: lat!, lon: lon! });
    if (all.length === 0 && this.centre) all.push(this.centre);
    return all;
  }

  private fit(): void {
    const { w, h } = this.size();
    const all = this.extent();
    if (all.length === 0) return;
    this.view = boxCentre(all);
    this.zoom = Math.max(MIN_ZOOM, Math.floor(fitZoom(all, w, h, 32, Math.min(FIT_MAX_ZOOM, this.maxZoom))));
    this.fitted = true;
  }

  private px(p: LatLon): { x: number; y: number } {
    const { w, h } = this.size();
    const a = toPixel(p, this.zoom);
    const c = toPixel(this.view, this.zoom);
    return { x: a.x - c.x + w / 2, y: a.y - c.y + h / 2 };
  }

  private at(x: number, y: number): LatLon {
    const { w, h } = this.size();
    const c = toPixel(this.view, this.zoom);
    const p = toLatLon(c.x + x - w / 2, c.y + y - h / 2, this.zoom);
    return { lat: Math.round(p.lat * 1e6) / 1e6, lon: Math.round(p.lon * 1e6) / 1e6 };
  }

  private panBy(dx: number, dy: number): void {
    const c = toPixel(this.view, this.zoom);
    this.view = toLatLon(c.x + dx, c.y + dy, this.zoom);
    this.draw();
  }

  private zoomBy(delta: number): void {
    this.zoom = Math.max(MIN_ZOOM, Math.min(this.maxZoom, this.zoom + delta));
    this.draw();
  }

  /** Pans so that `p` is inside the view, 40 px from the edges. */
  private keepVisible(p: LatLon): void {
    const { w, h } = this.size();
    const { x, y } = this.px(p);
    const m = 40;
    const dx = x < m ? x - m : x > w - m ? x - (w - m) : 0;
    const dy = y < m ? y - m : y > h - m ? y - (h - m) : 0;
    if (dx || dy) this.panBy(dx, dy);
  }

  /* ---------------------------------------------------------------- drawing */

  private draw(): void {
    if (!this.built || !this.isConnected) return;
    const t = this.t;
    const d = this.dom;
    // Framed once it has a size (a map drawn while hidden is framed when it shows: the ResizeObserver draws again).
    if (!this.fitted && this.dom.viewport.clientWidth > 0) this.fit();
    const { w, h } = this.size();

    d.skip.textContent = t.skip;
    d.end.textContent = t.end;
    d.viewport.setAttribute('aria-label', this.label ? `${t.map} : ${this.label}` : t.map);
    d.zoomIn.setAttribute('aria-label', t.zoomIn);
    d.zoomOut.setAttribute('aria-label', t.zoomOut);
    d.zoomIn.disabled = this.zoom >= this.maxZoom;
    d.zoomOut.disabled = this.zoom <= MIN_ZOOM;
    d.keys.textContent = this.picker ? t.pickerKeys : t.keys;
    d.summary.textContent = t.summary(this.points.length, this.route);
    d.attribution.textContent = this.tiles ? this.tiles.attribution : t.schematic;
    d.viewport.style.cursor = this.picker ? 'crosshair' : '';

    this.drawTiles();
    this.drawShapes(w, h);
    this.drawMarkers(t);
  }

  private drawTiles(): void {
    const tiles = this.tiles;
    if (tiles !== this.backgroundFor) {
      this.background?.remove();
      this.background = undefined;
      this.backgroundFor = tiles;
      this.dom.tiles.replaceChildren();
      if (!tiles) return;
      const container = el('div', { class: 'tiles' });
      this.dom.tiles.append(container);
      this.tilesLoading = import('./leaflet-tiles.js').then(
        ({ tileBackground, LEAFLET_CSS }) => {
          if (this.backgroundFor !== tiles) return;
          this.root.adoptedStyleSheets = [sheet(LEAFLET_CSS), ...this.root.adoptedStyleSheets];
          this.background = tileBackground(container, tiles, this.view.lat, this.view.lon, this.zoom);
        },
        // Without the chunk (offline), the schematic plan stays.
        () => undefined,
      );
    }
    this.background?.setView(this.view.lat, this.view.lon, this.zoom);
  }

  private drawShapes(w: number, h: number): void {
    const svg = this.dom.svg;
    svg.setAttribute('width', String(w));
    svg.setAttribute('height', String(h));
    svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
    const parts: SVGElement[] = [];
    const path = (cls: string, d: string) => {
      const p = document.createElementNS(SVG, 'path');
      p.setAttribute('class', cls);
      p.setAttribute('d', d);
      parts.push(p);
    };
    const line = (pts: readonly LatLon[], close: boolean) =>
      pts.map((p, i) => `${i ? 'L' : 'M'}${this.px(p).x.toFixed(1)} ${this.px(p).y.toFixed(1)}`).join('') + (close ? 'Z' : '');
    const b = this.boundary;
    if (b) {
      const polygons = b.type === 'Polygon' ? [b.coordinates] : b.coordinates;
      const d = polygons
        .map((rings) =>
          rings
            .map((ring) =>
              line(
                ring.map(([lon, lat]) => ({ lat: lat!, lon: lon! })),
                true,
              ),
            )
            .join(''),
        )
        .join('');
      if (d) path('boundary', d);
    }
    if (this.route && this.points.length > 1) {
      const d = line(this.points, false);
      path('route-halo', d);
      path('route', d);
    }
    if (this.pin) {
      const { x, y } = this.px(this.pin);
      // A drop shape whose tip is the point.
      path('pin', `M${x} ${y}l-9 -16a11 11 0 1 1 18 0z`);
      const c = document.createElementNS(SVG, 'circle');
      c.setAttribute('cx', String(x));
      c.setAttribute('cy', String(y - 22));
      c.setAttribute('r', '4');
      c.setAttribute('fill', '#fff');
      parts.push(c);
    }
    svg.replaceChildren(...parts);
  }

  private drawMarkers(t: MapTexts): void {
    const box = this.dom.markers;
    const ids = new Set(this.points.map((p) => p.id));
    for (const [id, button] of this.buttons)
      if (!ids.has(id)) {
        button.remove();
        this.buttons.delete(id);
      }
    // The card moves, never a marker: moving a focused button in the DOM would drop the focus.
    const open = this.selected === undefined ? undefined : this.buttons.get(this.selected);
    if (this.dom.popup.parentNode && (!open || open.nextElementSibling !== this.dom.popup)) this.dom.popup.remove();
    let previous: Element | null = null;
    for (const p of this.points) {
      let button = this.buttons.get(p.id);
      if (!button) {
        button = el('button', { type: 'button', part: 'marker', 'data-id': p.id });
        button.addEventListener('click', () => this.select(this.selected === p.id ? undefined : p.id));
        this.buttons.set(p.id, button);
      }
      const kind = p.kind ?? 'stop';
      button.className = `marker ${kind}`;
      const badge = p.badge ?? (kind === 'positive' ? '+' : kind === 'negative' ? '!' : '•');
      if (button.dataset.text !== `${badge}|${p.label}`) {
        button.dataset.text = `${badge}|${p.label}`;
        button.replaceChildren(el('span', { 'aria-hidden': 'true' }, badge), el('span', { class: 'vh' }, p.label));
      }
      const { x, y } = this.px(p);
      button.style.transform = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px)`;
      button.setAttribute('aria-expanded', String(this.selected === p.id));
      // Only the open card is in the DOM: only its marker names it.
      if (this.selected === p.id) button.setAttribute('aria-controls', 'popup');
      else button.removeAttribute('aria-controls');
      // In the list's order, so Tab and a screen reader's reading follow the route.
      const expected: Element | null = previous ? previous.nextElementSibling : box.firstElementChild;
      if (expected !== button) {
        if (previous) previous.after(button);
        else box.prepend(button);
      }
      previous = button;
      if (this.selected === p.id) {
        this.fillPopup(p, t, x, y);
        // The card right after its marker: the next Tab and the reading order reach it (Leaflet#8115).
        if (button.nextElementSibling !== this.dom.popup) button.after(this.dom.popup);
        previous = this.dom.popup;
      }
    }
    if (!this.points.some((p) => p.id === this.selected)) this.dom.popup.hidden = true;
  }

  private fillPopup(p: MapPoint, t: MapTexts, x: number, y: number): void {
    const popup = this.dom.popup;
    const close = el('button', { type: 'button', class: 'close' }, t.close);
    close.addEventListener('click', () => this.closePopup());
    const title = el('p', { id: 'popup-title' });
    title.append(el('strong', {}, p.label));
    popup.replaceChildren(title, ...(p.description ? [el('p', {}, p.description)] : []), close);
    popup.hidden = false;
    const { w } = this.size();
    // Above the marker, kept inside the map's width.
    popup.style.insetInlineStart = `${Math.max(4, Math.min(x - 80, w - 180))}px`;
    popup.style.insetBlockStart = '';
    popup.style.insetBlockEnd = '';
    if (y > 130) popup.style.insetBlockEnd = `${this.size().h - y + 22}px`;
    else popup.style.insetBlockStart = `${y + 22}px`;
  }

  private select(id: string | undefined): void {
    this.selected = id;
    this.draw();
    this.dispatchEvent(new CustomEvent('gusp-map-select', { detail: { id }, bubbles: true }));
  }

  /** Closes the open card; the focus goes back to its marker (Leaflet#8114). */
  private closePopup(): void {
    const id = this.selected;
    if (id === undefined) return;
    this.select(undefined);
    this.buttons.get(id)?.focus();
  }

  /* ---------------------------------------------------------------- keys and pointer */

  private onKeydown(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const onMap = e.target === this.dom.viewport;
    const step = e.shiftKey ? 4 : 1;
    const arrows: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const arrow = arrows[e.key];
    if (e.key === 'Escape' && this.selected !== undefined) {
      e.preventDefault();
      e.stopPropagation();
      this.closePopup();
    } else if (arrow) {
      e.preventDefault();
      if (this.picker && this.pin) {
        const { x, y } = this.px(this.pin);
        this.place(this.at(x + arrow[0] * PIN_STEP * step, y + arrow[1] * PIN_STEP * step));
      } else this.panBy(arrow[0] * PAN_STEP * step, arrow[1] * PAN_STEP * step);
    } else if (e.key === '+' || e.key === '=') {
      e.preventDefault();
      this.zoomBy(1);
    } else if (e.key === '-' || e.key === '−' || e.key === '_') {
      e.preventDefault();
      this.zoomBy(-1);
    } else if (onMap && this.picker && (e.key === ' ' || e.key === 'Enter')) {
      e.preventDefault();
      const { w, h } = this.size();
      this.place(this.at(w / 2, h / 2));
    }
  }

  private onPointerDown(e: PointerEvent): void {
    if ((e.target as Element).closest('button, .popup') || e.button !== 0) return;
    this.drag = { x: e.clientX, y: e.clientY, moved: false, id: e.pointerId };
  }

  private onPointerMove(e: PointerEvent): void {
    const d = this.drag;
    if (!d || d.id !== e.pointerId) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 5) return;
    if (!d.moved) this.dom.viewport.setPointerCapture?.(e.pointerId);
    d.moved = true;
    d.x = e.clientX;
    d.y = e.clientY;
    this.panBy(-dx, -dy);
  }

  private onPointerUp(e: PointerEvent): void {
    const d = this.drag;
    this.drag = undefined;
    if (!d || d.moved || !this.picker) return;
    const r = this.dom.viewport.getBoundingClientRect();
    this.place(this.at(e.clientX - r.left, e.clientY - r.top));
  }

  /** Places the picker's pin, keeps it in view, says where it is and fires `gusp-map-pick`. */
  private place(p: LatLon): void {
    this.pin = p;
    this.draw();
    this.keepVisible(p);
    const words = this.words(p);
    // A host that says the words itself (the issue form's position line) cancels the event: said once, not twice.
    const said = !this.dispatchEvent(
      new CustomEvent('gusp-map-pick', { detail: { lat: p.lat, lon: p.lon, words }, bubbles: true, cancelable: true }),
    );
    this.dom.live.textContent = said ? '' : words;
  }

  /** The pin in words: from the nearest named point, else its coordinates. */
  words(p: LatLon): string {
    const t = this.t;
    let nearest: MapPoint | undefined;
    for (const q of this.points) if (!nearest || distance(p, q) < distance(p, nearest)) nearest = q;
    nearest ??= this.reference;
    if (nearest) {
      const m = Math.round(distance(p, nearest));
      if (m < 5) return t.placedOn(nearest.label);
      if (m <= 2000) return t.placedNear(m, t.directions[compass(nearest, p)]!, nearest.label);
    }
    const f = (n: number) => n.toLocaleString(t.intl, { minimumFractionDigits: 5, maximumFractionDigits: 5 });
    return t.placedAt(f(p.lat), f(p.lon));
  }
}

if (!customElements.get('gusp-map')) customElements.define('gusp-map', GuspMap);

declare global {
  interface HTMLElementTagNameMap {
    'gusp-map': GuspMap;
  }
}
