// SPDX-License-Identifier: EUPL-1.2
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SignupState } from '../signup/signup-data.js';
import type { WalkSignupTexts } from '../translations/types.js';

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

/** What a card's row says: « S’inscrire », and a full, closed or cancelled gathering's word (closed's without its own). */
export interface CardRowTexts {
  readonly signUp: string;
  readonly fullShort: string;
  readonly closedShort: string;
  readonly cancelledShort?: string;
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

  /**
   * A card's last row: its seats in words (`part="seats"`, classed by `state`)
   * and, unless the gathering is closed or cancelled, « S’inscrire »
   * (`part="open"`, `#open-{id}`), which opens its form; `named` (the card's
   * name and date) is said to screen readers after it. `workshopId`: the
   * button's `data-workshop-id`.
   */
  row(
    id: string,
    state: SignupState,
    seatsLeft: number,
    named: string,
    t: CardRowTexts,
    w: Pick<WalkSignupTexts, 'seatsLeft' | 'fewSeatsLeft'>,
    workshopId?: string,
  ): TemplateResult {
    const seats =
      state === 'cancelled'
        ? (t.cancelledShort ?? t.closedShort)
        : state === 'closed'
          ? t.closedShort
          : state === 'full'
            ? t.fullShort
            : state === 'few-seats'
              ? w.fewSeatsLeft(seatsLeft)
              : w.seatsLeft(seatsLeft);
    return html`<div class="row">
      <p part="seats" class="seats ${state}">${seats}</p>
      ${
        state !== 'cancelled' && state !== 'closed'
          ? html`<button type="button" part="open" id="open-${id}" data-workshop-id=${workshopId ?? nothing} @click=${() => this.open(id)}>
              ${t.signUp}<span class="visually-hidden">${named}</span>
            </button>`
          : nothing
      }
    </div>`;
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
