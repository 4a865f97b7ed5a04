// SPDX-License-Identifier: EUPL-1.2
import { accountsEn } from './accounts.js';
import { dayEn } from './day.js';
import { planEn } from './plan.js';
import { registrationsEn } from './registrations.js';
import type { ConsoleTexts } from './types.js';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The console in English. */
export const en: ConsoleTexts = {
  locale: 'en',
  loading: 'Loading…',
  loadFailed: 'Loading failed. Check your connection and try again.',
  retry: 'Try again',
  signInTitle: 'Sign in to the back office',
  signInIntro: 'No password: enter your work address and we will send you a link and a code, valid for 15 minutes.',
  emailLabel: 'Email address',
  emailHint: 'For example: firstname.lastname@city.fr',
  sendLink: 'Send me a sign-in link',
  sending: 'Sending…',
  checkEmailTitle: 'Check your email',
  checkEmail: (email) =>
    `If there is an account for ${email}, we have just sent it a sign-in link and a 6-digit code, valid for 15 minutes. Open the link, or enter the code below.`,
  codeLabel: '6-digit code',
  codeHint: 'The code in the email, for example 123456.',
  verify: 'Sign in',
  verifying: 'Checking…',
  otherAddress: 'Use another address',
  verifyingLink: 'Checking your sign-in link…',
  linkFailed: 'This sign-in link no longer works: it has been used or has expired.',
  askNewLink: 'Ask for a new link',
  signedOut: 'You are signed out.',
  signInWith: (provider) => `Sign in with ${provider}`,
  orByEmail: 'Or get a link by email:',
  errors: {
    emailMissing: 'Enter your email address.',
    emailInvalid: 'Enter a valid email address, for example firstname.lastname@city.fr.',
    codeInvalid: 'The code has 6 digits, for example 123456.',
    signInInvalid: 'This code or link is not valid: it is wrong, has been used or has expired. Check the code or ask for a new one.',
    rateLimited: (minutes) => `Too many requests. Try again in ${minutes} minute${plural(minutes, '', 's')}.`,
    unavailable: 'The server does not answer. Check your connection and try again.',
    sessionEnded: 'Your session has ended. Sign in again.',
    forbidden: 'Your account cannot open this screen.',
  },
  appTitle: 'Neighbourhood walks back office',
  signedInAs: (who, role) => `Signed in: ${who}, ${role}`,
  signOut: 'Sign out',
  navLabel: 'Back office',
  roles: { coordinator: 'coordinator', agent: 'agent', organisation: 'organisation' },
  screens: {
    walks: 'Walks',
    plan: 'Plan',
    registrations: 'Registrations',
    day: 'Walk day',
    accounts: 'Accounts',
    engagements: 'Engagements',
  },
  comingSoon: {
    engagements: 'Your organisation’s engagements and their progress.',
  },
  noWalkChosen: 'First choose a walk in the list of walks.',
  plan: planEn,
  registrations: registrationsEn,
  day: dayEn,
  accounts: accountsEn,
  comingSoonNote: 'This screen comes in a later version of the back office.',
  noScreen: 'No screen is open to your role yet.',
  walksTitle: 'Neighbourhood walks',
  filters: 'Filters',
  year: 'Year',
  quartier: 'Quartier',
  allQuartiers: 'All quartiers',
  status: 'Status',
  allStatuses: 'All statuses',
  statuses: {
    open: 'Registrations open',
    closed: 'Registrations closed',
    'in-progress': 'In progress',
    done: 'Done',
    reported: 'Report published',
    cancelled: 'Cancelled',
  },
  coverageTitle: (year) => `Priority quartiers in ${year}`,
  uncovered: (names) => `${names.length} priority quartier${plural(names.length, '', 's')} without a walk this year: ${names.join(', ')}.`,
  allCovered: 'Every priority quartier has at least one walk this year.',
  walksCount: (n) => (n === 0 ? 'no walk' : `${n} walk${plural(n, '', 's')}`),
  priority: 'priority',
  noWalks: 'No published walk matches these filters.',
  seats: (confirmed, left, capacity, waitlisted) =>
    `${confirmed} registered, ${left} seat${plural(left, '', 's')} left of ${capacity}${waitlisted ? `, ${waitlisted} on the waiting list` : ''}`,
  attended: (n) => (n === 0 ? 'Nobody checked in' : `${n} participant${plural(n, '', 's')}`),
  walksShown: (n) => (n === 0 ? 'No walk' : `${n} walk${plural(n, '', 's')}`),
};
