// SPDX-License-Identifier: EUPL-1.2
/** Shared helpers of the browser tests: walk data, the test API, filling forms. */
import type { WorkshopSummary } from '@gusp/core';
import type { TestWalkOptions } from './api-middleware.js';
export { projectData, walkData, workshopSummary } from './fixtures.js';

/** The API mounted by web-test-runner.config.mjs (test/api-middleware.ts). */
export const API = '/api';
/** A second, separate API (its own store): what changing `endpoint` switches to. */
export const OTHER_API = '/api2';

async function post<T>(path: string, body: unknown, api = API): Promise<T> {
  const response = await fetch(`${api}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** Creates a published walk on the test API (real core service); returns its id. */
export async function createWalk(options: TestWalkOptions = {}, api = API): Promise<string> {
  return (await post<{ id: string }>('/__test/walks', options, api)).id;
}

/** Creates an engagement (proposed) on an API; returns it. */
export const createEngagement = (title: string, api = API): Promise<{ id: string; title: string }> =>
  post('/__test/engagements', { title, quartierId: 'le-plan' }, api);

/** Keeps the next `GET {API}{path}` waiting (a slow answer) until {@linkcode release}. */
export async function holdNext(path: string): Promise<void> {
  await post('/__test/hold', { path });
}

/** Resolves once the held request has reached the API. */
export async function heldArrived(): Promise<void> {
  const response = await fetch(`${API}/__test/held`);
  if (!response.ok) throw new Error(`/__test/held: ${response.status}`);
}

/** Answers the held request; says whether the browser had aborted it first. */
export const release = (): Promise<{ aborted: boolean }> => post('/__test/release', {});

/** Makes the next `GET {API}{path}` answer 503 (a failed load). */
export async function failNext(path: string): Promise<void> {
  await post('/__test/fail-next', { path });
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

/** The drafts the elements keep in `localStorage`, by key. */
export function storedDrafts(): Record<string, string> {
  return Object.fromEntries(
    Object.keys(localStorage)
      .filter((k) => k.startsWith('gusp-'))
      .map((k) => [k, localStorage.getItem(k)!]),
  );
}

/**
 * Moves the date of every stored draft `hours` back, as if the person had
 * left the computer that long ago (the draft's `savedAt`, in milliseconds).
 */
export function ageDrafts(hours: number): void {
  const keys = Object.keys(storedDrafts());
  if (keys.length === 0) throw new Error('No draft to age');
  for (const key of keys) {
    const draft = JSON.parse(localStorage.getItem(key)!) as Record<string, unknown>;
    localStorage.setItem(key, JSON.stringify({ ...draft, savedAt: Date.now() - hours * 3_600_000 }));
  }
}

/** Creates a workshop open for sign-up on the test API; returns its id and summary (see api-middleware.ts). */
export const createWorkshop = (
  options: { capacity?: number; fill?: number; title?: string; days?: number; project?: string } = {},
  api = API,
): Promise<{ id: string; projectId: string; summary: WorkshopSummary }> => post('/__test/workshops', options, api);

/** The registrations the API has stored for a workshop. */
export async function storedWorkshopRegistrations(workshopId: string): Promise<{ name: string; status: string; role: string }[]> {
  return (await fetch(`${API}/__test/workshops/${workshopId}/registrations`)).json();
}
