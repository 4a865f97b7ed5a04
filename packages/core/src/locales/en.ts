// SPDX-License-Identifier: EUPL-1.2
import { catalogue } from './catalogue.js';
import type { Catalogue, CataloguePart } from './types.js';
import { projectEn } from '../project/project.messages.js';

// A detail is whatever a guard put there (ids, numbers, dates): String() is how it is worded.
// eslint-disable-next-line @typescript-eslint/no-base-to-string
const s = (v: unknown): string => String(v ?? '');

// One export per domain, so that a bundle only carries the messages of the modules it uses;
// the whole catalogue below is their union.

/** Validation of any input: field by field. */
export const fields = {
  errors: {
    'validation.invalid': 'Some information is missing or invalid.',
    'field.required': 'This field is required.',
    'field.invalid-type': 'This value has the wrong type.',
    'field.too-short': (d) => (d.origin === 'string' ? `At least ${s(d.minimum)} character(s).` : `Must be at least ${s(d.minimum)}.`),
    'field.too-long': (d) => (d.origin === 'string' ? `At most ${s(d.maximum)} character(s).` : `Must be at most ${s(d.maximum)}.`),
    'field.too-few': (d) => `At least ${s(d.minimum)} item(s).`,
    'field.too-many': (d) => `At most ${s(d.maximum)} item(s).`,
    'field.invalid-email': 'Invalid email address (example: name@example.org).',
    'field.invalid-datetime': 'Invalid date and time: ISO 8601 with an offset expected (2026-03-14T09:00:00+01:00).',
    'field.invalid-date': 'Invalid date: YYYY-MM-DD expected.',
    'field.invalid-url': 'Invalid web address.',
    'field.invalid-format': 'Invalid format.',
    'field.invalid-value': (d) => (Array.isArray(d.values) ? `Unknown value. Possible values: ${d.values.join(', ')}.` : 'Unknown value.'),
    'field.unknown-keys': (d) => `Unknown field(s): ${Array.isArray(d.keys) ? d.keys.join(', ') : ''}.`,
    'field.not-integer': 'A whole number is expected.',
    'field.control-characters': 'This text contains invisible characters that are not allowed.',
    'field.invalid': 'Invalid value.',
  },
  labels: {
    'format.colon': ': ',
    'format.percent': '%',
  },
} satisfies CataloguePart;

/** City profiles. */
export const city = {
  errors: {
    'city.invalid': (d) => `The city profile has ${s(d.count)} problem(s).`,
    'city.unknown-theme-axis': (d) => `Theme “${s(d.themeId)}” uses an unknown axis: “${s(d.axis)}”.`,
    'city.duplicate-id': (d) => `Duplicate id in ${s(d.collection)}: “${s(d.id)}”.`,
    'city.unknown-timezone': (d) => `Unknown time zone: “${s(d.timezone)}”.`,
    'city.no-priority-quartier': 'The profile needs at least one priority quartier.',
    'city.unknown-organisation': (d) => `Unknown organisation: “${s(d.organisationId)}”.`,
    'city.ring-not-closed': 'A ring of this boundary does not end where it starts: repeat its first position at the end.',
    'city.boundary-too-large': (d) => `This boundary has ${s(d.count)} positions: at most ${s(d.maximum)}. Simplify it first.`,
  },
  labels: {},
} satisfies CataloguePart;

/** The roles of the actors. */
export const roles = {
  errors: {},
  labels: {
    'role.resident': 'Resident',
    'role.association': 'Neighbourhood association',
    'role.professional': 'Public-service professional',
    'role.elected': 'Elected official',
    'role.landlord': 'Social landlord (OPH)',
    'role.proximity-agent': 'Proximity agent',
    'role.partner': 'Partner',
  },
} satisfies CataloguePart;

/** Walks. */
export const walk = {
  errors: {
    'walk.not-found': 'This walk cannot be found.',
    'walk.invalid-transition': (d) => `Cannot “${s(d.event)}”: the walk is “${s(d.state)}”.`,
    'walk.unknown-quartier': (d) => `Unknown quartier for this city: “${s(d.quartierId)}”.`,
    'walk.start-in-past': 'The walk must start in the future.',
    'walk.deadline-in-past': 'Registrations would close in the past: give a registration deadline still to come (registrationDeadline).',
    'walk.meeting-point-required': 'Give a meeting point.',
    'walk.capacity-required': 'Give a number of seats greater than zero.',
    'walk.registration-closed': (d) =>
      d.gathering === 'workshop' ? 'Registrations for this workshop are closed.' : 'Registrations for this walk are closed.',
    'walk.full': (d) =>
      d.gathering === 'workshop' ? 'There are no seats left in this workshop.' : 'There are no seats left on this walk.',
    'walk.too-early-to-start': (d) => `A walk cannot start more than ${s(d.minutes)} minutes before its scheduled time.`,
    'walk.reason-required': 'Give a reason.',
  },
  labels: {
    'walk.status.draft': 'Draft',
    'walk.status.open': 'Registrations open',
    'walk.status.closed': 'Registrations closed',
    'walk.status.in-progress': 'In progress',
    'walk.status.done': 'Done',
    'walk.status.reported': 'Report shared',
    'walk.status.cancelled': 'Cancelled',
    // The day sheet (walk/day-sheet-html.ts): the route and the attendance sheet, printed for the day.
    'daySheet.title': 'Day sheet',
    'daySheet.walk': 'Neighbourhood walk',
    'daySheet.date': 'Date',
    'daySheet.time': 'Time',
    'daySheet.registered': 'People registered',
    'daySheet.waitingCount': 'on the waiting list',
    'daySheet.needs': 'Needs reported',
    'daySheet.route': 'Route',
    'daySheet.noRoute': 'No route given: meet at the meeting point.',
    'daySheet.map': 'Route map',
    'daySheet.mapNote': 'The numbers are the stops of the list; the solid line joins them in order.',
    'daySheet.mapBoundary': 'The dashed line is the quartier’s boundary.',
    'daySheet.mapApproximate': 'The dashed line is the quartier’s approximate boundary.',
    'daySheet.attendance': 'Attendance sheet',
    'daySheet.legend': 'Sign when you arrive. “Phone only”: no email address; the report is handed out on paper or announced by phone.',
    'daySheet.number': 'No.',
    'daySheet.name': 'Name',
    'daySheet.role': 'Role',
    'daySheet.signature': 'Signature',
    'daySheet.phoneOnly': 'phone only',
    'daySheet.walkIn': 'walk-in',
    'daySheet.checkedIn': 'checked in',
    'daySheet.nobody': 'No registrations yet.',
    'daySheet.waitlist': 'Waiting list',
    'daySheet.waitlistNote': 'In sign-up order. A person on the list who comes is checked in like everyone else.',
    'daySheet.position': 'Place',
    'daySheet.walkIns': 'People who came without registering',
    'daySheet.privacy':
      'Staff working document: it contains personal data. Do not pass it around, and destroy it once attendance has been recorded.',
    'daySheet.printedAt': 'Printed on',
  },
} satisfies CataloguePart;

/** Registrations. */
export const registration = {
  errors: {
    'registration.not-found': 'This registration cannot be found.',
    'registration.invalid-transition': (d) => `Cannot “${s(d.event)}”: the registration is “${s(d.state)}”.`,
    'registration.consent-required': 'Your consent is needed to record the registration.',
    'registration.contact-required': 'Give an email address or a phone number.',
    'registration.duplicate-email': (d) =>
      d.gathering === 'workshop'
        ? 'This email address is already registered for this workshop.'
        : 'This email address is already registered for this walk.',
    'registration.walk-not-underway': (d) =>
      d.gathering === 'workshop' ? 'Check-in is only possible during the workshop.' : 'Check-in is only possible during the walk.',
    'registration.walk-over': (d) =>
      d.gathering === 'workshop'
        ? 'The workshop has already started: the registration can no longer be changed.'
        : 'The walk has already started: the registration can no longer be changed.',
    'registration.reason-required': 'Give a reason.',
    'registration.staff-sign-up-closed': (d) =>
      d.gathering === 'workshop'
        ? 'Staff can register someone once the workshop is published and until it starts; during the workshop, add the person as a walk-in.'
        : 'Staff can register someone once the walk is published and until it starts; during the walk, add the person as a walk-in.',
    'registration.walk-in-not-underway': (d) =>
      d.gathering === 'workshop'
        ? 'A person who came without registering can only be added during the workshop.'
        : 'A person who came without registering can only be added during the walk.',
    'registration.over-capacity-reason-required': 'No seat is left: to take this person beyond the capacity, give a reason.',
  },
  labels: {
    'registration.status.confirmed': 'Confirmed',
    'registration.status.waitlisted': 'On the waiting list',
    'registration.status.cancelled': 'Cancelled',
    'registration.status.removed': 'Removed by staff',
    'registration.status.attended': 'Attended',
    'registration.status.absent': 'Absent',
    'registration.channel.online': 'Online',
    'registration.channel.phone': 'By phone',
    'registration.channel.walk-in': 'On the spot',
    // Needs, counted ("2 wheelchairs, 1 interpreter"): one form per plural category of the language.
    'need.mobility.one': 'person with reduced mobility',
    'need.mobility.other': 'people with reduced mobility',
    'need.wheelchair.one': 'wheelchair',
    'need.wheelchair.other': 'wheelchairs',
    'need.visual.one': 'visual impairment',
    'need.visual.other': 'visual impairments',
    'need.hearing.one': 'hearing impairment',
    'need.hearing.other': 'hearing impairments',
    'need.interpreter.one': 'interpreter',
    'need.interpreter.other': 'interpreters',
    'need.sign-language.one': 'sign language interpreter',
    'need.sign-language.other': 'sign language interpreters',
    'need.childcare.one': 'childcare request',
    'need.childcare.other': 'childcare requests',
    'need.other.one': 'other need',
    'need.other.other': 'other needs',
    'needs.none': 'No needs reported',
  },
} satisfies CataloguePart;

/** Observations. */
export const observation = {
  errors: {
    'observation.not-found': 'This observation cannot be found.',
    'observation.invalid-transition': (d) => `Cannot “${s(d.event)}”: the observation is “${s(d.state)}”.`,
    'observation.location-required': 'Say where this is: a stop, a position or an address.',
    'observation.unknown-theme': (d) => `Unknown theme: “${s(d.themeId)}”.`,
    'observation.quartier-required': 'Say which neighbourhood this is in.',
    // The refusal of a point outside every quartier's shape (core geo.ts): here, so that the forms carry it.
    'geo.outside-city': (d) =>
      `This position is outside the neighbourhoods of ${s(d.city)}: place the point inside one of them, or say where it is in words.`,
    'observation.unknown-quartier': (d) => `Unknown quartier: “${s(d.quartierId)}”.`,
    'observation.unknown-stop': 'This stop is not on the route.',
    'observation.walk-not-underway': (d) =>
      `This walk is not under way: observations are recorded during the walk, or by staff within ${s(d.hours)} hours after it.`,
    'observation.contact-consent-required': 'Your consent is needed to keep your contact details.',
  },
  labels: {
    'polarity.positive': 'Positive point',
    'polarity.problem': 'Problem',
    'observation.status.recorded': 'Recorded',
    'observation.status.qualified': 'Qualified',
    'observation.status.duplicate': 'Duplicate',
    'observation.status.rejected': 'Rejected',
    'observation.status.committed': 'Commitment made',
    'observation.status.resolved': 'Resolved',
  },
} satisfies CataloguePart;

/** The compte-rendu. */
export const report = {
  errors: {
    'report.not-found': 'This report cannot be found.',
    'report.walk-not-done': 'The report can only be written once the walk is done.',
    'report.invalid-transition': (d) => `Cannot “${s(d.event)}”: the report is “${s(d.state)}”.`,
    'report.unknown-stop': (d) => `Unknown stop on this route: ${s(d.stopIds)}.`,
    'report.unknown-photo': (d) => `This photo is not one of this walk’s observations’: ${s(d.photoIds)}.`,
  },
  labels: {
    'report.introduction': 'Introduction',
    'report.stopNotes': 'Stop by stop',
    'report.nextSteps': 'What comes next',
    'report.photos': 'Photos',
    'report.status.draft': 'Draft',
    'report.status.validated': 'Validated',
    'report.status.shared': 'Shared',
    'report.title': 'Neighbourhood walk report',
    'report.date': 'Date',
    'report.participants': 'Participants',
    'report.participantsTotal': 'Total',
    'report.byStop': 'Observations by stop',
    'report.byTheme': 'Observations by theme',
    'report.positives': 'Positive points',
    'report.problems': 'Problems',
    'report.engagements': 'Proposed commitments',
    'report.summary': 'Summary',
    'report.noStop': 'Off route',
    'report.none': 'None',
    'report.theme': 'Theme',
    'report.count': 'Count',
    'report.organisation': 'Organisation',
    'report.dueOn': 'Due',
    'report.status': 'Status',
    'report.sharedOn': 'Shared on',
    'report.generatedBy': 'Document produced with GUSP.',
    'report.time': 'Time',
    'report.route': 'Route',
    'report.stop': 'Stop',
    'report.role': 'Role',
    'report.engagement': 'Commitment',
    'report.generatedAt': 'Document generated on',
  },
} satisfies CataloguePart;

/** Engagements. */
export const engagement = {
  errors: {
    'engagement.not-found': 'This commitment cannot be found.',
    'engagement.invalid-transition': (d) => `Cannot “${s(d.event)}”: the commitment is “${s(d.state)}”.`,
  },
  labels: {
    'engagement.status.proposed': 'Proposed',
    'engagement.status.accepted': 'Accepted',
    'engagement.status.in-progress': 'In progress',
    'engagement.status.done': 'Done',
    'engagement.status.verified': 'Verified',
    'engagement.status.abandoned': 'Abandoned',
    'engagement.overdue': 'Overdue',
  },
} satisfies CataloguePart;

/**
 * What staff meet after the walk — triage and the engagements' steps — and the residents' verification
 * page: errors the public elements never show, so their bundles leave them out (the server, the console
 * and `errorMessage` have them, in the whole catalogue).
 */
export const followUp = {
  errors: {
    'observation.unknown-organisation': (d) => `Unknown organisation: “${s(d.organisationId)}”.`,
    'observation.reason-required': 'Give a reason.',
    'observation.duplicate-of-itself': 'An observation cannot duplicate itself.',
    'observation.photo-not-attached': (d) => `This observation has no photo “${s(d.photoId)}”.`,
    'engagement.reason-required': 'Give a reason.',
    'engagement.unknown-organisation': (d) => `Unknown organisation: “${s(d.organisationId)}”.`,
    'engagement.unknown-quartier': (d) => `Unknown quartier: “${s(d.quartierId)}”.`,
    'engagement.unknown-theme': (d) => `Unknown theme: “${s(d.themeId)}”.`,
    'engagement.due-date-in-past': 'The due date cannot be in the past.',
    'engagement.forbidden-organisation': 'Only the responsible organisation may change this commitment.',
    'engagement.organisation-cannot-verify':
      'An organisation does not verify its own commitments: the city’s coordination does, with the residents’ answers.',
    'engagement.verification-link-not-found':
      'This link cannot be used to answer for this commitment. Use the link from your email, unchanged.',
    'engagement.not-awaiting-answers':
      'This commitment no longer awaits answers: work has started again. Thank you, you will be asked again once it is done.',
  },
  labels: {
    'severity.low': 'Low',
    'severity.medium': 'Medium',
    'severity.high': 'High',
  },
} satisfies CataloguePart;

/** The journal store. */
export const store = {
  errors: {
    'store.client-id-reused': 'This request id was already used for another operation: send it with a new id.',
    'store.conflict': 'Too many simultaneous changes: try again.',
  },
  labels: {},
} satisfies CataloguePart;

/** CSV import and export. */
export const csv = {
  errors: {
    'csv.invalid': (d) => `Line ${s(d.line)}: ${s(d.reason)}`,
    'csv.missing-columns': (d) => `Missing columns: ${Array.isArray(d.columns) ? d.columns.join(', ') : ''}.`,
    'csv.unclosed-quote': 'A quote is opened and never closed.',
    'csv.text-after-quote': 'Text after a closing quote: inside a field, double the quotes ("").',
    'csv.field-count': (d) => `${s(d.expected)} field(s) expected, ${s(d.found)} found.`,
    'csv.duplicate-columns': (d) => `Duplicate columns: ${Array.isArray(d.columns) ? d.columns.join(', ') : ''}.`,
    'csv.invalid-json': 'Invalid JSON content.',
  },
  labels: {
    // The milestones column of the engagements CSV, in words.
    'csv.milestone.proposed': 'Proposed',
    'csv.milestone.accepted': 'Accepted',
    'csv.milestone.started': 'Work started',
    'csv.milestone.progressed': 'Progress update',
    'csv.milestone.completed': 'Done',
    'csv.milestone.verified': 'Verified with residents',
    'csv.milestone.reopened': 'Reopened',
    'csv.milestone.abandoned': 'Abandoned',
    'csv.milestone.rescheduled': 'Due date moved',
  },
} satisfies CataloguePart;

/** Open311 GeoReport v2. */
export const open311 = {
  errors: {
    'open311.service-code-required': 'A service_code is required: the theme of the request.',
    'open311.unknown-service': (d) => `Unknown service: “${s(d.serviceCode)}”.`,
    'open311.location-required': 'A location is required: lat and long, address_string or address_id.',
    'open311.invalid-media-url': 'media_url must be the full (http or https) address of media hosted elsewhere.',
    'open311.invalid-location': 'Invalid coordinates: lat between -90 and 90 and long between -180 and 180, in decimal degrees.',
  },
  labels: {
    'open311.keyService': 'No API key is needed: requests are public and anyone may report.',
    'open311.reopened': 'Reopened',
    'open311.rescheduled': 'Due date moved',
    'open311.dueOn': 'due on',
    'open311.duplicateOf': 'Duplicate of request',
    'open311.progress': 'progress',
  },
} satisfies CataloguePart;

/** iCalendar (with the words it shares with the report: quartier, meeting point). */
export const ical = {
  errors: {},
  labels: {
    'report.quartier': 'Neighbourhood',
    'report.meetingPoint': 'Meeting point',
    'ical.prodid': 'Neighbourhood walk',
    'ical.walkTitle': 'Neighbourhood walk',
    'ical.route': 'Route',
    'ical.cancelled': 'This neighbourhood walk is cancelled.',
    'ical.cancelReason': 'Reason',
    'ical.moreInfo': 'More information',
    'ical.feedName': 'Neighbourhood walks',
  },
} satisfies CataloguePart;

/** English: complete, key for key with `fr.ts` (a test checks it). */
export const en: Catalogue = /* @__PURE__ */ catalogue('en', [
  fields,
  city,
  roles,
  walk,
  registration,
  observation,
  report,
  engagement,
  followUp,
  store,
  csv,
  open311,
  ical,
  projectEn,
]);
