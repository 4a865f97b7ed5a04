// SPDX-License-Identifier: EUPL-1.2
/** A staff account as `/api/staff/me` and the sign-in answer give it. */
export interface StaffAccount {
  readonly id: string;
  readonly email: string | null;
  readonly name: string | null;
  readonly role: StaffRole;
  readonly organisationId?: string;
  readonly organisation?: string;
}

export type StaffRole = 'coordinator' | 'agent' | 'organisation';

/** What `POST /api/staff/sign-in/verify` answers. */
export interface SignedIn {
  readonly account: StaffAccount;
  readonly session: { readonly id: string; readonly csrfToken: string; readonly expiresAt?: string };
}

/** `gusp-signed-in`: a session is open (the cookie is set); `detail` is the account and the session's CSRF token. */
export class SignedInEvent extends Event {
  static readonly type = 'gusp-signed-in';
  constructor(readonly detail: SignedIn) {
    super(SignedInEvent.type, { bubbles: true, composed: true });
  }
}

/** `gusp-signed-out`: the session has ended (the person signed out). */
export class SignedOutEvent extends Event {
  static readonly type = 'gusp-signed-out';
  constructor() {
    super(SignedOutEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * `gusp-session-ended`: a screen's request was refused for want of a session (it expired, was
 * ended elsewhere, or the account deactivated): the console shows the sign-in again.
 */
export class SessionEndedEvent extends Event {
  static readonly type = 'gusp-session-ended';
  constructor() {
    super(SessionEndedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gusp-signed-in': SignedInEvent;
    'gusp-signed-out': SignedOutEvent;
    'gusp-session-ended': SessionEndedEvent;
  }
}
