// SPDX-License-Identifier: EUPL-1.2
/**
 * What an element needs in its own bundle to offer a map: whether it is shown,
 * the `import()` of `<gusp-map>`'s chunk when it is asked for (never before),
 * the point selected in the list and on the map. Everything else is in the chunk.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GuspMap } from './map.js';

/** `map` attribute of the public elements: `button` (default) offers the map, `open` shows it at once, `none` never. */
export type MapMode = 'button' | 'open' | 'none';

export class MapController implements ReactiveController {
  /** What the shown map is of (a walk's id in a list of walks; `''` for an element's only map); none: hidden. */
  openKey: string | undefined;
  /** The chunk could not be loaded: the list stays, with a word. */
  failed = false;
  /** The point selected in the list or on the map. */
  selected: string | undefined;
  private opened = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The key of the map to show at once (`map="open"`), if any. */
    private readonly autoOpen: () => string | undefined,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const key = this.opened ? undefined : this.autoOpen();
    if (key !== undefined) void this.show(key);
  }

  /** Shown (its chunk has arrived). */
  get shown(): boolean {
    return this.openKey !== undefined;
  }

  /** Loads the map's chunk and shows the map of `key`; resolves once it is drawn. */
  async show(key = ''): Promise<void> {
    this.opened = true;
    if (this.openKey !== key) this.selected = undefined;
    try {
      await import('./map.js');
      this.openKey = key;
      this.failed = false;
    } catch {
      this.failed = true;
    }
    this.host.requestUpdate();
    await this.host.updateComplete;
  }

  /** Shows or hides the map of `key`; resolves with whether it is shown (and drawn). */
  toggle = async (key = ''): Promise<boolean> => {
    if (this.openKey === key) {
      this.openKey = undefined;
      this.host.requestUpdate();
    } else await this.show(key);
    return this.openKey === key;
  };

  /** The map in the host's shadow root, once shown. */
  get map(): GuspMap | null | undefined {
    return this.host.shadowRoot?.querySelector('gusp-map');
  }

  /** Selects `id` in the list and on the map, and moves the focus to its marker (the list's « voir sur la carte »). */
  focus(id: string): void {
    this.onSelect({ detail: { id } });
    this.map?.focusPoint(id);
  }

  onSelect = (e: { detail: { id: string | undefined } }): void => {
    this.selected = e.detail.id;
    this.host.requestUpdate();
  };
}
