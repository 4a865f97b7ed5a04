// SPDX-License-Identifier: EUPL-1.2
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** What the controller needs of its element: a render root holding the cards' buttons and the opened form. */
export type InPlaceFormHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** Where an {@linkcode InPlaceForm} finds its form and the focus goes back to. */
export interface InPlaceFormOptions {
  /** The opened form's tag (`gusp-walk-signup`): its `focusTitle()` takes the focus once it is shown. */
  readonly form: string;
  /** What takes the focus back when the card's « S’inscrire » (`#open-{id}`) is gone (`#list-title`). */
  readonly fallback: string;
  /** A sign-up through the form (`gusp-registered`) changed the seats: the element loads them again. */
  readonly registered: () => void;
}

/**
 * One sign-up form opened in place of a list of cards (the walk list's
 * walks, a project's upcoming workshops): which card is open, the focus on
 * the form's heading when it opens and back on the card's button when it
 * closes, « Retour… » above the form and Escape to go back (unless a native
 * control uses it: a select's open list). The card opened is kept while the
 * form is open, even if a reload of the list no longer has it.
 */
export class InPlaceForm<T> {
  /** The id of the card whose form is open, if any. */
  private openId: string | undefined;
  /** The card open, kept if a reload no longer lists it. */
  private opened: T | undefined;

  constructor(
    private readonly host: InPlaceFormHost,
    private readonly options: InPlaceFormOptions,
  ) {}

  /** The card of `items` whose form is open (found by `idOf`), else the one kept since it opened; none when closed. */
  shown(items: readonly T[], idOf: (item: T) => string): T | undefined {
    const found = this.openId === undefined ? undefined : (items.find((item) => idOf(item) === this.openId) ?? this.opened);
    this.opened = found;
    return found;
  }

  /** Opens the form of one card and moves the focus to its heading. */
  async open(id: string): Promise<void> {
    this.openId = id;
    this.host.requestUpdate();
    await this.host.updateComplete;
    await this.host.renderRoot.querySelector<HTMLElement & { focusTitle?: () => Promise<void> }>(this.options.form)?.focusTitle?.();
  }

  /** Closes the form and gives the focus back to the card's button it was opened from. */
  async close(): Promise<void> {
    const id = this.openId;
    this.openId = undefined;
    this.opened = undefined;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const root = this.host.renderRoot;
    (root.querySelector<HTMLElement>(`#open-${id}`) ?? root.querySelector<HTMLElement>(this.options.fallback))?.focus();
  }

  /** « Retour… » (`part="back"`) above the opened form, which Escape closes too. */
  render(back: string, form: TemplateResult): TemplateResult {
    return html`<div class="opened" @keydown=${this.onKeydown} @gusp-registered=${this.options.registered}>
      <button type="button" part="back" class="secondary back" @click=${() => this.close()}>
        <span aria-hidden="true">←&nbsp;</span>${back}
      </button>
      ${form}
    </div>`;
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    // Escape goes back to the list, unless a native control uses it (a select's open list).
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (event.composedPath()[0] instanceof HTMLSelectElement) return;
    event.preventDefault();
    void this.close();
  };
}
