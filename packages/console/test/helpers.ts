// SPDX-License-Identifier: EUPL-1.2
/** The API mounted by web-test-runner.config.mjs (test/staff-api.ts). */
export const API = '/api';

export async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${API}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** Empties the test API (no session, no code sent) and gives it these walk summaries. */
export const resetApi = (walks: unknown[] = [], oidc?: string) => post('/__test/reset', { walks, oidc });

/** The code and link token "emailed" to an address, if any. */
export async function sentTo(email: string): Promise<{ code: string; token: string } | undefined> {
  const sent = (await (await fetch(`${API}/__test/sent`)).json()) as Record<string, { code: string; token: string }>;
  return sent[email];
}

/** Makes the next `times` GETs of `path` (under the API) answer `status`. */
export const failNext = (path: string, status = 503, times = 1) => post('/__test/fail', { path, status, times });

/** Requests the test API received, by path. */
export const counts = async (): Promise<Record<string, number>> =>
  (await (await fetch(`${API}/__test/counts`)).json()) as Record<string, number>;

/** Resolves once `check` holds (polling each animation frame), or fails after `ms`. */
export async function until(check: () => boolean, ms = 4000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Opens a session for an address of the test API (sign-in, then verify by code): the cookie is set for the page. */
export async function signInAs(email: string): Promise<{ csrfToken: string }> {
  await post('/staff/sign-in', { email });
  const { session } = await post<{ session: { csrfToken: string } }>('/staff/sign-in/verify', { email, code: '123456' });
  return session;
}

export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;
export const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** A walk summary as `GET /api/walks` lists it (the fields the console shows). */
export function summary(id: string, quartierId: string, startsAt: string, status = 'open', extra: Record<string, unknown> = {}) {
  return {
    walk: { id, quartierId, startsAt, status: status === 'closed' ? 'open' : status, title: extra.title, capacity: 30 },
    status,
    capacity: 30,
    seatsLeft: 30 - Number(extra.confirmed ?? 0),
    fewSeatsLeft: false,
    confirmed: Number(extra.confirmed ?? 0),
    waitlisted: Number(extra.waitlisted ?? 0),
    attended: 0,
    byRole: {},
  };
}

/** The year the tests' walks are in: this year, as the screens default to it. */
export const YEAR = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date()));

/** Four walks this year (Le Plan ×2, Fontbarlettes, Polygone cancelled: Polygone, Chamberlière and Valensolles uncovered), one next year. */
export const someWalks = () => [
  summary('w-plan-1', 'le-plan', `${YEAR}-03-14T09:30:00+01:00`, 'done', { confirmed: 18, title: 'Autour des Bleuets' }),
  summary('w-plan-2', 'le-plan', `${YEAR}-10-10T09:30:00+02:00`, 'open', { confirmed: 4 }),
  summary('w-font', 'fontbarlettes', `${YEAR}-05-16T14:00:00+02:00`, 'closed', { confirmed: 30, waitlisted: 3 }),
  summary('w-poly', 'polygone', `${YEAR}-06-20T09:30:00+02:00`, 'cancelled'),
  summary('w-plan-next', 'le-plan', `${YEAR + 1}-04-11T09:30:00+02:00`, 'open'),
];
