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
import type { Stop } from '@gusp/core';
import { heading } from '../heading.js';
import type { WalkSignupTexts } from '../../translations/types.js';
import type { Boundary } from './map.js';
import type { TileSource } from './leaflet-tiles.js';
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
  readonly tiles: TileSource | undefined;
  readonly boundary: Boundary | undefined;
}

/** The route's list and buttons, in the card's shadow root. */
export const routeStyles = css`
  .route :is(h2, h3, h4, h5, h6) {
    margin: 0.5rem 0 0;
    font-size: 1em;
  }
  .stops {
    margin: 0.25rem 0 0.5rem;
    padding-inline-start: 1.75rem;
  }
  .stops li {
    margin-block: 0.125rem;
  }
  .stops .selected {
    font-weight: 700;
  }
  .stops .hint {
    display: block;
  }
  .route button.link {
    min-block-size: 1.5rem;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font-weight: 400;
    text-decoration: underline;
  }
  .route gusp-map {
    margin-block-start: 0.5rem;
  }
`;

export function route(o: RouteOptions): TemplateResult | typeof nothing {
  const { key, stops, t, map } = o;
  if (stops.length === 0) return nothing;
  const open = map.openKey === key;
  const drawable = o.mode !== 'none' && stops.some((s) => s.point);
  const label = (s: Stop, i: number) => `${i + 1}. ${s.label}`;
  return html`<section class="route" part="route" aria-labelledby="route-${key}">
    ${heading(o.level, t.route(stops.length), { id: `route-${key}` })}
    <ol class="stops" part="stops">
      ${stops.map(
        (s, i) =>
          html`<li
            class=${open && map.selected === s.id ? 'selected' : ''}
            aria-current=${open && map.selected === s.id ? 'true' : nothing}
          >
            <span class="stop">${s.label}</span>${s.description ? html` <span class="hint">${s.description}</span>` : nothing}
            ${
              open && s.point
                ? html` <button type="button" class="link" part="show-on-map" @click=${() => map.focus(s.id)}>
                    ${t.showOnMap}<span class="visually-hidden"> : ${label(s, i)}</span>
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
            .route=${true}
            .points=${stops.flatMap((s, i) => (s.point ? [{ id: s.id, label: label(s, i), badge: `${i + 1}`, description: s.description, ...s.point }] : []))}
            .tiles=${o.tiles}
            .boundary=${o.boundary}
            .selected=${map.selected}
            .label=${t.routeMap}
            @gusp-map-select=${map.onSelect}
          ></gusp-map>`
        : map.failed
          ? html`<p class="error">${t.mapFailed}</p>`
          : nothing
    }
  </section>`;
}
