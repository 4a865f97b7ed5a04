// SPDX-License-Identifier: EUPL-1.2
/**
 * The inbox's photo redaction: rectangles drawn on a photo with a pointer (mouse, finger, pen), or
 * added and set with the keyboard (a rectangle is a button: arrows move it, Shift + arrows resize
 * it; or its four fields in pixels), then sent to be blurred. Coordinates are the stored image's
 * pixels (`naturalWidth` × `naturalHeight`), whatever size it is shown at.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { InboxTexts } from '../translations/inbox.js';

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Open {
  readonly photoId: string;
  regions: Region[];
  natural?: { readonly width: number; readonly height: number };
  selected: number;
  error?: string;
  sending?: boolean;
  /** The rectangle being drawn: where the pointer went down. */
  drawing?: { readonly x: number; readonly y: number; readonly pointer: number };
}

export const redactionStyles = css`
  .canvas {
    position: relative;
    display: inline-block;
    max-inline-size: 100%;
    touch-action: none;
    cursor: crosshair;
  }
  .canvas img {
    display: block;
    inline-size: 100%;
    max-inline-size: 40rem;
    block-size: auto;
    user-select: none;
  }
  .canvas .region {
    position: absolute;
    min-height: 0;
    padding: 0;
    border: 3px solid var(--_error);
    background: rgb(255 255 255 / 0.25);
    border-radius: 0;
  }
  .canvas .region[aria-pressed='true'] {
    border-style: dashed;
    outline: 3px solid var(--_primary);
  }
  .regions {
    list-style: none;
    padding: 0;
  }
  .regions fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
    align-items: flex-end;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin-block: 0.5rem;
  }
  .regions .field {
    flex: 1 1 5rem;
  }
  .regions input {
    max-inline-size: 7rem;
  }
`;

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

export class RedactionController implements ReactiveController {
  /** The photo being redacted, with its rectangles; none when the editor is closed. */
  open: Open | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: {
      /** Sends the rectangles; resolves with a message when refused or failed, nothing when done. */
      readonly send: (photoId: string, regions: readonly Region[]) => Promise<string | undefined>;
      readonly texts: () => InboxTexts;
    },
  ) {
    host.addController(this);
  }

  /** A page that leaves the screen closes the editor. */
  hostDisconnected(): void {
    this.open = undefined;
  }

  /** Opens the editor for `photoId`. */
  start(photoId: string): void {
    this.open = { photoId, regions: [], selected: -1 };
    this.host.requestUpdate();
    void this.focusLater('inbox-region-add');
  }

  close(): void {
    if (!this.open) return;
    this.open = undefined;
    this.host.requestUpdate();
  }

  private focusLater(id: string): Promise<void> {
    return (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete.then(() => {
      this.host.shadowRoot?.querySelector<HTMLElement>(`#${id}`)?.focus();
    });
  }

  private get natural() {
    return this.open?.natural ?? { width: 1, height: 1 };
  }

  private changed(): void {
    if (this.open) this.open.error = undefined;
    this.host.requestUpdate();
  }

  /** A rectangle kept inside the image, at least 4 pixels a side. */
  private fit(r: Region): Region {
    const { width, height } = this.natural;
    const w = clamp(Math.round(r.width), 4, width);
    const h = clamp(Math.round(r.height), 4, height);
    return { x: clamp(Math.round(r.x), 0, width - w), y: clamp(Math.round(r.y), 0, height - h), width: w, height: h };
  }

  /** Adds a rectangle in the middle, a quarter of the image a side, selected and focused. */
  add(): void {
    const open = this.open;
    // Before the image has loaded, its size is unknown: nothing to place yet.
    if (!open?.natural) return;
    const { width, height } = this.natural;
    open.regions.push(this.fit({ x: width * 0.375, y: height * 0.375, width: width / 4, height: height / 4 }));
    open.selected = open.regions.length - 1;
    this.changed();
    void this.focusLater(`inbox-region-${open.selected}`);
  }

  remove(i: number): void {
    const open = this.open;
    if (!open) return;
    open.regions.splice(i, 1);
    open.selected = Math.min(open.selected, open.regions.length - 1);
    this.changed();
    void this.focusLater('inbox-region-add');
  }

  private set(i: number, patch: Partial<Region>): void {
    const open = this.open;
    const r = open?.regions[i];
    if (!open || !r) return;
    open.regions[i] = this.fit({ ...r, ...patch });
    this.changed();
  }

  /** Arrows move the focused rectangle (10 px; Shift: resize it), Delete removes it. */
  private keyDown(e: KeyboardEvent, i: number): void {
    const r = this.open?.regions[i];
    if (!r) return;
    const step = Math.max(1, Math.round(this.natural.width / 50));
    const delta: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const d = delta[e.key];
    if (d) {
      e.preventDefault();
      e.stopPropagation();
      if (e.shiftKey) this.set(i, { width: r.width + d[0], height: r.height + d[1] });
      else this.set(i, { x: r.x + d[0], y: r.y + d[1] });
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      e.stopPropagation();
      this.remove(i);
    }
  }

  /** The image pixel under a pointer event. */
  private pixelOf(e: PointerEvent, canvas: HTMLElement): { x: number; y: number } {
    const box = canvas.getBoundingClientRect();
    const { width, height } = this.natural;
    return {
      x: clamp(((e.clientX - box.left) / Math.max(1, box.width)) * width, 0, width),
      y: clamp(((e.clientY - box.top) / Math.max(1, box.height)) * height, 0, height),
    };
  }

  private pointerDown(e: PointerEvent): void {
    const open = this.open;
    if (!open?.natural || e.button !== 0) return;
    if ((e.target as HTMLElement).dataset.region !== undefined) return;
    const canvas = e.currentTarget as HTMLElement;
    canvas.setPointerCapture(e.pointerId);
    const at = this.pixelOf(e, canvas);
    open.drawing = { ...at, pointer: e.pointerId };
    open.regions.push({ x: Math.round(at.x), y: Math.round(at.y), width: 1, height: 1 });
    open.selected = open.regions.length - 1;
    e.preventDefault();
    this.changed();
  }

  private pointerMove(e: PointerEvent): void {
    const open = this.open;
    const from = open?.drawing;
    if (!open || !from || from.pointer !== e.pointerId) return;
    const at = this.pixelOf(e, e.currentTarget as HTMLElement);
    open.regions[open.selected] = {
      x: Math.round(Math.min(from.x, at.x)),
      y: Math.round(Math.min(from.y, at.y)),
      width: Math.round(Math.abs(at.x - from.x)),
      height: Math.round(Math.abs(at.y - from.y)),
    };
    this.host.requestUpdate();
  }

  private pointerUp(e: PointerEvent): void {
    const open = this.open;
    if (!open?.drawing || open.drawing.pointer !== e.pointerId) return;
    open.drawing = undefined;
    const r = open.regions[open.selected];
    // A click without a drag draws nothing.
    if (r && (r.width < 4 || r.height < 4)) open.regions.splice(open.selected, 1);
    else if (r) open.regions[open.selected] = this.fit(r);
    open.selected = open.regions.length - 1;
    this.changed();
  }

  private async submit(): Promise<void> {
    const open = this.open;
    const t = this.options.texts();
    if (!open || open.sending) return;
    if (open.regions.length === 0) {
      open.error = t.redactNone;
      this.host.requestUpdate();
      void this.focusLater('inbox-region-add');
      return;
    }
    open.sending = true;
    this.host.requestUpdate();
    const refused = await this.options.send(open.photoId, open.regions);
    if (this.open !== open) return;
    open.sending = false;
    if (refused === undefined) {
      this.open = undefined;
      this.host.requestUpdate();
      return;
    }
    open.error = refused;
    this.host.requestUpdate();
  }

  render(photoId: string, url: string, alt: string): TemplateResult {
    const open = this.open!;
    const t = this.options.texts();
    const { width, height } = this.natural;
    const pct = (v: number, of: number) => `${(v / of) * 100}%`;
    const number = (i: number, key: keyof Region, label: string, max: number) =>
      html`<div class="field">
        <label for="inbox-region-${i}-${key}">${label}</label>
        <input
          type="number"
          inputmode="numeric"
          id="inbox-region-${i}-${key}"
          data-region-field=${key}
          min="0"
          max=${max}
          .value=${String(open.regions[i]![key])}
          @change=${(e: Event) => this.set(i, { [key]: Number((e.target as HTMLInputElement).value) || 0 })}
        />
      </div>`;
    return html`<form
      id="inbox-redaction"
      data-photo=${photoId}
      aria-labelledby="inbox-redaction-title"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.submit();
      }}
    >
      <p id="inbox-redaction-title"><strong>${t.redactTitle}</strong></p>
      <p class="hint" id="inbox-redaction-help">${t.redactHelp}</p>
      <div
        class="canvas"
        @pointerdown=${(e: PointerEvent) => this.pointerDown(e)}
        @pointermove=${(e: PointerEvent) => this.pointerMove(e)}
        @pointerup=${(e: PointerEvent) => this.pointerUp(e)}
        @pointercancel=${(e: PointerEvent) => this.pointerUp(e)}
      >
        <img
          src=${url}
          alt=${alt}
          draggable="false"
          @load=${(e: Event) => {
            const img = e.target as HTMLImageElement;
            open.natural = { width: img.naturalWidth, height: img.naturalHeight };
            this.host.requestUpdate();
          }}
        />
        ${
          open.natural
            ? open.regions.map(
                (r, i) =>
                  html`<button
                    type="button"
                    class="region"
                    id="inbox-region-${i}"
                    data-region=${i}
                    aria-pressed=${open.selected === i ? 'true' : 'false'}
                    aria-label=${t.regionLabel(i + 1, r.x, r.y, r.width, r.height)}
                    style="left:${pct(r.x, width)};top:${pct(r.y, height)};width:${pct(r.width, width)};height:${pct(r.height, height)}"
                    @focus=${() => {
                      open.selected = i;
                      this.host.requestUpdate();
                    }}
                    @keydown=${(e: KeyboardEvent) => this.keyDown(e, i)}
                  ></button>`,
              )
            : nothing
        }
      </div>
      ${open.natural ? html`<p class="meta" id="inbox-redaction-size">${t.pixels(width, height)}</p>` : nothing}
      <ul class="regions" id="inbox-regions">
        ${open.regions.map(
          (_, i) =>
            html`<li>
              <fieldset data-region-index=${i}>
                <legend>${t.region(i + 1)}</legend>
                ${number(i, 'x', t.x, width)} ${number(i, 'y', t.y, height)} ${number(i, 'width', t.width, width)}
                ${number(i, 'height', t.height, height)}
                <button type="button" class="secondary" id="inbox-region-${i}-remove" @click=${() => this.remove(i)}>
                  ${t.removeRegion(i + 1)}
                </button>
              </fieldset>
            </li>`,
        )}
      </ul>
      ${open.error ? html`<p class="error" role="alert" id="inbox-redaction-error">${open.error}</p>` : nothing}
      <div class="actions">
        <button type="button" class="secondary" id="inbox-region-add" @click=${() => this.add()}>${t.addRegion}</button>
        <button type="submit" id="inbox-redaction-send" aria-disabled=${open.sending ? 'true' : 'false'}>${t.redactSend}</button>
        <button type="button" class="secondary" id="inbox-redaction-cancel" @click=${() => this.close()}>${t.cancel}</button>
      </div>
    </form>`;
  }
}
