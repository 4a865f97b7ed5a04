// SPDX-License-Identifier: EUPL-1.2
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { CommonTexts } from '../translations/index.js';
import { requestAllPages, requestJson } from './api.js';
import { readInlineJson } from './inline-data.js';

/** What the controller needs of its element: the `data` it fills and the language requests are made in. */
export interface DataHost<T> extends ReactiveControllerHost, HTMLElement {
  data: T | undefined;
  readonly hasUpdated: boolean;
  readonly locale: string;
}

/** How one element gets its data from the API. */
export interface DataSource<T> {
  /**
   * The URL to load from, made of the element's properties (`endpoint`,
   * `walk-id`…): when it changes, the data is loaded again. `undefined`: nothing to load.
   */
  readonly url: () => string | undefined;
  /** Turns the answer into the element's data (may throw: the load then failed). */
  readonly read?: (body: unknown) => T;
  /**
   * The URL answers a paged list (`{ <key>: [...], next? }`): its pages are
   * followed to the end (at most `MAX_PAGES`, api.ts) and the data holds them all.
   */
  readonly pagedKey?: string;
  /** Seconds between two reloads of the same URL (0: load once). A hidden tab does not reload. */
  readonly every?: () => number;
}

/** The answer of one run, with the URL it answers. */
interface Loaded<T> {
  readonly url: string;
  readonly value: T;
}

/**
 * The data of an element, whichever way it comes: the `data` property, a
 * child `<script type="application/json">`, or the API. A thin controller
 * over `@lit/task`: each run gets an `AbortSignal` (a newer run aborts the
 * previous request) and only the latest run's answer is kept, so a slow
 * first answer never overwrites a newer one — for a changed `walk-id` as for
 * the periodic refresh. While another URL loads, the previous data is not
 * shown: the page must never offer a sign-up to the walk it just left.
 */
export class DataController<T> implements ReactiveController {
  private readonly task: Task<readonly [string | undefined], Loaded<T> | undefined>;
  /** The URL whose answer is in `host.data`; set too when the page gave the data itself. */
  private shownUrl: string | undefined;
  private inlineFailed = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private timerKey = '';

  constructor(
    private readonly host: DataHost<T>,
    private readonly source: DataSource<T>,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      args: () => [source.url()] as const,
      task: async ([url], { signal }) => {
        if (url === undefined) return undefined;
        // Data given by the page (property or inline JSON) is not replaced by a first load.
        if (this.shownUrl === undefined && host.data !== undefined) {
          this.shownUrl = url;
          return undefined;
        }
        if (url !== this.shownUrl) host.data = undefined;
        const init = { signal, locale: host.locale };
        const body = source.pagedKey ? await requestAllPages<unknown>(url, source.pagedKey, init) : await requestJson<unknown>(url, init);
        return { url, value: source.read ? source.read(body) : (body as T) };
      },
      onComplete: (loaded) => {
        if (!loaded) return;
        this.shownUrl = loaded.url;
        this.host.data = loaded.value;
      },
    });
  }

  hostConnected(): void {
    if (this.host.data === undefined) {
      try {
        const inline = readInlineJson(this.host) as T | undefined;
        if (inline !== undefined) this.host.data = inline;
      } catch {
        this.inlineFailed = true;
      }
    }
    // Back in the page: the refresh starts again (an element moved in the DOM is disconnected, then connected).
    this.timerKey = '';
    if (this.host.hasUpdated) this.schedule();
  }

  /** Side effects after the update, never in `willUpdate` or `render`. */
  hostUpdated(): void {
    this.schedule();
  }

  /** (Re)starts the periodic reload when its URL or period changed, or stops it. */
  private schedule(): void {
    const url = this.source.url();
    const seconds = Number(this.source.every?.() ?? 0);
    const key = url && seconds > 0 ? `${seconds}|${url}` : '';
    if (key === this.timerKey) return;
    this.timerKey = key;
    clearInterval(this.timer);
    this.timer = key
      ? setInterval(() => {
          if (document.visibilityState !== 'hidden') void this.task.run();
        }, seconds * 1000)
      : undefined;
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.timerKey = '';
  }

  /** A load is under way. */
  get pending(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** The last load failed (or the inline JSON is not valid JSON). */
  get error(): boolean {
    return this.inlineFailed || this.task.status === TaskStatus.ERROR;
  }

  /** The last load succeeded. */
  get complete(): boolean {
    return this.task.status === TaskStatus.COMPLETE;
  }

  /** Loads the same URL again (« Réessayer », the refresh). */
  retry(): Promise<void> {
    return this.task.run();
  }

  /** Resolves once the load under way has ended (arrived or failed) and is rendered. */
  get loaded(): Promise<void> {
    return this.task.taskComplete.then(
      () => this.host.updateComplete.then(() => undefined),
      () => this.host.updateComplete.then(() => undefined),
    );
  }

  /**
   * What stands in for the element while it has no data: « Chargement… », or
   * why it failed with a « Réessayer » button when retrying can help.
   */
  placeholder(t: CommonTexts, lang: string, dir: string, className = ''): TemplateResult {
    const canRetry = this.task.status === TaskStatus.ERROR && this.source.url() !== undefined;
    return html`<div part="base" class=${className} lang=${lang} dir=${dir}>
      ${
        this.error
          ? html`<p class="notice" part="notice" role="alert">${t.loadFailed}</p>
              ${canRetry ? html`<button type="button" part="retry" class="retry" @click=${() => this.retry()}>${t.retry}</button>` : nothing}`
          : html`<p role="status">${t.loading}</p>`
      }
    </div>`;
  }
}
