// SPDX-License-Identifier: EUPL-1.2
import { findQuartier, labelIn, type WalkSummary } from '@gusp/core';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { DataController } from '../internal/data-controller.js';
import { formatTimeRange } from '../internal/format-date.js';
import { GuspElement } from '../internal/gusp-element.js';
import { heading } from '../internal/heading.js';
import { InPlaceForm } from '../internal/in-place-form.js';
import { MapController } from '../internal/map/map-controller.js';
import { route } from '../internal/map/route.js';
import { textsFor } from '../translations/registry.js';
import type { CommonTexts, WalkListTexts, WalkSignupTexts } from '../translations/types.js';
import { WALK_LIST_TEXTS } from '../translations/walk-list.js';
import { WALK_SIGNUP_MESSAGES, WALK_SIGNUP_TEXTS } from '../translations/walk-signup.js';
import { signupState } from '../walk-signup/walk-signup-data.js';
import { MESSAGES } from '../signup/signup-values.js';
import { signupDataOf, walksShown, type WalkListData } from './walk-list-data.js';
import { styles } from './walk-list.styles.js';

/**
 * The walks still to come, of the whole city or of one `quartier`, each as a
 * short card: its title (else its quartier), the date in words (in the city's time zone), the
 * meeting point, the seats left and one « S’inscrire » button. The button
 * opens one `<gusp-walk-signup>` for that walk in place of the list, with the
 * focus on the walk's heading (its name is the form's name) and
 * « Retour à la liste des diagnostics » (or Escape) to go back to the
 * card it came from. After a sign-up the list loads its seats again.
 *
 * Data in (one of): the `data` property; a child
 * `<script type="application/json">` holding a {@linkcode WalkListData};
 * or `endpoint`, fetched from `GET {endpoint}/walks?upcoming=1` (with
 * `&quartier={quartier}`). The sign-up form opened posts to the same `endpoint`.
 * Register both tags with `@gusp/elements/define/walk-list.js`.
 *
 * @csspart base - The whole list.
 * @csspart title - The list's heading.
 * @csspart list - The list of cards.
 * @csspart card - Each walk's card.
 * @csspart seats - The seats left on a card (or « Complet », « Inscriptions closes », « Annulé »).
 * @csspart open - Each card's « S’inscrire » button.
 * @csspart empty - What the list says when no walk is planned.
 * @csspart back - The « Retour à la liste des diagnostics » button above the opened form.
 * @csspart signup - The `<gusp-walk-signup>` opened for one walk.
 * @csspart retry - The « Réessayer » button after a failed load.
 * @csspart route - A card's route, a disclosure (`<details>`, « Le parcours (4 arrêts) », closed at first so the cards stay short; left out when its only stop is the meeting point): the ordered list of stops, the map's button and the map.
 * @csspart stops - The ordered list of a route's stops (always there: the map only adds to it).
 * @csspart show-on-map - Each stop's « Voir sur la carte », once the map is shown: the focus goes to its marker.
 * @csspart map-toggle - « Voir le parcours sur une carte » / « Masquer la carte ».
 * @csspart map - The route's map (`<gusp-map>`, loaded when shown); its `--gusp-map-height` is 18rem by default.
 * @attr map - `button` (default): each card with stops placed offers its route on a map; `none`: the lists only.
 */
export class GuspWalkList extends GuspElement {
  protected override get t(): CommonTexts & WalkListTexts {
    return textsFor(WALK_LIST_TEXTS, this.locale);
  }

  /** Dates, seats and the walk's default name, worded as the sign-up form words them. */
  private get words(): WalkSignupTexts {
    return textsFor(WALK_SIGNUP_TEXTS, this.locale);
  }

  static override styles = styles;
  static override speaks = [WALK_LIST_TEXTS, WALK_SIGNUP_TEXTS, WALK_SIGNUP_MESSAGES];

  static override properties = {
    ...GuspElement.properties,
    quartier: { type: String },
    privacyNoticeUrl: { type: String, attribute: 'privacy-notice-url' },
    mapMode: { type: String, attribute: 'map' },
    data: { attribute: false },
  };

  /** Only the walks of this quartier (its id, `le-plan`); the whole city without it. */
  declare quartier: string | undefined;
  /** Passed to the sign-up form: the link to the privacy notice next to its consent box. */
  declare privacyNoticeUrl: string | undefined;
  /** Each card's route map: `button` (default) offers it under the list of stops, `none` shows the list only; passed to the sign-up form. */
  declare mapMode: string | undefined;
  /** The walks to show: see {@linkcode WalkListData}. */
  declare data: WalkListData | undefined;
  /** The route map of one card at a time, its chunk loaded when asked for. */
  private readonly routeMap = new MapController(this, () => undefined);

  /** The walk whose sign-up form is open in place of the list, if any. */
  private readonly form = new InPlaceForm<WalkSummary>(this, {
    form: 'gusp-walk-signup',
    fallback: '#list-title',
    // A sign-up changed the seats: the cards show them afresh.
    registered: () => {
      if (this.apiBase) void this.source.retry();
    },
  });

  /** The walks: from `data`, inline JSON, or `GET {endpoint}/walks?upcoming=1`, again when `endpoint` or `quartier` change. */
  private readonly source = new DataController<WalkListData>(this, {
    url: () => {
      const q = this.quartier?.trim();
      return this.apiBase ? `${this.apiBase}/walks?upcoming=1${q ? `&quartier=${encodeURIComponent(q)}` : ''}` : undefined;
    },
    // A page holds 100 walks at most: the list follows `next` to show every walk still to come.
    pagedKey: 'walks',
  });

  /** Resolves once data requested from `endpoint` has arrived (or failed). */
  get loaded(): Promise<void> {
    return this.source.loaded;
  }

  /** Opens the sign-up form of one walk of the list and moves the focus to its heading. */
  open(walkId: string): Promise<void> {
    return this.form.open(walkId);
  }

  /** Closes the form and gives the focus back to the card's button it was opened from. */
  close(): Promise<void> {
    return this.form.close();
  }

  private quartierName(id: string): string {
    return (this.data?.city && findQuartier(this.data.city, id)?.name) ?? id;
  }

  /** A card's name: the walk's own title, else its quartier (the list's heading already says « diagnostics en marchant »). */
  private walkName(s: WalkSummary): string {
    return s.walk.title ?? this.quartierName(s.walk.quartierId);
  }

  protected override render(): TemplateResult {
    const t = this.t;
    if (!this.data) return this.source.placeholder(t, this.localize.lang, this.localize.dir, 'list');
    const data = this.data;
    const walks = walksShown(data, this.quartier?.trim() || undefined, new Date());
    const found = this.form.shown(walks, (s) => s.walk.id);
    const title = this.quartier?.trim() ? t.listHeadingIn(this.quartierName(this.quartier.trim())) : t.listHeading;
    return html`<section part="base" class="list" lang=${this.localize.lang} dir=${this.localize.dir} aria-labelledby="list-title">
      ${heading(this.level(), title, { id: 'list-title', part: 'title', tabindex: '-1' })}
      ${
        found
          ? this.renderOpened(found, data)
          : walks.length === 0
            ? html`<p part="empty">${t.noWalk}</p>`
            : html`<ul part="list" class="walks cards">
                ${repeat(
                  walks,
                  (s) => s.walk.id,
                  (s) => this.renderCard(s, data),
                )}
              </ul>`
      }
    </section>`;
  }

  private renderCard(s: WalkSummary, data: WalkListData): TemplateResult {
    const t = this.t;
    const w = this.words;
    const id = s.walk.id;
    const name = this.walkName(s);
    const when = formatTimeRange(s.walk.startsAt, s.walk.durationMinutes, data.city?.timezone ?? 'Europe/Paris', w);
    const meeting = s.walk.meetingPoint ?? s.walk.stops[0];
    const state = signupState(s, new Date());
    return html`<li part="card" class="card" aria-labelledby="name-${id}">
      ${heading(this.level(1), name, { id: `name-${id}` })}
      <p class="when">${when}</p>
      ${meeting ? html`<p class="place">${t.place}${labelIn(MESSAGES, 'format.colon', this.locale)}${meeting.label}</p>` : nothing}
      ${route({
        key: id,
        stops: s.walk.stops,
        level: this.level(2),
        t: w,
        map: this.routeMap,
        mode: this.mapMode,
        city: data.city,
        quartierId: s.walk.quartierId,
        compact: true,
        meetingLabel: meeting?.label,
      })}
      ${this.form.row(id, state, s.seatsLeft, t.signUpFor(name, when), t, w)}
    </li>`;
  }

  private renderOpened(s: WalkSummary, data: WalkListData): TemplateResult {
    return this.form.render(
      this.t.back,
      html`<gusp-walk-signup
        part="signup"
        endpoint=${this.endpoint ?? nothing}
        walk-id=${s.walk.id}
        heading-level=${this.level(1)}
        privacy-notice-url=${this.privacyNoticeUrl ?? nothing}
        map=${this.mapMode ?? nothing}
        .data=${signupDataOf(s, data)}
      ></gusp-walk-signup>`,
    );
  }
}
