// SPDX-License-Identifier: EUPL-1.2
import type { GuspError, RegisterInput } from '@gusp/core';
import type { RegistrationReceipt } from '../signup/signup-data.js';

/**
 * What a sign-up is to: `walkId` from `<gusp-walk-signup>`, `workshopId` from
 * a project's workshop (`<gusp-workshop-signup>`, in `<gusp-project>`). The
 * three events are the same for both, since both are one sign-up.
 */
export interface GatheringRef {
  readonly walkId?: string;
  readonly workshopId?: string;
}

export interface GuspRegisterDetail extends GatheringRef {
  /** What the person gave, already checked by the core's `RegisterInput` schema and rules. */
  readonly input: RegisterInput;
}

/**
 * Fired when a valid sign-up is about to be sent. Cancelable: call
 * `preventDefault()` to send it yourself, then give the outcome to the
 * element's `showReceipt()` (or `showError()`).
 */
export class GuspRegisterEvent extends CustomEvent<GuspRegisterDetail> {
  static readonly type = 'gusp-register';
  constructor(detail: GuspRegisterDetail) {
    super(GuspRegisterEvent.type, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

export interface GuspRegisteredDetail extends GatheringRef {
  readonly receipt: RegistrationReceipt;
}

/** Fired once the sign-up is recorded (confirmed or on the waiting list). */
export class GuspRegisteredEvent extends CustomEvent<GuspRegisteredDetail> {
  static readonly type = 'gusp-registered';
  constructor(detail: GuspRegisteredDetail) {
    super(GuspRegisteredEvent.type, { detail, bubbles: true, composed: true });
  }
}

export interface GuspRegisterErrorDetail extends GatheringRef {
  /** The server's refusal, or `undefined` when the network or server failed (worth a retry). */
  readonly error: GuspError | undefined;
}

/** Fired when a sign-up could not be recorded; the form keeps what was typed. */
export class GuspRegisterErrorEvent extends CustomEvent<GuspRegisterErrorDetail> {
  static readonly type = 'gusp-register-error';
  constructor(detail: GuspRegisterErrorDetail) {
    super(GuspRegisterErrorEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gusp-register': GuspRegisterEvent;
    'gusp-registered': GuspRegisteredEvent;
    'gusp-register-error': GuspRegisterErrorEvent;
  }
}
