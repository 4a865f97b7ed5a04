// SPDX-License-Identifier: EUPL-1.2
/**
 * The map's own words, French and English, inside its chunk (a few hundred
 * bytes): the page that shows a map downloads them with it, a page without a
 * map never does. Another language falls back to French, as the elements do
 * until theirs has arrived.
 */
export interface MapTexts {
  readonly skip: string;
  /** Where « Passer la carte » lands. */
  readonly end: string;
  readonly map: string;
  readonly schematic: string;
  readonly keys: string;
  readonly pickerKeys: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly close: string;
  readonly pin: string;
  /** « 4 arrêts sur la carte, dans l’ordre du parcours ; Tab pour passer de l’un à l’autre. » */
  readonly summary: (count: number, route: boolean) => string;
  /** « Point placé à 40 mètres au nord-est de « 2. Square Dunant ». » */
  readonly placedNear: (metres: number, direction: string, label: string) => string;
  readonly placedAt: (lat: string, lon: string) => string;
  /** Within 5 m of a named point. */
  readonly placedOn: (label: string) => string;
  readonly directions: readonly string[];
  readonly intl: string;
}

export const fr: MapTexts = {
  skip: 'Passer la carte',
  end: 'Fin de la carte',
  map: 'Carte',
  schematic: 'Plan schématique, sans fond de carte.',
  keys: 'Flèches : déplacer la carte. + et − : zoomer. Tab : passer d’un point à l’autre ; Entrée ouvre sa fiche, Échap la ferme.',
  pickerKeys:
    'Espace : placer un point au centre de la carte. Flèches : déplacer le point (ou la carte, sans point). + et − : zoomer. Un clic place aussi le point.',
  zoomIn: 'Zoomer',
  zoomOut: 'Dézoomer',
  close: 'Fermer',
  pin: 'Point choisi',
  summary: (n, route) =>
    n === 0
      ? 'Aucun point sur la carte.'
      : `${n} point${n > 1 ? 's' : ''} sur la carte${route ? ', dans l’ordre du parcours' : ''}. Tab pour passer de l’un à l’autre.`,
  placedNear: (m, d, label) => `Point placé à ${m} mètres ${d} de « ${label} ».`,
  placedAt: (lat, lon) => `Point placé : latitude ${lat}, longitude ${lon}.`,
  placedOn: (label) => `Point placé sur « ${label} ».`,
  directions: ['au nord', 'au nord-est', 'à l’est', 'au sud-est', 'au sud', 'au sud-ouest', 'à l’ouest', 'au nord-ouest'],
  intl: 'fr-FR',
};

export const en: MapTexts = {
  skip: 'Skip the map',
  end: 'End of the map',
  map: 'Map',
  schematic: 'Schematic plan, without a background map.',
  keys: 'Arrows: move the map. + and −: zoom. Tab: go from one point to the next; Enter opens its details, Escape closes them.',
  pickerKeys:
    'Space: place a point at the centre of the map. Arrows: move the point (or the map, without a point). + and −: zoom. A click places the point too.',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  close: 'Close',
  pin: 'Chosen point',
  summary: (n, route) =>
    n === 0
      ? 'No point on the map.'
      : `${n} point${n > 1 ? 's' : ''} on the map${route ? ', in the order of the route' : ''}. Tab goes from one to the next.`,
  placedNear: (m, d, label) => `Point placed ${m} metres ${d} of “${label}”.`,
  placedAt: (lat, lon) => `Point placed: latitude ${lat}, longitude ${lon}.`,
  placedOn: (label) => `Point placed on “${label}”.`,
  directions: ['north', 'north-east', 'east', 'south-east', 'south', 'south-west', 'west', 'north-west'],
  intl: 'en-GB',
};

export const textsOf = (lang: string | null | undefined): MapTexts => (lang?.toLowerCase().startsWith('en') ? en : fr);
