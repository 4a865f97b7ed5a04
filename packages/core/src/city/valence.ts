// SPDX-License-Identifier: EUPL-1.2
import type { GeoPosition, PolygonGeometry } from '../geo.js';
import { defineCity } from './define-city.js';

/** A polygon of one outline (counter-clockwise, closed), `[lon, lat]`. */
const drawn = (outline: GeoPosition[]): PolygonGeometry => ({ type: 'Polygon', coordinates: [outline] });

/**
 * The five shapes below are drawn by hand around each quartier's centre, side by side without
 * overlapping (Le Plan, Fontbarlettes and Valensolles touch, as do Polygone and Chamberlière), and
 * large enough to hold the points the demo and the tests place there: not the official perimeters.
 * A deployment replaces them with the ANCT's (`gusp-server qpv import`, see docs/cities.md), and sets
 * each quartier's 2024 QPV code (`QN026…`, décret n° 2023-1314) from the official list: the codes are
 * left out here, not guessed, and are to be checked against the official file (data.gouv.fr,
 * « Quartiers prioritaires de la politique de la ville (QPV) », 2024).
 */
const APPROXIMATE = {
  approximate: true,
  boundarySource: 'Tracé approximatif autour du centre du quartier, pas le périmètre officiel du QPV.',
} as const;

/**
 * Valence, the built-in profile, from the city's page on GUSP: five priority
 * quartiers, walks organised by the Ville with the OPH, the Compagnons
 * bâtisseurs as partner, and the themes residents raise. Centres place a map;
 * the shapes are approximate (see above), and say which quartier a point is in.
 */
export const valence = /* @__PURE__ */ defineCity({
  id: 'valence',
  name: 'Valence',
  timezone: 'Europe/Paris',
  locale: 'fr',
  quartiers: [
    {
      id: 'polygone',
      name: 'Polygone',
      priority: true,
      centre: { lat: 44.9392, lon: 4.9083 },
      boundary: drawn([
        [4.903, 44.933],
        [4.914, 44.933],
        [4.916, 44.935],
        [4.916, 44.946],
        [4.902, 44.946],
        [4.902, 44.934],
        [4.903, 44.933],
      ]),
      ...APPROXIMATE,
    },
    {
      id: 'chamberliere',
      name: 'Chamberlière',
      priority: true,
      centre: { lat: 44.9436, lon: 4.9007 },
      boundary: drawn([
        [4.8955, 44.937],
        [4.902, 44.937],
        [4.902, 44.946],
        [4.9075, 44.946],
        [4.9075, 44.9485],
        [4.9065, 44.9498],
        [4.8955, 44.9498],
        [4.8945, 44.9485],
        [4.8945, 44.938],
        [4.8955, 44.937],
      ]),
      ...APPROXIMATE,
    },
    {
      id: 'valensolles',
      name: 'Valensolles',
      priority: true,
      centre: { lat: 44.9118, lon: 4.9046 },
      boundary: drawn([
        [4.899, 44.897],
        [4.918, 44.897],
        [4.9215, 44.901],
        [4.9215, 44.916],
        [4.906, 44.916],
        [4.906, 44.9185],
        [4.899, 44.9185],
        [4.896, 44.9155],
        [4.896, 44.9],
        [4.899, 44.897],
      ]),
      ...APPROXIMATE,
    },
    {
      id: 'le-plan',
      name: 'Le Plan',
      priority: true,
      centre: { lat: 44.9205, lon: 4.9128 },
      boundary: drawn([
        [4.906, 44.916],
        [4.92, 44.916],
        [4.92, 44.927],
        [4.9075, 44.927],
        [4.906, 44.9258],
        [4.906, 44.916],
      ]),
      ...APPROXIMATE,
    },
    {
      id: 'fontbarlettes',
      name: 'Fontbarlettes',
      priority: true,
      centre: { lat: 44.9229, lon: 4.9262 },
      boundary: drawn([
        [4.92, 44.916],
        [4.931, 44.916],
        [4.934, 44.919],
        [4.934, 44.9275],
        [4.9315, 44.93],
        [4.9215, 44.93],
        [4.92, 44.9285],
        [4.92, 44.916],
      ]),
      ...APPROXIMATE,
    },
  ],
  organisations: [
    { id: 'ville-de-valence', name: 'Ville de Valence', shortName: 'Ville', kind: 'city' },
    { id: 'oph', name: 'Office public de l’habitat', shortName: 'OPH', kind: 'landlord' },
    { id: 'compagnons-batisseurs', name: 'Compagnons bâtisseurs', kind: 'partner' },
    { id: 'associations-de-quartier', name: 'Associations de quartier', kind: 'association' },
  ],
  axes: [
    { id: 'proprete', name: 'Propreté', translations: { en: 'Cleanliness' } },
    { id: 'maintenance', name: 'Maintenance', translations: { en: 'Maintenance' } },
    { id: 'securite', name: 'Sécurité', translations: { en: 'Safety' } },
    { id: 'lien-social', name: 'Lien social', translations: { en: 'Social ties' } },
    { id: 'mobilite', name: 'Mobilité', translations: { en: 'Mobility' } },
    { id: 'environnement', name: 'Environnement', translations: { en: 'Environment' } },
  ],
  themes: [
    { id: 'nettoyage', name: 'Nettoyage des lieux publics', axis: 'proprete', translations: { en: 'Cleaning of public places' } },
    { id: 'tri-selectif', name: 'Tri sélectif', axis: 'proprete', translations: { en: 'Recycling' } },
    { id: 'espaces-verts', name: 'Entretien des espaces verts', axis: 'environnement', translations: { en: 'Upkeep of green spaces' } },
    {
      id: 'espaces-publics-jeux',
      name: 'Aménagement d’espaces publics et d’espaces de jeux',
      axis: 'maintenance',
      translations: { en: 'Public spaces and playgrounds' },
    },
    { id: 'voirie', name: 'Voirie', axis: 'maintenance', translations: { en: 'Roads and pavements' } },
    { id: 'assainissement', name: 'Assainissement', axis: 'maintenance', translations: { en: 'Sewerage' } },
    { id: 'eclairage-public', name: 'Éclairage public', axis: 'securite', translations: { en: 'Street lighting' } },
    { id: 'stationnement', name: 'Stationnement', axis: 'mobilite', translations: { en: 'Parking' } },
    { id: 'signaletique', name: 'Signalétique', axis: 'mobilite', translations: { en: 'Signage' } },
    {
      id: 'embellissement',
      name: 'Embellissement des quartiers',
      axis: 'environnement',
      translations: { en: 'Neighbourhood embellishment' },
    },
    { id: 'pollution', name: 'Pollution', axis: 'environnement', translations: { en: 'Pollution' } },
    { id: 'transport-urbain', name: 'Transport urbain', axis: 'mobilite', translations: { en: 'Public transport' } },
    { id: 'securite', name: 'Sécurité', axis: 'securite', translations: { en: 'Safety' } },
    {
      id: 'lien-social',
      name: 'Lien social et vie de quartier',
      axis: 'lien-social',
      translations: { en: 'Social ties and community life' },
    },
  ],
  consentVersion: '2026-01',
  responseTemplates: {
    qualified: {
      fr: 'Merci pour votre signalement. Il a été transmis au service responsable, qui va l’examiner.',
      en: 'Thank you for your report. It has been passed to the service in charge, which will look into it.',
    },
    rejected: {
      fr: 'Merci pour votre signalement. Il ne relève pas de la gestion urbaine de proximité : ',
      en: 'Thank you for your report. It is not a matter for neighbourhood management: ',
    },
    duplicate: {
      fr: 'Merci pour votre signalement. Ce point a déjà été signalé et il est suivi avec le premier signalement.',
      en: 'Thank you for your report. This has already been reported and is followed up with the first report.',
    },
    resolved: {
      fr: 'Merci pour votre signalement. Le problème a été réglé.',
      en: 'Thank you for your report. The problem has been fixed.',
    },
  },
});
