// SPDX-License-Identifier: EUPL-1.2
/** Shared helpers of the browser tests: walk data, the test API, filling forms. */
import { Walk, valence, type WalkSummary } from '@gusp/core';
import type { WalkSignupData } from '../src/walk-signup/walk-signup-data.js';

/** The API mounted by web-test-runner.config.mjs (test/api-middleware.ts). */
export const API = '/api';

/**
 * A walk summary for inline data: Saturday 14 March 2099 (far enough never
 * to pass), 9:00 to 13:00 in Le Plan (Valence), open with 12 seats of 25
 * unless told otherwise.
 */
export function walkData(
  overrides: Partial<Omit<WalkSummary, 'walk'>> & { walk?: Record<string, unknown> } = {},
  extra: Partial<WalkSignupData> = {},
): WalkSignupData {
  const { walk, ...summary } = overrides;
  return {
    // Checked by the core's schema, so the fixtures stay true to the model.
    walk: Walk.parse({
      id: 'walk-le-plan-2099',
      quartierId: 'le-plan',
      startsAt: '2099-03-14T09:00:00+01:00',
      durationMinutes: 240,
      meetingPoint: { label: 'Parvis de la maison de quartier' },
      stops: [],
      capacity: 25,
      registrationDeadline: '2099-03-13T18:00:00+01:00',
      status: 'open',
      organiserIds: ['ville-de-valence'],
      sequence: 0,
      createdAt: '2026-11-01T10:00:00+01:00',
      updatedAt: '2026-11-01T10:00:00+01:00',
      ...walk,
    }),
    status: 'open',
    capacity: 25,
    seatsLeft: 12,
    fewSeatsLeft: false,
    confirmed: 13,
    waitlisted: 0,
    attended: 0,
    byRole: { resident: 13, association: 0, professional: 0, elected: 0, landlord: 0, 'proximity-agent': 0, partner: 0 },
    city: valence,
    ...summary,
    ...extra,
  };
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${API}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** Creates a published walk on the test API (real core service); returns its id. */
export async function createWalk(options: { capacity?: number; fill?: number; then?: 'close' | 'cancel' | 'reschedule' | 'start' } = {}): Promise<string> {
  return (await post<{ id: string }>('/__test/walks', options)).id;
}

/** Makes the API's registrations fail with 503 (a server down) or work again. */
export const setOutage = (on: boolean): Promise<unknown> => post('/__test/outage', { on });

/** Cuts each POST to the API before it is handled (`down`), after it (`lose-responses`), or neither (`up`). */
export async function setNetwork(mode: 'up' | 'down' | 'lose-responses'): Promise<void> {
  await post('/__test/network', { mode });
}

/** The registrations the API has stored for a walk. */
export async function storedRegistrations(walkId: string): Promise<{ name: string; status: string; role: string; needs: string[] }[]> {
  return (await fetch(`${API}/__test/walks/${walkId}/registrations`)).json();
}

/** Types into native controls the way a person does: value, then `input` / `change`. */
export function fill(root: ParentNode, values: Record<string, string | boolean>): void {
  for (const [id, value] of Object.entries(values)) {
    const control = root.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`#${id}`);
    if (!control) throw new Error(`No control #${id}`);
    if (typeof value === 'boolean') {
      (control as HTMLInputElement).checked = value;
      control.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      control.value = value;
      control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
    }
  }
}

/** Waits until `check` holds (for answers from the test API). */
export async function until(check: () => boolean, timeout = 4000): Promise<void> {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error('Timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A unique email per test run, since the API refuses the same email twice on a walk. */
export const uniqueEmail = (name: string): string => `${name}.${Math.random().toString(36).slice(2, 8)}@example.org`;
