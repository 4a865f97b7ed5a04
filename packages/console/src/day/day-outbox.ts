// SPDX-License-Identifier: EUPL-1.2
/**
 * What the walk day sends, kept on the device first: starting and finishing the walk, check-ins
 * and walk-ins go through the public elements' outbox (`@gusp/elements/shared/outbox.js`: the
 * same IndexedDB store as `<gusp-issue-form>`'s observations), each entry with the client id it
 * was made with, sent as its `Idempotency-Key`, so the server applies it once however often the
 * network makes it resend. Sent oldest first (a start before the check-ins it allows), when the
 * screen opens (a reload), when the browser says it is back online, when the page is shown or
 * focused again, every 2, 4… 64 s while something waits (`Retry`: the `online` event may come before
 * the network really is back), and from « Envoyer maintenant »; stopped at the first failure of the
 * network, or when the session must be opened again (then not retried by itself).
 */
import { newId } from '@gusp/core';
import * as outbox from '@gusp/elements/shared/outbox.js';
import { retry } from '@gusp/elements/shared/retry.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiRefusal, staffRequest } from '../internal/api.js';
import { gatheringPath, type GatheringKind } from '../internal/gathering.js';

/** What the day sends: each is `POST {endpoint}/walks/{walkId}/{action}` (a workshop's: `/workshops/{workshopId}/{action}`). */
export const DAY_ACTIONS = ['start', 'finish', 'check-ins', 'walk-ins'] as const;
export type DayAction = (typeof DAY_ACTIONS)[number];

/** A walk-in as the form makes it (`WalkInInput`). */
export interface WalkInBody {
  readonly name: string;
  readonly role: string;
  readonly phone?: string;
  readonly consent: true;
}

/** The body of each action (start and finish have none). */
export interface DayBodies {
  readonly start: Record<string, never>;
  readonly finish: Record<string, never>;
  readonly 'check-ins': { readonly registrationIds: readonly string[] };
  readonly 'walk-ins': WalkInBody;
}

export type DayEntry = outbox.OutboxEntry<unknown> & { readonly action: DayAction };

/** How one sending ended: its answer, or the refusal (final: the entry left the device). */
export type DayOutcome =
  | { readonly entry: DayEntry; readonly outcome: 'sent'; readonly answer: unknown }
  | { readonly entry: DayEntry; readonly outcome: 'refused'; readonly error: ApiRefusal };

interface DayHost extends ReactiveControllerHost, HTMLElement {
  readonly locale: string;
}

/**
 * A walk-in kept on the device longer than a draft (24 hours: a phone lent, a shared tablet) keeps
 * the name it needs to be added, not the phone number (the outbox's rule for contacts).
 */
const withoutPhone = (body: unknown): unknown => {
  const { phone, ...rest } = body as WalkInBody;
  return phone === undefined ? undefined : rest;
};

/** The walk's (or workshop's) day, as the screen says it. */
interface DayTarget {
  readonly base: string;
  readonly walkId: string;
  readonly kind?: GatheringKind | undefined;
}

const pathOf = (target: DayTarget, action: DayAction) => gatheringPath(target.kind, target.walkId, `/${action}`);

/** The action of a URL the day made, if it is one of this walk's. */
const actionOf = (url: string, target: DayTarget): DayAction | undefined =>
  DAY_ACTIONS.find((a) => url === `${target.base}${pathOf(target, a)}`);

export class DayOutboxController implements ReactiveController {
  /** What waits for this walk, oldest first. */
  pending: readonly DayEntry[] = [];
  /** The sending under way, if any. */
  flushing: Promise<void> | undefined;
  /** Without IndexedDB (some private modes): kept in memory until sent or the page closes. */
  private readonly memory = new Map<string, DayEntry>();
  private flushedFor: string | undefined;
  private readonly onOnline = () => void this.flush();
  private readonly retry = retry(this.onOnline);
  /** The last attempt met a closed session: no retry by itself, the person signs in again. */
  private sessionEnded = false;

  constructor(
    private readonly host: DayHost,
    private readonly target: () => DayTarget | undefined,
    /** Each entry that reached the server, or that it refused, as it happens. */
    private readonly onOutcome: (outcome: DayOutcome) => void,
    /** The session is gone (401, or its CSRF token refused): the entry stays, sent once signed in again. */
    private readonly onSessionEnded: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.retry.listen(true);
  }

  hostDisconnected(): void {
    this.retry.listen(false);
  }

  /** A new walk (or the screen opened again): what waits for it is sent, or at least shown. */
  hostUpdated(): void {
    const target = this.target();
    const key = target && `${target.base} ${target.kind ?? 'walk'} ${target.walkId}`;
    if (key === this.flushedFor) return;
    this.flushedFor = key;
    if (target) void this.flush();
    else this.pending = [];
  }

  /** Keeps an action on the device, then tries to send what waits; resolves once that attempt has ended. */
  async add<A extends DayAction>(action: A, body: DayBodies[A]): Promise<DayEntry | undefined> {
    const target = this.target();
    if (!target) return undefined;
    const entry: DayEntry = {
      clientId: newId(),
      url: `${target.base}${pathOf(target, action)}`,
      body,
      createdAt: new Date().toISOString(),
      action,
    };
    await outbox.put(entry).catch(() => this.memory.set(entry.clientId, entry));
    await this.refresh();
    // A flush under way ends at the first failure: this one is sent after it.
    await this.flushing;
    await this.flush();
    return entry;
  }

  /** Reads again what waits for the walk, and renders it. */
  async refresh(): Promise<void> {
    const target = this.target();
    if (!target) {
      this.pending = [];
      this.host.requestUpdate();
      return;
    }
    const lists = await Promise.all(
      DAY_ACTIONS.map((a) =>
        outbox.pending<unknown>(`${target.base}${pathOf(target, a)}`, a === 'walk-ins' ? withoutPhone : undefined).catch(() => []),
      ),
    );
    const stored = lists.flat().flatMap((e) => {
      const action = actionOf(e.url, target);
      return action ? [{ ...e, action }] : [];
    });
    const inMemory = [...this.memory.values()].filter((e) => actionOf(e.url, target));
    this.pending = [...stored, ...inMemory].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    this.host.requestUpdate();
  }

  /** Sends what waits for the walk, oldest first; stops at the first failure of the network. */
  flush(): Promise<void> {
    this.flushing ??= (async () => {
      this.sessionEnded = false;
      try {
        await this.refresh();
        const target = this.target();
        if (!target) return;
        for (const entry of [...this.pending]) {
          if (!(await this.send(target.base, entry))) break;
        }
      } finally {
        this.flushing = undefined;
        await this.refresh();
        this.retry.after(this.pending.length > 0 && !this.sessionEnded);
      }
    })();
    return this.flushing;
  }

  /** One attempt; `false` when the rest should wait (no network, no session). */
  private async send(base: string, entry: DayEntry): Promise<boolean> {
    try {
      const answer = await staffRequest<unknown>(base, entry.url.slice(base.length), {
        method: 'POST',
        json: entry.body,
        locale: this.host.locale,
        headers: { 'Idempotency-Key': entry.clientId },
      });
      await this.forget(entry);
      this.onOutcome({ entry, outcome: 'sent', answer });
      return true;
    } catch (error) {
      if (!(error instanceof ApiRefusal)) return false;
      if (error.status === 401 || error.error.code === 'auth.csrf') {
        this.sessionEnded = true;
        this.onSessionEnded();
        return false;
      }
      // A refusal will not change on retry: the entry leaves the device, and the screen says why.
      await this.forget(entry);
      this.onOutcome({ entry, outcome: 'refused', error });
      return true;
    }
  }

  /** The entry leaves the device, and the count at once (before the screen says how it ended). */
  private async forget(entry: DayEntry): Promise<void> {
    this.memory.delete(entry.clientId);
    await outbox.remove(entry.clientId).catch(() => undefined);
    this.pending = this.pending.filter((e) => e.clientId !== entry.clientId);
    this.host.requestUpdate();
  }
}
