// SPDX-License-Identifier: EUPL-1.2
/**
 * What an element needs in its own bundle to offer a map: whether it is shown,
 * the `import()` of `<gusp-map>`'s chunk when it is asked for (never before),
 * the point selected in the list and on the map, and the city profile's tiles
 * and a quartier's shape read without depending on their types (a profile
 * without them is the usual case). Everything else is in the chunk.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Boundary, GuspMap } from './map.js';
import type { TileSource } from './leaflet-tiles.js';

/** `map` attribute of the public elements: `button` (default) offers the map, `open` shows it at once, `none` never. */
export type MapMode = 'button' | 'open' | 'none';

export class MapController implements ReactiveController {
  /** Shown (its chunk has arrived). */
  shown = false;
  /** The chunk could not be loaded: the list stays, with a word. */
  failed = false;
  /** The point selected in the list or on the map. */
  selected: string | undefined;
  private opened = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly mode: () => string | undefined,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    if (this.mode() === 'open' && !this.opened) void this.show();
  }

  /** Loads the map's chunk and shows it; resolves once it is drawn. */
  async show(): Promise<void> {
    this.opened = true;
    try {
      await import('./map.js');
      this.shown = true;
    } catch {
      this.failed = true;
    }
    this.host.requestUpdate();
    await this.host.updateComplete;
  }

  /** Shows or hides the map; resolves with whether it is shown (and drawn). */
  toggle = async (): Promise<boolean> => {
    if (this.shown) {
      this.shown = false;
      this.host.requestUpdate();
    } else await this.show();
    return this.shown;
  };

  /** The map in the host's shadow root, once shown. */
  get map(): GuspMap | null {
    return this.host.shadowRoot?.querySelector('gusp-map') ?? null;
  }

  /** Selects `id` in the list and on the map, and moves the focus to its marker (the list's « voir sur la carte »). */
  focus(id: string): void {
    this.selected = id;
    this.host.requestUpdate();
    this.map?.focusPoint(id);
  }

  onSelect = (e: CustomEvent<{ id: string | undefined }>): void => {
    this.selected = e.detail.id;
    this.host.requestUpdate();
  };
}

/** The city profile's `map.tiles`, if any (no tiles: a schematic plan, no request). */
export const tilesOf = (city: unknown): TileSource | undefined => (city as { map?: { tiles?: TileSource } } | undefined)?.map?.tiles;

/** A quartier's `boundary`, if the profile has one. */
export const boundaryOf = (quartier: unknown): Boundary | undefined => (quartier as { boundary?: Boundary } | undefined)?.boundary;
