// SPDX-License-Identifier: EUPL-1.2
import type { GuspError, RecordObservationInput } from '@gusp/core';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { GuspObservationRefusedEvent, GuspObservedEvent } from '../events/issue-form-events.js';
import { ApiRefusal, writeJson } from '../internal/api.js';
import * as outbox from '../internal/outbox.js';
import { heading } from '../internal/heading.js';
import { retry } from '../internal/retry.js';
import type { IssueFormTexts } from '../translations/index.js';

type Entry = outbox.OutboxEntry<RecordObservationInput>;

/** The observation without its reporter's contact, for one queued too long; `undefined` when it has none. */
const withoutContact = ({ reporter, ...observation }: RecordObservationInput): RecordObservationInput | undefined =>
  reporter ? observation : undefined;

/** How one attempt ended: recorded, kept for later (network, server down), or refused with why. */
export type SendOutcome = { readonly outcome: 'sent' | 'queued' } | { readonly outcome: 'refused'; readonly error: GuspError };

interface OutboxHost extends ReactiveControllerHost, HTMLElement {
  readonly locale: string;
  /** Sent with each attempt, read then (a session's CSRF token is the current one, not the one of the submit). */
  readonly headers?: Record<string, string> | undefined;
}

/**
 * The API contract for an observation with photos: `multipart/form-data`,
 * an `observation` part holding the JSON, and one `photo` part per photo
 * (JPEG, file name `<photos[].id>.jpg`). Without photos, the body is the JSON itself.
 */
function observationForm(observation: RecordObservationInput, files: readonly outbox.OutboxFile[]): FormData {
  const form = new FormData();
  form.append('observation', JSON.stringify(observation));
  for (const file of files) form.append('photo', file.blob, file.name);
  return form;
}

/**
 * Observations waiting on the device (IndexedDB) for `POST {endpoint}/observations`:
 * each submit is kept there first, so closing the page mid-request loses
 * nothing; what could not be sent is listed (« en attente d'envoi ») and sent
 * again, oldest first, when the endpoint is set, when the browser says it is
 * back online, when the page is shown or focused again, every 2, 4… 64 s while
 * something waits (the `online` event may come before the network really is
 * back: that attempt fails, and nothing else would come), and from
 * « Envoyer maintenant », with its client id (`Idempotency-Key`) so the server records it once.
 */
export class OutboxController implements ReactiveController {
  /** What waits for the current URL, oldest first. */
  pending: readonly Entry[] = [];
  /** The flush under way, if any. */
  flushing: Promise<void> | undefined;
  /** The client id of the submit being sent (a proof of work solved, then the request): the button says so. */
  sending: string | undefined;
  private flushedUrl: string | undefined;
  private readonly onOnline = () => void this.flush();
  private readonly retry = retry(this.onOnline);

  constructor(
    private readonly host: OutboxHost,
    private readonly url: () => string | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.retry.listen(true);
  }

  hostDisconnected(): void {
    this.retry.listen(false);
  }

  /** After an update, never during it: a new endpoint sends what waits for it. */
  hostUpdated(): void {
    const url = this.url();
    if (url === this.flushedUrl) return;
    this.flushedUrl = url;
    if (url) void this.flush();
  }

  /** Keeps an entry on the device; `false` without IndexedDB (some private modes). */
  keep(entry: Entry): Promise<boolean> {
    return outbox.put(entry).then(
      () => true,
      () => false,
    );
  }

  /**
   * One attempt at sending an entry. A refusal will not change on retry: the
   * entry leaves the device, and, for one from the queue, `gusp-observation-refused` says why.
   */
  async send(entry: Entry, fromQueue = false): Promise<SendOutcome> {
    if (!fromQueue) {
      this.sending = entry.clientId;
      this.host.requestUpdate();
    }
    try {
      const answer = await writeJson<{ observationId?: string }>(entry.url, {
        method: 'POST',
        ...(entry.files?.length ? { body: observationForm(entry.body, entry.files), timeout: 60_000 } : { json: entry.body }),
        locale: this.host.locale,
        headers: { ...this.host.headers, 'Idempotency-Key': entry.clientId },
      });
      await outbox.remove(entry.clientId).catch(() => undefined);
      this.host.dispatchEvent(new GuspObservedEvent({ clientId: entry.clientId, observationId: answer.observationId }));
      return { outcome: 'sent' };
    } catch (error) {
      // No session (401), or its CSRF token refused: not the observation's fault; kept until signed in again.
      if (!(error instanceof ApiRefusal) || error.status === 401 || error.error.code === 'auth.csrf') {
        if (!fromQueue) this.retry.after(true);
        return { outcome: 'queued' };
      }
      await outbox.remove(entry.clientId).catch(() => undefined);
      if (fromQueue) this.host.dispatchEvent(new GuspObservationRefusedEvent({ clientId: entry.clientId, error: error.error }));
      return { outcome: 'refused', error: error.error };
    } finally {
      if (!fromQueue) {
        this.sending = undefined;
        this.host.requestUpdate();
      }
    }
  }

  /** Sends what waits for the URL, oldest first; stops at the first failure of the network. */
  flush(): Promise<void> {
    const url = this.url();
    if (!url) return Promise.resolve();
    this.flushing ??= (async () => {
      try {
        for (const entry of await outbox.pending<RecordObservationInput>(url, withoutContact).catch(() => [])) {
          if ((await this.send(entry, true)).outcome === 'queued') break;
        }
      } finally {
        await this.refresh();
        this.flushing = undefined;
        this.retry.after(this.pending.length > 0);
      }
    })();
    return this.flushing;
  }

  /** Reads again what waits, and renders it. */
  async refresh(): Promise<void> {
    const url = this.url();
    this.pending = url ? await outbox.pending<RecordObservationInput>(url, withoutContact).catch(() => []) : [];
    this.host.requestUpdate();
  }

  /** The list of what waits, with « Envoyer maintenant », titled at `level`; nothing when nothing waits. */
  render(t: IssueFormTexts, sendNow: () => void, level = 3): TemplateResult | typeof nothing {
    const pending = this.pending;
    if (pending.length === 0) return nothing;
    return html`<section class="pending notice" part="pending" aria-labelledby="pending-title">
      ${heading(level, t.pendingHeading(pending.length), { id: 'pending-title' })}
      <ul>
        ${pending.map(
          (e) =>
            html`<li>
              <span class="excerpt">${e.body.description.length > 60 ? `${e.body.description.slice(0, 60)}…` : e.body.description}</span>
              – <em>${t.pendingStatus}</em>
            </li>`,
        )}
      </ul>
      <button type="button" class="secondary" @click=${sendNow}>${t.sendNow}</button>
    </section>`;
  }
}
