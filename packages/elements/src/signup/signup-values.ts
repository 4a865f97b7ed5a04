// SPDX-License-Identifier: EUPL-1.2
import { ACTOR_ROLES, AccessibilityNeed, FIELD_MESSAGES, REGISTRATION_MESSAGES, type ActorRole } from '@gusp/core';
import type { FormConfig } from '../internal/form-controller.js';

/**
 * The core's texts the sign-up shows: only these domains are bundled with it.
 * Roles are worded by the sign-up's own translation (`roleOption`), for a resident rather than a report.
 */
export const MESSAGES = [REGISTRATION_MESSAGES, FIELD_MESSAGES];

/** What the form holds while a person fills it in (and what the draft keeps). */
export interface SignupValues {
  name: string;
  email: string;
  phone: string;
  role: ActorRole;
  /** « Avez-vous besoin d’une aide pour participer ? » answered yes: the needs are shown. */
  needsHelp: boolean;
  needs: AccessibilityNeed[];
  needsNote: string;
  consent: boolean;
}

/** Where an error is shown: a field, the contact group, or the form as a whole. */
export type ErrorTarget = 'name' | 'contact' | 'email' | 'phone' | 'role' | 'needs' | 'needsNote' | 'consent' | 'form';

const emptyValues = (): SignupValues => ({
  name: '',
  email: '',
  phone: '',
  role: 'resident',
  needsHelp: false,
  needs: [],
  needsNote: '',
  consent: false,
});

/** The sign-up's fields for its {@linkcode FormController}: places, where refusals go, the draft. */
export function signupFormConfig(draftKey: () => string | undefined): FormConfig<SignupValues, ErrorTarget> {
  return {
    order: ['form', 'name', 'contact', 'email', 'phone', 'role', 'needs', 'needsNote', 'consent'],
    controlId: {
      name: 'name',
      contact: 'email',
      email: 'email',
      phone: 'phone',
      role: 'role',
      needs: `need-${AccessibilityNeed.options[0]}`,
      needsNote: 'needs-note',
      consent: 'consent',
    },
    // The refusals of the core's registration table and of the server, by place.
    codeTarget: {
      'registration.duplicate-email': 'email',
      'registration.contact-required': 'contact',
      'registration.consent-required': 'consent',
    },
    messages: MESSAGES,
    empty: emptyValues,
    draftKey,
    valid: {
      role: (v) => (ACTOR_ROLES as readonly unknown[]).includes(v),
      needs: (v) => Array.isArray(v) && v.every((n) => (AccessibilityNeed.options as readonly unknown[]).includes(n)),
    },
    notKept: { consent: false },
  };
}
