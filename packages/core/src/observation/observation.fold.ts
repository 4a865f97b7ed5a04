// SPDX-License-Identifier: EUPL-1.2
import type { ObservationEvent } from '../events.js';
import { targetOf } from '../rules/transition.js';
import { observationRules, type ObservationEventName } from './observation.rules.js';
import type { Observation } from './observation.js';

const lifecycleEvent: Record<
  Exclude<ObservationEvent['type'], 'ObservationRecorded' | 'ReporterContactErased' | 'ObservationPhotoRedacted'>,
  ObservationEventName
> = {
  ObservationQualified: 'qualify',
  ObservationMarkedDuplicate: 'markDuplicate',
  ObservationRejected: 'reject',
  ObservationCommitted: 'commit',
  ObservationResolved: 'resolve',
};

/** Applies one event of an observation stream. */
export function evolveObservation(obs: Observation | undefined, event: ObservationEvent): Observation {
  if (event.type === 'ObservationRecorded') return { ...event.data.observation, status: targetOf(observationRules, 'none', 'record') };
  if (!obs) throw new Error(`Observation stream must start with ObservationRecorded, got ${event.type}`);
  if (event.type === 'ReporterContactErased') {
    const { reporter: _erased, ...rest } = obs;
    return { ...rest, updatedAt: event.at };
  }
  // The photo's bytes were replaced; the observation names the same photo.
  if (event.type === 'ObservationPhotoRedacted') return { ...obs, updatedAt: event.at };
  const note = 'note' in event.data && event.data.note ? { note: event.data.note } : {};
  const next: Observation = { ...obs, status: targetOf(observationRules, obs.status, lifecycleEvent[event.type]), updatedAt: event.at };
  switch (event.type) {
    case 'ObservationQualified':
      return { ...next, organisationId: event.data.organisationId, severity: event.data.severity, ...note };
    case 'ObservationMarkedDuplicate':
      return { ...next, duplicateOf: event.data.of, ...note };
    case 'ObservationRejected':
      return { ...next, rejectReason: event.data.reason };
    case 'ObservationCommitted':
      return { ...next, engagementId: event.data.engagementId };
    case 'ObservationResolved':
      return { ...next, ...note };
  }
}

export function foldObservation(events: readonly ObservationEvent[]): Observation | undefined {
  let obs: Observation | undefined;
  for (const event of events) obs = evolveObservation(obs, event);
  return obs;
}
