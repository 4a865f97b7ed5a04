// SPDX-License-Identifier: EUPL-1.2
import { newId, type PhotoRef } from '@gusp/core';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { FormController } from '../internal/form-controller.js';
import type { OutboxFile } from '../internal/outbox.js';
import { MAX_PHOTOS, preparePhoto, type PreparedPhoto } from '../internal/photo.js';
import type { IssueFormTexts } from '../translations/index.js';

/** A photo ready to send, and the object URL of its thumbnail. */
export type ShownPhoto = PreparedPhoto & { readonly url: string };

/**
 * The photos of an observation: re-encoded on the device as they are chosen
 * (one batch after another), shown as thumbnails, at most {@linkcode MAX_PHOTOS};
 * their object URLs are released when removed or when the element leaves the page.
 * Not kept in the draft: too big for it.
 */
export class PhotosController implements ReactiveController {
  photos: readonly ShownPhoto[] = [];
  /** Why the last choice was not (all) taken. */
  error: string | undefined;
  preparing = false;
  private work: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly texts: () => IssueFormTexts,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.clear();
  }

  /** Resolves once the chosen photos are re-encoded (and rendered). */
  get ready(): Promise<void> {
    return this.work.then(() => this.host.updateComplete.then(() => undefined));
  }

  get full(): boolean {
    return this.photos.length >= MAX_PHOTOS;
  }

  /** Takes the chosen files and clears the input, so the same file can be chosen again. */
  choose(input: HTMLInputElement): void {
    const files = [...(input.files ?? [])];
    input.value = '';
    this.work = this.work.then(() => this.add(files));
  }

  /** Forgets one photo. */
  remove(photo: ShownPhoto): void {
    this.set(this.photos.filter((p) => p !== photo));
    this.error = undefined;
  }

  /** Forgets them all (the form cleared for the next observation). */
  clear(): void {
    this.set([]);
    this.error = undefined;
  }

  /** What the observation says of its photos. */
  refs(): PhotoRef[] {
    return this.photos.map(({ id, width, height }) => ({ id, mediaType: 'image/jpeg' as const, width, height }));
  }

  /** The files sent with the observation, named `<id>.jpg` (the API contract). */
  files(): OutboxFile[] {
    return this.photos.map((p) => ({ name: `${p.id}.jpg`, blob: p.blob }));
  }

  /** Re-encodes the chosen pictures; beyond {@linkcode MAX_PHOTOS}, the extra ones are refused and the person told why. */
  private async add(files: readonly File[]): Promise<void> {
    const t = this.texts();
    const room = MAX_PHOTOS - this.photos.length;
    this.error = files.length > room ? t.tooManyPhotos(MAX_PHOTOS) : undefined;
    if (room <= 0 || files.length === 0) return this.host.requestUpdate();
    this.preparing = true;
    this.host.requestUpdate();
    try {
      for (const file of files.slice(0, room)) {
        try {
          const photo = await preparePhoto(file, newId());
          this.set([...this.photos, { ...photo, url: URL.createObjectURL(photo.blob) }]);
        } catch {
          this.error = t.photoUnreadable;
        }
      }
    } finally {
      this.preparing = false;
      // The picker is disabled once full: the focus it had would fall to <body>, so it goes to the last photo's « Retirer ».
      const root = this.host.renderRoot;
      const hadFocus = this.full && (root as DocumentFragment & DocumentOrShadowRoot).activeElement === root.querySelector('#photos');
      this.host.requestUpdate();
      if (hadFocus) {
        await this.host.updateComplete;
        root.querySelector<HTMLElement>('.thumbnails li:last-child button')?.focus();
      }
    }
  }

  /** The photos fieldset: thumbnails with their remove buttons, the status, the picker. */
  render(t: IssueFormTexts, form: Pick<FormController<object, 'photos'>, 'describedBy' | 'inlineError' | 'focus'>): TemplateResult {
    return html`<fieldset class="field photos" part="field" aria-describedby=${form.describedBy(['photos-hint'], ['photos'])}>
      <legend>${t.photosLegend}</legend>
      <p class="hint" id="photos-hint">${t.photosHint}</p>
      ${form.inlineError('photos')}
      ${
        this.photos.length > 0
          ? html`<ul class="thumbnails" part="photos">
              ${this.photos.map(
                (p, i) =>
                  html`<li>
                    <img src=${p.url} alt=${t.photoAlt(i + 1)} width=${p.width} height=${p.height} />
                    <button
                      type="button"
                      class="secondary"
                      aria-label=${t.removePhoto(i + 1)}
                      @click=${() => {
                        this.remove(p);
                        void form.focus('#photos');
                      }}
                    >
                      ${t.remove}
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <div class="photo-status" role="status">
        ${this.preparing ? html`<p>${t.preparingPhotos}</p>` : nothing} ${this.error ? html`<p class="error">${this.error}</p>` : nothing}
      </div>
      <label class="add-photos" for="photos">${t.addPhotos}</label>
      <input
        id="photos"
        type="file"
        accept="image/*"
        multiple
        aria-describedby="photos-hint"
        ?disabled=${this.full}
        @change=${(e: Event) => this.choose(e.target as HTMLInputElement)}
      />
    </fieldset>`;
  }

  private set(photos: readonly ShownPhoto[]): void {
    for (const old of this.photos) if (!photos.includes(old)) URL.revokeObjectURL(old.url);
    this.photos = photos;
    this.host.requestUpdate();
  }
}
