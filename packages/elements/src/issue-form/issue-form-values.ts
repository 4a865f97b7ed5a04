// SPDX-License-Identifier: EUPL-1.2
import { FIELD_MESSAGES, OBSERVATION_MESSAGES, Polarity, type GeoPoint } from '@gusp/core';
import type { FormConfig } from '../internal/form-controller.js';

/** The core's texts the issue form shows: only these domains are bundled with it. */
export const MESSAGES = [OBSERVATION_MESSAGES, FIELD_MESSAGES];

/** What the form holds while a person fills it in (and what the draft keeps). */
export interface IssueValues {
  polarity: Polarity | '';
  themeId: string;
  description: string;
  quartierId: string;
  stopId: string;
  address: string;
  point: (GeoPoint & { accuracy?: number | undefined }) | undefined;
  reporterName: string;
  reporterEmail: string;
  reporterPhone: string;
  reporterConsent: boolean;
}

/** Where an error is shown: a field or group, or the form as a whole. */
export type Target =
  'form' | 'polarity' | 'themeId' | 'description' | 'quartierId' | 'location' | 'photos' | 'reporter' | 'reporterConsent';

/** Checked by the server only: the walk's window and its stops need the walk's status and times, which the form does not have. */
export const SERVER_ONLY = ['observation.walk-not-underway', 'observation.unknown-stop'];

export const emptyValues = (): IssueValues => ({
  polarity: '',
  themeId: '',
  description: '',
  quartierId: '',
  stopId: '',
  address: '',
  point: undefined,
  reporterName: '',
  reporterEmail: '',
  reporterPhone: '',
  reporterConsent: false,
});

/** The issue form's fields for its {@linkcode FormController}: places, where refusals go, the draft. */
export function issueFormConfig(element: {
  draftKey: () => string | undefined;
  fixedQuartierId: () => string | undefined;
}): FormConfig<IssueValues, Target> {
  return {
    order: ['form', 'polarity', 'themeId', 'description', 'quartierId', 'location', 'photos', 'reporter', 'reporterConsent'],
    controlId: {
      polarity: `polarity-${Polarity.options[0]}`,
      themeId: 'theme',
      description: 'description',
      quartierId: 'quartier',
      location: 'address',
      photos: 'photos',
      reporter: 'reporter-name',
      reporterConsent: 'reporter-consent',
    },
    pathTarget: { stopId: 'location', point: 'location', address: 'location' },
    // The refusals of the core's observation table and of the server, by place.
    codeTarget: {
      'observation.quartier-required': 'quartierId',
      'observation.unknown-quartier': 'quartierId',
      'observation.location-required': 'location',
      'observation.unknown-stop': 'location',
      // A point outside every quartier's shape (the core's quartierOf): said next to the location.
      'geo.outside-city': 'location',
      'observation.unknown-theme': 'themeId',
      'observation.contact-consent-required': 'reporterConsent',
    },
    messages: MESSAGES,
    empty: emptyValues,
    draftKey: element.draftKey,
    valid: {
      polarity: (v) => (Polarity.options as readonly unknown[]).includes(v),
      point: (v) => typeof (v as GeoPoint | null)?.lat === 'number' && typeof (v as GeoPoint).lon === 'number',
    },
    fixed: () => {
      const quartierId = element.fixedQuartierId();
      return quartierId ? { quartierId } : {};
    },
    notKept: { reporterConsent: false },
  };
}
