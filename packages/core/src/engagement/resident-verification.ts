// SPDX-License-Identifier: EUPL-1.2
/**
 * Verification by the people who were there (DOMAIN.md, Engagement): when an engagement of a walk is
 * done, the walk's participants who gave an email are asked « Est-ce réglé ? Oui / En partie / Non »,
 * each with a personal link. Who is asked, and the link's token, are defined here, once, for the
 * server that writes the emails and the core that takes the answers.
 *
 * The token is a digest of the engagement's id and the person's own secret (the cancel token given
 * at sign-up, which is personal data, sealed with it and forgotten with it): it cannot be guessed,
 * it names nobody, it is stored nowhere (the emails that carry it are sealed), and once the person
 * is erased no token is theirs any more. An answer keeps only a digest of the token (`voter`).
 */
import type { Registration } from '../registration/registration.js';
import { sha256Hex } from '../store/input-digest.js';

/** A registration who may be asked, or not: only what the choice reads. */
export type VerificationCandidate = Pick<Registration, 'status' | 'email' | 'anonymised' | 'cancelToken'>;

/**
 * Who is asked about an engagement of the walk these registrations are of: those who were there
 * (`attended`, walk-ins included) and gave an email; when nobody was checked in, the confirmed
 * registrants with an email. Erased people and those without an email are never asked.
 */
export function verificationParticipants<R extends VerificationCandidate>(registrations: readonly R[]): R[] {
  const attended = registrations.filter((r) => r.status === 'attended');
  const asked = attended.length > 0 ? attended : registrations.filter((r) => r.status === 'confirmed');
  return asked.filter((r) => !r.anonymised && (r.email ?? '').trim() !== '' && r.cancelToken !== '');
}

/** The token of one person's link to answer about one engagement (64 hex digits). */
export function residentVerificationToken(engagementId: string, registration: Pick<Registration, 'cancelToken'>): string {
  return sha256Hex(`gusp-resident-verification\u0000${engagementId}\u0000${registration.cancelToken}`);
}

/** What an answer keeps of the token: a digest, one per person and engagement, that names nobody. */
export function residentVoter(token: string): string {
  return sha256Hex(`gusp-resident-voter\u0000${token}`);
}
