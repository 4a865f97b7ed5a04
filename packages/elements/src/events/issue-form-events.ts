// SPDX-License-Identifier: EUPL-1.2
import type { GuspError, RecordObservationInput } from '@gusp/core';

export interface GuspObserveDetail {
  /** What the person reported, already checked by the core's `RecordObservationInput` schema and rules. */
  readonly input: RecordObservationInput;
  /** Chosen on the device; the server records a submission with the same id once. */
  readonly clientId: string;
}

/**
 * Fired when a valid observation is about to be sent (or kept on the device
 * until the network returns). Cancelable: call `preventDefault()` to send it yourself.
 */
export class GuspObserveEvent extends CustomEvent<GuspObserveDetail> {
  static readonly type = 'gusp-observe';
  constructor(detail: GuspObserveDetail) {
    super(GuspObserveEvent.type, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

export interface GuspObservedDetail {
  readonly clientId: string;
  readonly observationId: string | undefined;
}

/** Fired when the server has recorded an observation, right away or from the queue on the device. */
export class GuspObservedEvent extends CustomEvent<GuspObservedDetail> {
  static readonly type = 'gusp-observed';
  constructor(detail: GuspObservedDetail) {
    super(GuspObservedEvent.type, { detail, bubbles: true, composed: true });
  }
}

export interface GuspObservationQueuedDetail {
  readonly clientId: string;
  /** How many observations wait on this device for this endpoint. */
  readonly pending: number;
}

/** Fired when an observation could not be sent and is kept on the device (« en attente d'envoi »). */
export class GuspObservationQueuedEvent extends CustomEvent<GuspObservationQueuedDetail> {
  static readonly type = 'gusp-observation-queued';
  constructor(detail: GuspObservationQueuedDetail) {
    super(GuspObservationQueuedEvent.type, { detail, bubbles: true, composed: true });
  }
}

export interface GuspObservationRefusedDetail {
  readonly clientId: string;
  readonly error: GuspError;
}

/** Fired when the server refused an observation sent from the queue on the device. */
export class GuspObservationRefusedEvent extends CustomEvent<GuspObservationRefusedDetail> {
  static readonly type = 'gusp-observation-refused';
  constructor(detail: GuspObservationRefusedDetail) {
    super(GuspObservationRefusedEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gusp-observe': GuspObserveEvent;
    'gusp-observed': GuspObservedEvent;
    'gusp-observation-queued': GuspObservationQueuedEvent;
    'gusp-observation-refused': GuspObservationRefusedEvent;
  }
}
