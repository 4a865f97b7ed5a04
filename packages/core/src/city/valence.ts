// SPDX-License-Identifier: EUPL-1.2
import { defineCity } from './define-city.js';

/**
 * Valence, the built-in profile, from the city's page on GUSP: five priority
 * quartiers, walks organised by the Ville with the OPH, the Compagnons
 * bâtisseurs as partner, and the themes residents raise. Centres are
 * approximate and only used to place a map.
 */
export const valence = /* @__PURE__ */ defineCity({
  id: 'valence',
  name: 'Valence',
  timezone: 'Europe/Paris',
  locale: 'fr',
  quartiers: [
    { id: 'polygone', name: 'Polygone', priority: true, centre: { lat: 44.9392, lon: 4.9083 } },
    { id: 'chamberliere', name: 'Chamberlière', priority: true, centre: { lat: 44.9436, lon: 4.9007 } },
    { id: 'valensolles', name: 'Valensolles', priority: true, centre: { lat: 44.9118, lon: 4.9046 } },
    { id: 'le-plan', name: 'Le Plan', priority: true, centre: { lat: 44.9205, lon: 4.9128 } },
    { id: 'fontbarlettes', name: 'Fontbarlettes', priority: true, centre: { lat: 44.9229, lon: 4.9262 } },
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
