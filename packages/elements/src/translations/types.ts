// SPDX-License-Identifier: EUPL-1.2
import type { Locale } from 'date-fns';

/**
 * Every text the elements show, in one language. Role, status and error texts
 * come from `@gusp/core`'s catalogues; these are the elements' own.
 * Adding a language is one file shaped like `fr.ts`, passed to `registerTranslation`.
 */
export interface Translation {
  /** BCP 47 tag: `fr`, `en`, `fr-BE`… */
  readonly locale: string;
  /** The date-fns locale used to write dates. */
  readonly dateLocale: Locale;
  /** date-fns pattern of a day: « samedi 14 mars 2026 ». */
  readonly dayPattern: string;
  /** date-fns pattern of a time; `minutes` tells whether they are not zero (« 9 h » but « 9 h 30 »). */
  readonly timePattern: (minutes: boolean) => string;
  /** « samedi 14 mars 2026, de 9 h à 13 h ». */
  readonly dateRange: (day: string, from: string, to: string) => string;

  readonly loading: string;
  readonly loadFailed: string;
  readonly retry: string;
  readonly requiredHint: string;

  readonly walkHeading: (quartier: string) => string;
  readonly walkTitleFallback: string;
  readonly when: string;
  readonly meetingPoint: string;
  readonly seats: string;
  readonly seatsLeft: (n: number) => string;
  readonly fewSeatsLeft: (n: number) => string;
  readonly fullNotice: string;
  readonly closedNotice: string;
  readonly cancelledNotice: string;
  readonly cancelReason: string;
  readonly rescheduledNotice: string;

  readonly formHeading: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly contactLegend: string;
  readonly contactHint: string;
  readonly role: string;
  readonly needsLegend: string;
  readonly needsHint: string;
  readonly need: Readonly<Record<string, string>>;
  readonly needsNote: string;
  readonly consent: string;
  readonly privacyNotice: string;
  readonly privacyNoticeNewWindow: string;
  readonly submit: string;
  readonly submitWaitlist: string;
  readonly submitting: string;

  readonly errorSummaryTitle: (count: number) => string;
  readonly submitFailed: string;
  readonly draftRestored: string;

  readonly confirmedTitle: string;
  readonly confirmedText: (name: string) => string;
  readonly waitlistedTitle: string;
  readonly waitlistedText: (position: number | undefined) => string;
  readonly howToCancel: string;
  readonly cancelLink: string;

  /* engagement tracker */
  readonly trackerHeading: string;
  readonly countersHeading: string;
  readonly counter: Readonly<Record<string, string>>;
  readonly filtersLegend: string;
  readonly quartier: string;
  readonly theme: string;
  readonly organisation: string;
  readonly status: string;
  readonly all: string;
  readonly shown: (shown: number, total: number) => string;
  readonly empty: string;
  readonly noDueDate: string;
  readonly dueIn: (words: string) => string;
  readonly dueOnDay: (day: string) => string;
  readonly overdueBy: (days: number) => string;
  readonly noOrganisation: string;
  readonly progress: string;
  readonly observations: (n: number) => string;
  readonly timeline: string;
  readonly milestone: Readonly<Record<string, string>>;

  /* issue form */
  readonly issueHeading: string;
  readonly polarityLegend: string;
  readonly themePlaceholder: string;
  readonly description: string;
  readonly descriptionHint: string;
  readonly locationLegend: string;
  readonly locationHint: string;
  readonly quartierPlaceholder: string;
  readonly stop: string;
  readonly stopNone: string;
  readonly address: string;
  readonly addressHint: string;
  readonly useMyPosition: string;
  readonly locating: string;
  readonly positionSet: (accuracyMetres: number | undefined) => string;
  readonly positionFailed: string;
  readonly removePosition: string;
  readonly reporterLegend: string;
  readonly reporterHint: string;
  readonly reporterConsent: string;
  readonly submitIssue: string;
  readonly issueSent: string;
  readonly issueQueued: string;
  readonly issueFailed: string;
  readonly pendingHeading: (n: number) => string;
  readonly pendingStatus: string;
  readonly sendNow: string;
}
