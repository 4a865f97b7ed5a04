// SPDX-License-Identifier: EUPL-1.2

/** Texts every element shares. */
export interface CommonTexts {
  readonly loading: string;
  readonly loadFailed: string;
  /** The button that loads again after {@linkcode loadFailed}. */
  readonly retry: string;
  readonly requiredHint: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly errorSummaryTitle: (count: number) => string;
  readonly quartier: string;
  readonly theme: string;
  /** The button that empties a form and removes what the device kept of it. */
  readonly clearAnswers: string;
  /** Announced once it is done. */
  readonly answersCleared: string;
}

/** The texts of `<gusp-walk-signup>`. */
export interface WalkSignupTexts {
  /** The BCP 47 tag `Intl` writes dates with (`en-GB` gives « Saturday 14 March 2026 »). */
  readonly intlLocale: string;
  /** A time of day from its 24-hour clock fields: « 9 h », « 9 h 30 », "9 am", "9:30 am". */
  readonly timeOfDay: (hours: number, minutes: number) => string;
  /** « samedi 14 mars 2026, de 9 h à 13 h ». */
  readonly dateRange: (day: string, from: string, to: string) => string;
  readonly retry: string;
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
  readonly contactLegend: string;
  readonly contactHint: string;
  readonly role: string;
  /** The disclosure that offers another role than resident: « Vous venez pour une institution ? ». */
  readonly roleQuestion: string;
  /** Each role as the sign-up words it, spelt out rather than with a median dot (screen readers say it). */
  readonly roleOption: Readonly<Record<string, string>>;
  /** The one yes/no question the needs hide behind. */
  readonly needsQuestion: string;
  readonly yes: string;
  readonly no: string;
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
  readonly submitFailed: string;
  readonly draftRestored: string;
  readonly confirmedTitle: string;
  readonly confirmedText: (name: string) => string;
  readonly waitlistedTitle: string;
  readonly waitlistedText: (position: number | undefined) => string;
  readonly howToCancel: string;
  readonly cancelLink: string;
  /** The link to the walk's .ics file, after a confirmed sign-up. */
  /** The error of a field left empty, naming it (« Indiquez vos nom et prénom. »), by place: `name`. */
  readonly missing: Readonly<Record<string, string>>;
  readonly addToCalendar: string;
  readonly calendarFileHint: string;
  /** The link to the quartier's calendar feed (`webcal:`), which calendar apps keep up to date. */
  readonly subscribe: string;
  readonly subscribeHint: string;
  /** The heading of the route's stops: « Le parcours (4 arrêts) ». */
  readonly route: (stops: number) => string;
  readonly showMap: string;
  readonly hideMap: string;
  /** On each stop once the map is shown: moves the focus to its marker. */
  readonly showOnMap: string;
  /** The map's name: « Carte : parcours du diagnostic ». */
  readonly routeMap: string;
  readonly mapFailed: string;
}

/** The texts of `<gusp-walk-list>` (dates, seats and the form it opens use {@linkcode WalkSignupTexts}). */
export interface WalkListTexts {
  readonly listHeading: string;
  /** The heading with a `quartier` attribute: « Diagnostics en marchant – Le Plan ». */
  readonly listHeadingIn: (quartier: string) => string;
  readonly noWalk: string;
  /** The visible text of each card's button. */
  readonly signUp: string;
  /** What follows {@linkcode signUp} in the button's accessible name, so that no two buttons share one name. */
  readonly signUpFor: (walk: string, day: string) => string;
  /** The label of a card's meeting point. */
  readonly place: string;
  /** The button that closes the form and goes back to the list. */
  readonly back: string;
  readonly fullShort: string;
  readonly closedShort: string;
  readonly cancelledShort: string;
}

/** The texts of `<gusp-issue-form>`. */
export interface IssueFormTexts {
  /** What stands in for the form while it loads (over the shared « Chargement… »). */
  readonly loading: string;
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
  /** The button that shows the map to place the point on (beside « Utiliser ma position », never instead). */
  readonly pickOnMap: string;
  readonly hideMap: string;
  /** The map's name: « Carte : lieu de l’observation ». */
  readonly pickerLabel: string;
  /** What the picker's point is said from without a stop: « centre de Fontbarlettes ». */
  readonly centreOf: (quartier: string) => string;
  /** The map's chunk could not be loaded. */
  readonly mapFailed: string;
  readonly photosLegend: string;
  readonly photosHint: string;
  readonly addPhotos: string;
  readonly preparingPhotos: string;
  /** Alternative text of the n-th thumbnail (1-based). */
  readonly photoAlt: (n: number) => string;
  /** Visible text of a photo's remove button; its accessible name is {@linkcode removePhoto}, which starts with it. */
  readonly remove: string;
  readonly removePhoto: (n: number) => string;
  readonly tooManyPhotos: (max: number) => string;
  readonly photoUnreadable: string;
  readonly reporterLegend: string;
  readonly reporterHint: string;
  readonly reporterConsent: string;
  readonly submitIssue: string;
  /** The submit button while the observation is being sent (a proof of work solved first, when the server asks). */
  readonly submittingIssue: string;
  readonly issueSent: string;
  readonly issueQueued: string;
  readonly issueFailed: string;
  /**
   * The error of a place left empty, naming its field (« Choisissez une thématique. »),
   * by place: `polarity`, `themeId`, `description`, `quartierId`.
   */
  readonly missing: Readonly<Record<string, string>>;
  /** Announced when observations kept on the device have been sent. */
  readonly sentLater: (n: number) => string;
  readonly pendingHeading: (n: number) => string;
  readonly pendingStatus: string;
  readonly sendNow: string;
}

/** The texts of `<gusp-engagement-tracker>`. */
export interface EngagementTrackerTexts {
  /** What stands in for the tracker while it loads (over the shared « Chargement… »). */
  readonly loading: string;
  readonly trackerHeading: string;
  readonly countersHeading: string;
  readonly counter: Readonly<Record<string, string>>;
  readonly filtersLegend: string;
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
  /**
   * The walk's participants' answers to « Est-ce réglé ? » (counts, since the engagement was last completed):
   * « 2 habitants : réglé, 1 : en partie »; `''` when nobody answered.
   */
  readonly residentAnswers: (answers: { readonly yes: number; readonly partly: number; readonly no: number }) => string;
  readonly timeline: string;
  readonly milestone: Readonly<Record<string, string>>;
}

/** The texts of `<gusp-project>`, the public page of one concerted project. */
export interface ProjectTexts {
  /** What stands in for the page while it loads (over the shared « Chargement… »). */
  readonly loading: string;
  readonly loadFailed: string;
  /** The labels of what and where. */
  readonly site: string;
  readonly landlord: string;
  readonly partners: string;
  readonly projectStatus: string;
  /** The project's status in words, by status. */
  readonly status: Readonly<Record<string, string>>;
  /** The reason a project is suspended or abandoned. */
  readonly reason: string;
  readonly phasesHeading: string;
  /** Each phase's name, by kind. */
  readonly phase: Readonly<Record<string, string>>;
  /** Said with the current phase, in words and with its symbol. */
  readonly weAreHere: string;
  /** Said (to screen readers) of a phase before the current one, and of one after it. */
  readonly phaseDone: string;
  readonly phaseToCome: string;
  /** « du 3 mars 2025 au 30 juin 2025 », « à partir du 3 mars 2025 », « jusqu’au 30 juin 2025 ». */
  readonly between: (from: string | undefined, to: string | undefined) => string;
  readonly planned: string;
  readonly actual: string;
  readonly upcomingHeading: string;
  readonly noUpcoming: string;
  /** A workshop's kind in words, by kind. */
  readonly workshopKind: Readonly<Record<string, string>>;
  readonly signUp: string;
  /** What follows {@linkcode signUp} in the button's accessible name: the workshop and its day. */
  readonly signUpFor: (workshop: string, day: string) => string;
  readonly back: string;
  readonly fullShort: string;
  readonly closedShort: string;
  readonly pastHeading: string;
  readonly attended: (n: number) => string;
  readonly decisionsHeading: string;
  readonly noDecision: string;
  /** What became of a contribution, in words, by outcome. */
  readonly outcome: Readonly<Record<string, string>>;
  /** A contribution's kind, by kind: « Décision », « Demande ». */
  readonly contributionKind: Readonly<Record<string, string>>;
  readonly outcomeReason: string;
  readonly madeIn: (workshop: string) => string;
  readonly decidedOn: (day: string) => string;
  readonly engagementsHeading: string;
  readonly noEngagement: string;
  /** An engagement's status in words, by status. */
  readonly engagementStatus: Readonly<Record<string, string>>;
  readonly dueOn: (day: string) => string;
  /** What the sign-up to a workshop says differently from a walk's (over {@linkcode WalkSignupTexts}). */
  readonly signup: Partial<WalkSignupTexts>;
}

/**
 * Every text the elements show, in one language. Role, status and error texts
 * come from `@gusp/core`'s catalogues; these are the elements' own. One part
 * per element, so that a page with one element carries that element's texts only.
 * Adding a language is one file shaped like `fr.ts`, passed to `registerTranslation`.
 */
export interface Translation {
  /** BCP 47 tag: `fr`, `en`, `fr-BE`… */
  readonly locale: string;
  readonly common: CommonTexts;
  readonly walkSignup: WalkSignupTexts;
  readonly walkList: WalkListTexts;
  readonly issueForm: IssueFormTexts;
  readonly engagementTracker: EngagementTrackerTexts;
  readonly project: ProjectTexts;
}

/** The parts of a {@linkcode Translation}, one per element plus the shared one. */
export type TranslationPart = Exclude<keyof Translation, 'locale'>;
