// SPDX-License-Identifier: EUPL-1.2
import { findQuartier } from '@gusp/core';
import { DataController } from '../internal/data-controller.js';
import { MapController } from '../internal/map/map-controller.js';
import { route, routeStyles } from '../internal/map/route.js';
import { GatheringSignup, type SignupCard } from '../signup/gathering-signup.js';
import { feedUrl, type WalkSignupData } from './walk-signup-data.js';
import { textsFor } from '../translations/registry.js';
import type { CommonTexts, WalkSignupTexts } from '../translations/types.js';
import { WALK_SIGNUP_MESSAGES, WALK_SIGNUP_TEXTS } from '../translations/walk-signup.js';

/**
 * Sign-up to a diagnostic en marchant: shows the walk (quartier, date and
 * time the French way, meeting point, seats left) and a form checked by the
 * core's `RegisterInput` schema and registration rules. Open, few seats,
 * full (waiting list, with the position after sign-up), closed, cancelled and
 * rescheduled walks each read clearly. What a person types survives a reload
 * and a failed submit: it is kept on the device for 24 hours after the last
 * change, removed once the sign-up is recorded, and « Effacer mes réponses »
 * removes it at once. The form is the one every sign-up shares
 * ({@linkcode GatheringSignup}: a project's workshops use it too).
 *
 * Data in (one of): the `data` property; a child
 * `<script type="application/json">` holding a {@linkcode WalkSignupData};
 * or `endpoint` + `walk-id`, fetched from `GET {endpoint}/walks/{walk-id}`.
 * With `endpoint`, a sign-up is sent to `POST {endpoint}/walks/{walk-id}/registrations`.
 *
 * @fires gusp-register - {@linkcode GuspRegisterEvent}, cancelable: a valid sign-up is about to be sent.
 * @fires gusp-registered - {@linkcode GuspRegisteredEvent}: the sign-up is recorded.
 * @fires gusp-register-error - {@linkcode GuspRegisterErrorEvent}: the sign-up could not be recorded.
 *
 * @csspart base - The whole card.
 * @csspart title - The walk's heading.
 * @csspart details - The list of date, meeting point and seats.
 * @csspart notice - Notices: few seats, full, closed, cancelled, rescheduled.
 * @csspart form - The sign-up form.
 * @csspart field - Each field's wrapper.
 * @csspart error - Each inline error message.
 * @csspart error-summary - The list of errors that receives focus.
 * @csspart submit - The submit button.
 * @csspart clear - The « Effacer mes réponses » button: empties the form and removes its draft from the device.
 * @csspart confirmation - The confirmation shown after sign-up.
 * @csspart calendar - The « Ajouter à mon agenda » link to the walk's .ics file.
 * @csspart subscribe - The « S’abonner aux diagnostics du quartier » link to the quartier's calendar feed (`webcal:`).
 * @csspart retry - The « Réessayer » button after a failed load.
 * @csspart route - The walk's route: its heading, the ordered list of stops, the map's button and the map.
 * @csspart stops - The ordered list of the route's stops (always there: the map only adds to it).
 * @csspart show-on-map - Each stop's « Voir sur la carte », once the map is shown: the focus goes to its marker.
 * @csspart map-toggle - « Voir le parcours sur une carte » / « Masquer la carte ».
 * @csspart map - The route's map (`<gusp-map>`, loaded when shown); its `--gusp-map-height` is 18rem by default.
 * @attr map - `button` (default): a route whose stops are placed is offered on a map under its list; `open`: the map at once; `none`: the list only.
 */
export class GuspWalkSignup extends GatheringSignup<WalkSignupData> {
  protected override get t(): CommonTexts & WalkSignupTexts {
    return textsFor(WALK_SIGNUP_TEXTS, this.locale);
  }

  static override speaks = [WALK_SIGNUP_TEXTS, WALK_SIGNUP_MESSAGES];
  static override styles = [...GatheringSignup.styles, routeStyles];

  static override properties = {
    ...GatheringSignup.properties,
    walkId: { type: String, attribute: 'walk-id' },
    mapMode: { type: String, attribute: 'map' },
  };

  /** The walk's id; taken from `data.walk.id` when data is given directly. */
  declare walkId: string | undefined;
  /** The route's map: `button` (default), `open`, `none`. */
  declare mapMode: string | undefined;
  /** The walk to show: see {@linkcode WalkSignupData}. */
  declare data: WalkSignupData | undefined;
  /** The route's map, its chunk loaded when asked for (at once with `map="open"`). */
  private readonly routeMap = new MapController(this, () => (this.mapMode === 'open' ? this.data?.walk.id : undefined));

  /** The walk: from `data`, inline JSON, or `GET {endpoint}/walks/{walk-id}`, again whenever those change. */
  protected readonly source = new DataController<WalkSignupData>(this, {
    url: () => (this.apiBase && this.walkId ? `${this.apiBase}/walks/${encodeURIComponent(this.walkId)}` : undefined),
  });

  protected readonly kind = 'walk';

  protected get idAttribute(): string | undefined {
    return this.walkId;
  }

  protected card(data: WalkSignupData): SignupCard {
    const quartier = data.quartierName ?? (data.city && findQuartier(data.city, data.walk.quartierId)?.name) ?? data.walk.quartierId;
    return {
      gathering: data.walk,
      title: data.walk.title ?? this.t.walkHeading(quartier),
      place: (data.walk.meetingPoint ?? data.walk.stops[0])?.label,
      timeZone: data.city?.timezone ?? data.timezone ?? 'Europe/Paris',
      privacyNoticeUrl: data.city?.privacyNoticeUrl ?? data.privacyNoticeUrl,
      more: route({
        key: data.walk.id,
        stops: data.walk.stops,
        level: this.level(1),
        t: this.t,
        map: this.routeMap,
        mode: this.mapMode,
        city: data.city,
        quartierId: data.walk.quartierId,
      }),
    };
  }

  protected calendar(data: WalkSignupData): Promise<readonly [string, string]> {
    return import('./walk-calendar.js').then((m) => m.walkCalendar(data, this.locale));
  }

  protected feed(data: WalkSignupData): string | undefined {
    return feedUrl(data, this.apiBase, document.baseURI);
  }
}
