// SPDX-License-Identifier: EUPL-1.2
/**
 * Concerted projects as GeoJSON (RFC 7946): one Feature per project, a Point at its site in
 * [longitude, latitude] order, or a `null` geometry when the site is said in words only
 * (RFC 7946 §3.2). Public by design: what, where, who is responsible, where it stands.
 */
import type { CityProfile } from '../city/city-profile.js';
import { findOrganisation, findQuartier } from '../city/lookup.js';
import { labelIn } from '../i18n.js';
import { PROJECT_MESSAGES } from '../project/project.messages.js';
import type { PhaseKind, Project, ProjectKind, ProjectStatus } from '../project/project.js';
import { currentPhaseOf } from '../views/project-page.js';
import type { PointGeometry } from './geojson.js';

/** The public properties of a project. Unknown values are `null`. */
export interface ProjectProperties {
  readonly id: string;
  readonly title: string;
  readonly kind: ProjectKind;
  readonly kindLabel: string;
  readonly status: ProjectStatus;
  readonly statusLabel: string;
  /** « Nous en sommes là »: the phase it is in, or `null` (suspended, abandoned). */
  readonly currentPhase: PhaseKind | null;
  readonly currentPhaseLabel: string | null;
  readonly quartierId: string;
  readonly quartierName: string | null;
  readonly siteLabel: string;
  readonly address: string | null;
  readonly landlordId: string;
  readonly landlordName: string | null;
  readonly partnerNames: readonly string[];
  readonly description: string;
  /** ISO 8601 with the city's offset. */
  readonly updatedAt: string;
}

export interface ProjectFeature {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry: PointGeometry | null;
  readonly properties: ProjectProperties;
}

export interface ProjectFeatureCollection {
  readonly type: 'FeatureCollection';
  readonly features: ProjectFeature[];
}

/** One project as a Feature, its labels in `locale` (the city's by default). */
export function projectFeature(project: Project, city: CityProfile, options: { readonly locale?: string } = {}): ProjectFeature {
  const locale = options.locale ?? city.locale;
  const text = (key: string) => labelIn([PROJECT_MESSAGES], key, locale);
  const phase = currentPhaseOf(project);
  const point = project.site.point;
  return {
    type: 'Feature',
    id: project.id,
    geometry: point ? { type: 'Point', coordinates: [point.lon, point.lat] } : null,
    properties: {
      id: project.id,
      title: project.title,
      kind: project.kind,
      kindLabel: text(`project.kind.${project.kind}`),
      status: project.status,
      statusLabel: text(`project.status.${project.status}`),
      currentPhase: phase ?? null,
      currentPhaseLabel: phase ? text(`project.phase.${phase}`) : null,
      quartierId: project.quartierId,
      quartierName: findQuartier(city, project.quartierId)?.name ?? null,
      siteLabel: project.site.label,
      address: project.site.address ?? null,
      landlordId: project.landlordId,
      landlordName: findOrganisation(city, project.landlordId)?.name ?? null,
      partnerNames: project.partnerIds.map((id) => findOrganisation(city, id)?.name ?? id),
      description: project.description,
      updatedAt: project.updatedAt,
    },
  };
}

/** Projects as a FeatureCollection; drafts are left out (they are not public yet). */
export function projectsToGeoJSON(
  projects: readonly Project[],
  city: CityProfile,
  options: { readonly locale?: string } = {},
): ProjectFeatureCollection {
  return { type: 'FeatureCollection', features: projects.filter((p) => p.status !== 'draft').map((p) => projectFeature(p, city, options)) };
}
