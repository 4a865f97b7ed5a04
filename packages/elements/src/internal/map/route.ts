// SPDX-License-Identifier: EUPL-1.2
/**
 * A walk's route in a walk's card (`<gusp-walk-signup>`, each card of
 * `<gusp-walk-list>`): the stops as an ordered list, always — the complete
 * interface — and, for a route whose stops have points, « Voir le parcours sur
 * une carte », which loads the map's chunk then and shows it below the list,
 * in sync with it: « Voir sur la carte » on a stop moves the focus to its
 * marker, a marker selected on the map marks its stop in the list.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { findQuartier, type CityProfile, type Stop } from '@gusp/core';
import { heading } from '../heading.js';
import type { WalkSignupTexts } from '../../translations/types.js';
import type { MapController } from './map-controller.js';

export interface RouteOptions {
  /** Unique in the shadow root: the walk's id. */
  readonly key: string;
  readonly stops: readonly Stop[];
  readonly level: number;
  readonly t: WalkSignupTexts;
  readonly map: MapController;
  /** `none`: the list only. */
  readonly mode: string | undefined;
  /** The city profile: its `map.tiles`, the walk's quartier's `boundary`. */
  readonly city: CityProfile | undefined;
  readonly quartierId: string;
  /**
   * A card among others (`<gusp-walk-list>`): the route is a disclosure, « Le parcours (4 arrêts) »,
   * closed until asked for, so the cards stay short on a phone; the list and the map are inside it.
   */
  readonly compact?: boolean;
  /** The card's « Rendez-vous », for `compact`: a route of that one stop is left out. */
  readonly meetingLabel?: string | undefined;
}

/** The route's list and buttons, in the card's shadow root. */
export const routeStyles = css`
  .stops {
    margin: 0.25rem 0 0.5rem;
    padding-inline-start: 1.75rem;
  }
  .stops [aria-current] {
    font-weight: 700;
  }
  .route gusp-map {
    margin-block-start: 0.5rem;
  }
  details.route > summary {
    cursor: pointer;
    font-weight: 700;
    /* A 44 px target, its disclosure triangle kept (display: list-item). */
    padding-block: 0.6rem;
    line-height: 1.5rem;
  }
`;

export function route(o: RouteOptions): TemplateResult | typeof nothing {
  const { key, stops, t, map } = o;
  if (stops.length === 0) return nothing;
  // Among other cards, a route that is only the meeting point says nothing the card does not: the sign-up shows it.
  if (o.compact && stops.length === 1 && stops[0]?.label === o.meetingLabel) return nothing;
  const open = map.openKey === key;
  const drawable = o.mode !== 'none' && stops.some((s) => s.point);
  const body = html`<ol class="stops" part="stops">
      ${stops.map(
        (s, i) =>
          html`<li aria-current=${open && map.selected === s.id ? 'true' : nothing}>
            <span class="stop">${s.label}</span>${s.description ? html` <span class="hint">${s.description}</span>` : nothing}
            ${
              open && s.point
                ? html` <button type="button" class="secondary" part="show-on-map" @click=${() => map.focus(s.id)}>
                    ${t.showOnMap}<span class="visually-hidden"> : ${i + 1}. ${s.label}</span>
                  </button>`
                : nothing
            }
          </li>`,
      )}
    </ol>
    ${
      drawable
        ? html`<button
            type="button"
            class="secondary"
            part="map-toggle"
            aria-expanded=${open ? 'true' : 'false'}
            @click=${() => map.toggle(key)}
          >
            ${open ? t.hideMap : t.showMap}
          </button>`
        : nothing
    }
    ${
      open
        ? html`<gusp-map
            part="map"
            .stops=${stops}
            .tiles=${o.city?.map?.tiles}
            .boundary=${o.city && findQuartier(o.city, o.quartierId)?.boundary}
            .selected=${map.selected}
            .label=${t.routeMap}
            @gusp-map-select=${map.onSelect}
          ></gusp-map>`
        : map.failed
          ? html`<p class="error">${t.mapFailed}</p>`
          : nothing
    }`;
  if (o.compact)
    return html`<details class="route" part="route" ?open=${open}>
      <summary id="route-${key}">${t.route(stops.length)}</summary>
      ${body}
    </details>`;
  return html`<section class="route" part="route" aria-labelledby="route-${key}">
    ${heading(o.level, t.route(stops.length), { id: `route-${key}` })} ${body}
  </section>`;
}
