// SPDX-License-Identifier: EUPL-1.2
import {
  findQuartier,
  findTheme,
  localName,
  newId,
  REPORT_NOTE_MAX,
  REPORT_PHOTOS_MAX,
  REPORT_TEXT_MAX,
  type CityProfile,
  type Observation,
  type Report,
  type WalkSummary,
} from '@gusp/core';
import { heading } from '@gusp/elements/shared/heading.js';
import { Task, TaskStatus } from '@lit/task';
import { css, html, nothing, type TemplateResult } from 'lit';
import { hrefOf } from '../app/routes.js';
import { ApiRefusal, setCsrfToken, staffPages, staffRequest } from '../internal/api.js';
import { ConsoleScreen } from '../internal/console-screen.js';
import { formParts, tokens } from '../styles/tokens.js';

/** `GET /api/walks/:id/report/restitution`: who the shared report reaches. */
export interface RestitutionSummary {
  readonly status: Report['status'];
  readonly emailed: number;
  readonly organisations: number;
  readonly organisationAccounts: number;
  readonly byOrganisation: readonly { readonly organisationId: string; readonly name: string; readonly accounts: number }[];
  readonly withoutEmail: number;
  readonly withoutEmailUrl: string;
  readonly publicUrl: string;
}

/** An observation as the public list gives it (no reporter's contact). */
export type ListedObservation = Omit<Observation, 'reporter'>;

/** What the screen shows: the walk, the city, its report (none before it is drafted), its observations, and the restitution once shared. */
export interface ReportData {
  readonly summary: WalkSummary;
  readonly city: CityProfile;
  readonly report?: Report | undefined;
  readonly observations: readonly ListedObservation[];
  readonly restitution?: RestitutionSummary | undefined;
}

/** The editor's values (and what is kept on the device until the server has them). */
export interface ReportDraft {
  introduction: string;
  stops: Record<string, string>;
  positives: string;
  next: string;
  photos: string[];
}

const draftOf = (report: Report): ReportDraft => ({
  introduction: report.introduction ?? '',
  stops: Object.fromEntries((report.stopNotes ?? []).map((n) => [n.stopId, n.text])),
  positives: report.positivesNote ?? '',
  next: report.nextSteps ?? '',
  photos: (report.photos ?? []).map((p) => p.photoId),
});

const sameDraft = (a: ReportDraft, b: ReportDraft) => JSON.stringify(a) === JSON.stringify(b);

/** Walks whose report can be written (or read): finished ones. */
const AFTER_THE_WALK = ['done', 'reported'];

/** A form's submit listener: the page stays where it is, and the screen checks and sends (`send`). */
const sent = (send: () => void) => (e: Event) => {
  e.preventDefault();
  send();
};

type Busy = 'save' | 'validate' | 'share' | 'engagement' | undefined;

/**
 * `<gusp-console-report walk-id="…">`: the compte-rendu of a finished walk, for coordinators. It loads
 * the report (drafting it when the walk is done and it has none), lets every section be written (an
 * introduction, a text per stop, the positive points, « la suite ») and photos be chosen among the
 * walk's observations', creates engagements in place from the observations (`POST /api/engagements`,
 * then the draft generated again lists them, the texts kept), previews the very page the public will
 * get (`report.html`, staff's preview), validates and shares it (a confirmation step), then says who it
 * reached (`…/report/restitution`) with the printable list of the people without email. What is typed
 * is kept on the device until the server has it: a failed request loses nothing and can be retried.
 *
 * Hooks: `textarea[data-section="introduction|stop|positives|next"]` (a stop's has `data-stop-id`),
 * `input[data-photo-id]`, `#report-save`, `#report-preview-toggle`, `iframe#report-preview`,
 * `#report-preview-link`, `#report-validate`, `#report-share`, `#report-share-confirm`,
 * `#engagement-title`, `#engagement-organisation`, `input[data-observation-id]`, `#engagement-create`,
 * `[data-restitution]` with `#restitution-emailed|organisations|without-email`, `#report-without-email`.
 */
export class GuspConsoleReport extends ConsoleScreen<ReportData> {
  static override properties = {
    ...ConsoleScreen.properties,
    walkId: { type: String, attribute: 'walk-id', reflect: true },
    draft: { state: true },
    busy: { state: true },
    message: { state: true },
    failure: { state: true },
    confirming: { state: true },
    previewing: { state: true },
    previewStamp: { state: true },
    engagementTitle: { state: true },
    engagementOrganisation: { state: true },
    engagementObservations: { state: true },
    engagementError: { state: true },
  };

  static override styles = [
    tokens,
    formParts,
    css`
      textarea {
        max-width: 48rem;
        min-height: 6rem;
      }
      legend {
        font-weight: 700;
        margin-block-end: 0.5rem;
      }
      ul.photos,
      ul.observations {
        list-style: none;
        padding: 0;
        margin: 0 0 var(--_space);
      }
      ul.photos {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
        gap: 0.75rem;
      }
      ul.photos label,
      ul.observations label {
        font-weight: 400;
        display: flex;
        gap: 0.5rem;
        align-items: flex-start;
      }
      ul.photos label {
        flex-direction: column;
      }
      ul.photos img {
        display: block;
        width: 100%;
        max-width: 12rem;
        height: auto;
        border-radius: var(--_radius);
      }
      input[type='checkbox'] {
        width: 1.5rem;
        min-height: 1.5rem;
        flex: none;
        margin: 0.1rem 0 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        margin-block: 0 var(--_space);
      }
      iframe {
        width: 100%;
        height: 36rem;
        border: 2px solid var(--_border);
        border-radius: var(--_radius);
        background: #fff;
      }
      dl.status {
        display: flex;
        flex-wrap: wrap;
        gap: 0 0.5rem;
      }
      p,
      li {
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** The walk the screen is about. */
  declare walkId: string | undefined;
  declare private draft: ReportDraft | undefined;
  declare private busy: Busy;
  declare private message: string;
  /** The last action that failed (its alert, and « Réessayer » runs it again). */
  declare private failure: { readonly text: string; readonly retry: () => void } | undefined;
  declare private confirming: boolean;
  declare private previewing: boolean;
  declare private previewStamp: number;
  declare private engagementTitle: string;
  declare private engagementOrganisation: string;
  declare private engagementObservations: string[];
  declare private engagementError: string;

  /** An action's Idempotency-Key, kept while the same body is sent again (a retry after a failure applies it once). */
  private attempts = new Map<string, { readonly body: string; readonly key: string }>();

  protected readonly task = new Task(this, {
    args: () => [this.apiBase, this.walkId ?? '', this.locale, this.given] as const,
    task: async ([base, walkId, locale, given], { signal }): Promise<ReportData | undefined> => {
      if (given && this.data) return this.data;
      if (!walkId) return undefined;
      const id = encodeURIComponent(walkId);
      const init = { signal, locale };
      const [walk, me] = await Promise.all([
        staffRequest<WalkSummary & { city: CityProfile }>(base, `/walks/${id}`, init),
        staffRequest<{ session?: { csrfToken: string } }>(base, '/staff/me', init).catch(() => undefined),
      ]);
      if (me?.session?.csrfToken) setCsrfToken(base, me.session.csrfToken);
      const { city, ...summary } = walk;
      if (!AFTER_THE_WALK.includes(summary.status)) return { summary, city, observations: [] };
      const [found, listed] = await Promise.all([
        staffRequest<Report>(base, `/walks/${id}/report`, init).catch((e: unknown) => {
          if (e instanceof ApiRefusal && e.status === 404) return undefined;
          throw e;
        }),
        staffPages<{ observations: ListedObservation[] }>(base, `/observations?walk=${id}`, 'observations', init),
      ]);
      // A finished walk without a report: drafted here, the coordinator's first step.
      const report =
        found ??
        (summary.status === 'done'
          ? await staffRequest<Report>(base, `/walks/${id}/report/draft`, {
              ...init,
              method: 'POST',
              headers: { 'Idempotency-Key': newId() },
            })
          : undefined);
      const restitution =
        report && report.status === 'shared'
          ? await staffRequest<RestitutionSummary>(base, `/walks/${id}/report/restitution`, init).catch(() => undefined)
          : undefined;
      const observations = listed.observations.filter((o) => o.status !== 'duplicate' && o.status !== 'rejected');
      return { summary, city, report, observations, restitution };
    },
    onComplete: (data) => {
      if (data) this.data = data;
    },
    onError: (error) => this.sessionEnded(error),
  });

  constructor() {
    super();
    this.busy = undefined;
    this.message = '';
    this.failure = undefined;
    this.confirming = false;
    this.previewing = false;
    this.previewStamp = 0;
    this.engagementTitle = '';
    this.engagementOrganisation = '';
    this.engagementObservations = [];
    this.engagementError = '';
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('walkId') && changed.get('walkId') !== undefined && !this.given) {
      this.data = undefined;
      this.draft = undefined;
      this.message = '';
      this.failure = undefined;
      this.confirming = false;
      this.previewing = false;
    }
    // The editor starts from what is kept on the device (typed, not yet saved), else from the report.
    if (changed.has('data') && this.data?.report && this.draft === undefined) {
      this.draft = this.kept() ?? draftOf(this.data.report);
    }
  }

  /* ------------------------------------------------------------ the device's copy */

  private get storageKey(): string | undefined {
    const id = this.data?.summary.walk.id ?? this.walkId;
    return id ? `gusp-console-report:${id}` : undefined;
  }

  private kept(): ReportDraft | undefined {
    const key = this.storageKey;
    if (!key) return undefined;
    try {
      const raw = localStorage.getItem(key);
      const value = raw ? (JSON.parse(raw) as Partial<ReportDraft>) : undefined;
      if (!value || typeof value !== 'object') return undefined;
      return {
        introduction: typeof value.introduction === 'string' ? value.introduction : '',
        stops: value.stops && typeof value.stops === 'object' ? { ...value.stops } : {},
        positives: typeof value.positives === 'string' ? value.positives : '',
        next: typeof value.next === 'string' ? value.next : '',
        photos: Array.isArray(value.photos) ? value.photos.filter((p): p is string => typeof p === 'string') : [],
      };
    } catch {
      return undefined;
    }
  }

  private keep(draft: ReportDraft | undefined): void {
    const key = this.storageKey;
    if (!key) return;
    try {
      if (draft) localStorage.setItem(key, JSON.stringify(draft));
      else localStorage.removeItem(key);
    } catch {
      // Private browsing or a full storage: the draft stays in memory.
    }
  }

  private get dirty(): boolean {
    const report = this.data?.report;
    return !!(report && this.draft && !sameDraft(this.draft, draftOf(report)));
  }

  private change(update: (d: ReportDraft) => ReportDraft): void {
    if (!this.draft) return;
    this.draft = update(this.draft);
    this.message = '';
    this.keep(this.draft);
  }

  /* ------------------------------------------------------------ requests */

  private get walkPath(): string {
    return `/walks/${encodeURIComponent(this.data?.summary.walk.id ?? this.walkId ?? '')}`;
  }

  private get langQuery(): string {
    const lang = this.locale.toLowerCase().split('-')[0] ?? '';
    return ['fr', 'en'].includes(lang) ? `?lang=${lang}` : '';
  }

  /** A POST of an action, with one Idempotency-Key per body (the same body resent after a failure keeps its key). */
  private post<T>(action: string, path: string, json: unknown): Promise<T> {
    const body = JSON.stringify(json);
    let attempt = this.attempts.get(action);
    if (!attempt || attempt.body !== body) {
      attempt = { body, key: newId() };
      this.attempts.set(action, attempt);
    }
    return staffRequest<T>(this.apiBase, path, {
      method: 'POST',
      json,
      locale: this.locale,
      headers: { 'Idempotency-Key': attempt.key },
    }).then((answer) => {
      this.attempts.delete(action);
      return answer;
    });
  }

  private async run(busy: Exclude<Busy, undefined>, work: () => Promise<void>, retry: () => void): Promise<boolean> {
    if (this.busy) return false;
    this.busy = busy;
    this.failure = undefined;
    this.message = '';
    try {
      await work();
      return true;
    } catch (error) {
      this.sessionEnded(error);
      const offline = !(error instanceof ApiRefusal);
      const text = `${busy === 'save' ? `${this.t.report.sendFailed} ` : ''}${this.describeError(error)}${offline ? ` ${this.t.report.kept}` : ''}`;
      this.failure = { text, retry };
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>('#report-failure')?.focus();
      return false;
    } finally {
      this.busy = undefined;
    }
  }

  private setReport(report: Report): void {
    if (!this.data) return;
    this.data = { ...this.data, report };
  }

  /** Sends the editor's texts and photos (nothing when nothing changed). */
  private async saveDraft(): Promise<void> {
    const draft = this.draft;
    const data = this.data;
    if (!draft || !data?.report || !this.dirty) return;
    const stops = data.summary.walk.stops.map((s) => ({ stopId: s.id, text: draft.stops[s.id] ?? '' }));
    const report = await this.post<Report>('edit', `${this.walkPath}/report/edit`, {
      introduction: draft.introduction,
      stops,
      positives: draft.positives,
      next: draft.next,
      photos: draft.photos.map((photoId) => ({ photoId })),
    });
    this.setReport(report);
    this.draft = draftOf(report);
    this.keep(undefined);
  }

  private save = (): void => {
    void this.run('save', () => this.saveDraft(), this.save).then((ok) => {
      if (ok) this.announce(this.t.report.saved);
    });
  };

  private validateReport = (): void => {
    void this.run(
      'validate',
      async () => {
        await this.saveDraft();
        this.setReport(await this.post<Report>('validate', `${this.walkPath}/report/validate`, {}));
      },
      this.validateReport,
    ).then((ok) => {
      if (ok) this.announce(this.t.report.validated);
    });
  };

  private shareReport = (): void => {
    void this.run(
      'share',
      async () => {
        const report = await this.post<Report>('share', `${this.walkPath}/report/share`, {});
        this.confirming = false;
        const restitution = await staffRequest<RestitutionSummary>(this.apiBase, `${this.walkPath}/report/restitution`, {
          locale: this.locale,
        });
        if (this.data) this.data = { ...this.data, report, restitution };
      },
      this.shareReport,
    ).then(async (ok) => {
      if (!ok) return;
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>('#restitution-title')?.focus();
    });
  };

  private createEngagement = (): void => {
    const data = this.data;
    const title = this.engagementTitle.trim();
    this.engagementError = '';
    if (!data) return;
    if (!title) {
      this.engagementError = this.t.report.engagementTitleMissing;
      void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>('#engagement-title')?.focus());
      return;
    }
    void this.run(
      'engagement',
      async () => {
        const walk = data.summary.walk;
        await this.post('engagement', '/engagements', {
          title,
          quartierId: walk.quartierId,
          walkId: walk.id,
          observationIds: this.engagementObservations,
          ...(this.engagementOrganisation ? { organisationId: this.engagementOrganisation } : {}),
        });
        // The draft generated again lists it; the coordinator's texts stay (the server keeps them).
        await this.saveDraft();
        const report = await this.post<Report>('draft', `${this.walkPath}/report/draft`, {});
        this.setReport(report);
        this.draft = draftOf(report);
        this.engagementTitle = '';
        this.engagementOrganisation = '';
        this.engagementObservations = [];
      },
      this.createEngagement,
    ).then((ok) => {
      if (ok) this.announce(this.t.report.engagementCreated(title));
    });
  };

  private togglePreview = (): void => {
    if (this.previewing) {
      this.previewing = false;
      return;
    }
    // The preview shows what the server has: what was typed is saved first.
    void this.run('save', () => this.saveDraft(), this.togglePreview).then((ok) => {
      if (!ok) return;
      this.previewStamp = Date.now();
      this.previewing = true;
    });
  };

  private announce(text: string): void {
    this.message = text;
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>('#report-done')?.focus());
  }

  /* ------------------------------------------------------------ render */

  protected override render(): TemplateResult {
    const t = this.t;
    const data = this.data;
    const failed = this.task.status === TaskStatus.ERROR;
    const title = data ? t.report.titleOf(this.walkName(data)) : t.report.title;
    return html`<section lang=${this.locale} aria-labelledby="report-title" data-screen="report">
      ${heading(this.level(), title, { id: 'report-title', tabindex: '-1' })}
      ${
        !this.walkId && !data
          ? html`<p class="notice" role="status">${t.report.noWalkChosen}</p>
              <p><a href=${hrefOf('walks')}>${t.report.backToWalks}</a></p>`
          : failed && !data
            ? this.loadError()
            : !data
              ? html`<p role="status">${t.loading}</p>`
              : html`${failed ? this.loadError(t.report.reloadFailed) : nothing} ${this.screen(data)}`
      }
    </section>`;
  }

  /** The load's failure; a refusal a retry cannot change (no access, no such walk) leads back to the walks. */
  private loadError(prefix?: string): TemplateResult {
    return this.loadFailure({
      prefix,
      ids: { alert: 'load-error', retry: 'retry' },
      final: [401, 403, 404],
      instead: html`<p><a href=${hrefOf('walks')}>${this.t.report.backToWalks}</a></p>`,
    });
  }

  private walkName(data: ReportData): string {
    const walk = data.summary.walk;
    const quartier = findQuartier(data.city, walk.quartierId);
    return walk.title ?? this.t.report.walkOf(quartier ? localName(quartier, this.locale) : walk.quartierId);
  }

  private screen(data: ReportData): TemplateResult {
    const t = this.t.report;
    const report = data.report;
    if (!report)
      return html`<p class="notice" role="status" id="report-not-done">${t.notDone}</p>
        <p><a href=${hrefOf('walks')}>${t.backToWalks}</a></p>`;
    return html`<p>${t.intro}</p>
      <dl class="status">
        <dt>${t.statusLabel}</dt>
        <dd id="report-status" data-status=${report.status}>${t.statuses[report.status]}</dd>
      </dl>
      ${this.message ? html`<p class="done" role="status" id="report-done" tabindex="-1">${this.message}</p>` : nothing}
      ${
        this.failure
          ? html`<div class="failure">
              <p class="error" role="alert" id="report-failure" tabindex="-1">${this.failure.text}</p>
              <p><button type="button" id="report-retry" @click=${this.failure.retry}>${t.retry}</button></p>
            </div>`
          : nothing
      }
      ${report.status === 'draft' ? this.editor(data, report) : html`<p class="notice">${t.frozen}</p>`}
      ${report.status === 'draft' ? this.engagements(data, report) : nothing} ${this.preview()} ${this.steps(report)}
      ${report.status === 'shared' ? this.restitution(data.restitution) : nothing}`;
  }

  private editor(data: ReportData, report: Report): TemplateResult {
    const t = this.t.report;
    const draft = this.draft ?? draftOf(report);
    const walk = data.summary.walk;
    const area = (
      id: string,
      section: string,
      label: string,
      hint: string,
      value: string,
      max: number,
      set: (v: string) => (d: ReportDraft) => ReportDraft,
      stopId?: string,
    ) =>
      html`<div class="field">
        <label for=${id}>${label}</label>
        <span class="hint" id="${id}-hint">${hint}</span>
        <textarea
          id=${id}
          data-section=${section}
          data-stop-id=${stopId ?? nothing}
          aria-describedby="${id}-hint"
          maxlength=${max}
          rows="5"
          .value=${value}
          @input=${(e: Event) => this.change(set((e.target as HTMLTextAreaElement).value))}
        ></textarea>
      </div>`;
    // Photos still stored (the server gives those a URL), served here from the console's own API origin.
    const photos = data.observations.flatMap((o) => o.photos.filter((p) => p.url).map((p) => ({ photo: p, observation: o })));
    return html`<section class="block" aria-labelledby="editor-title">
      ${heading(this.level(1), t.editorTitle, { id: 'editor-title' })}
      <p class="hint">${t.editorHint}</p>
      <form id="report-form" aria-labelledby="editor-title" novalidate @submit=${sent(() => this.save())}>
        ${area(
          'report-introduction',
          'introduction',
          t.introduction,
          t.introductionHint,
          draft.introduction,
          REPORT_TEXT_MAX,
          (v) => (d) => ({
            ...d,
            introduction: v,
          }),
        )}
        ${
          walk.stops.length > 0
            ? html`<fieldset>
                <legend>${t.stopsTitle}</legend>
                ${walk.stops.map((s, i) => {
                  const counts = report.byStop.find((b) => b.stopId === s.id);
                  return area(
                    `report-stop-${i + 1}`,
                    'stop',
                    s.label,
                    t.stopHint(counts?.positive ?? 0, counts?.problem ?? 0),
                    draft.stops[s.id] ?? '',
                    REPORT_NOTE_MAX,
                    (v) => (d) => ({ ...d, stops: { ...d.stops, [s.id]: v } }),
                    s.id,
                  );
                })}
              </fieldset>`
            : nothing
        }
        ${area(
          'report-positives',
          'positives',
          t.positives,
          t.positivesHint(report.positives.length),
          draft.positives,
          REPORT_NOTE_MAX,
          (v) => (d) => ({
            ...d,
            positives: v,
          }),
        )}
        ${area('report-next', 'next', t.next, t.nextHint, draft.next, REPORT_TEXT_MAX, (v) => (d) => ({ ...d, next: v }))}
        <fieldset aria-describedby="photos-hint">
          <legend>${t.photosTitle}</legend>
          <span class="hint" id="photos-hint">${t.photosHint}</span>
          ${
            photos.length === 0
              ? html`<p id="report-no-photos">${t.noPhotos}</p>`
              : html`<ul class="photos">
                  ${photos.map(({ photo, observation }) => {
                    const chosen = draft.photos.includes(photo.id);
                    const full = !chosen && draft.photos.length >= REPORT_PHOTOS_MAX;
                    return html`<li>
                      <label>
                        <img
                          src="${this.apiBase}/photos/${encodeURIComponent(photo.id)}"
                          alt=""
                          width=${photo.width ?? nothing}
                          height=${photo.height ?? nothing}
                          loading="lazy"
                        />
                        <span
                          ><input
                            type="checkbox"
                            data-photo-id=${photo.id}
                            .checked=${chosen}
                            ?disabled=${full}
                            @change=${(e: Event) => {
                              const on = (e.target as HTMLInputElement).checked;
                              this.change((d) => ({ ...d, photos: on ? [...d.photos, photo.id] : d.photos.filter((p) => p !== photo.id) }));
                            }}
                          />
                          ${this.observationText(data, observation)}</span
                        >
                      </label>
                    </li>`;
                  })}
                </ul>`
          }
        </fieldset>
        <div class="actions">
          <button type="submit" id="report-save" data-action="save" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${this.busy === 'save' ? t.saving : t.save}
          </button>
          ${this.dirty ? html`<span id="report-unsaved" class="hint">${t.unsaved}</span>` : nothing}
        </div>
      </form>
    </section>`;
  }

  private observationText(data: ReportData, o: ListedObservation): string {
    const theme = findTheme(data.city, o.themeId);
    const kind = o.polarity === 'positive' ? this.t.report.positive : this.t.report.problem;
    return `${kind}, ${theme ? localName(theme, this.locale) : o.themeId} : ${o.description}`;
  }

  private engagements(data: ReportData, report: Report): TemplateResult {
    const t = this.t.report;
    const observations = [...data.observations].sort((a, b) => (a.polarity === b.polarity ? 0 : a.polarity === 'problem' ? -1 : 1));
    return html`<section class="block" aria-labelledby="engagements-title">
      ${heading(this.level(1), t.engagementsTitle, { id: 'engagements-title' })}
      <p class="hint">${t.engagementsHint}</p>
      <p id="engagements-count">${t.listed(report.engagements.length)}</p>
      ${
        report.engagements.length > 0
          ? html`<ul id="engagements-listed">
              ${report.engagements.map((e) => html`<li data-engagement-id=${e.engagementId}>${e.title}</li>`)}
            </ul>`
          : nothing
      }
      <form id="engagement-form" aria-labelledby="engagements-title" novalidate @submit=${sent(() => this.createEngagement())}>
        <fieldset>
          <legend>${t.observationsLegend}</legend>
          ${
            observations.length === 0
              ? html`<p>${t.noObservations}</p>`
              : html`<ul class="observations">
                  ${observations.map(
                    (o) =>
                      html`<li>
                        <label
                          ><input
                            type="checkbox"
                            data-observation-id=${o.id}
                            .checked=${this.engagementObservations.includes(o.id)}
                            @change=${(e: Event) => {
                              const on = (e.target as HTMLInputElement).checked;
                              this.engagementObservations = on
                                ? [...this.engagementObservations, o.id]
                                : this.engagementObservations.filter((x) => x !== o.id);
                            }}
                          />
                          <span>${this.observationText(data, o)}</span></label
                        >
                      </li>`,
                  )}
                </ul>`
          }
        </fieldset>
        <div class="field">
          <label for="engagement-title">${t.engagementTitle}</label>
          <span class="hint" id="engagement-title-hint">${t.engagementTitleHint}</span>
          ${this.engagementError ? html`<span class="error" id="engagement-title-error">${this.engagementError}</span>` : nothing}
          <input
            id="engagement-title"
            type="text"
            maxlength="200"
            aria-describedby="engagement-title-hint${this.engagementError ? ' engagement-title-error' : ''}"
            aria-invalid=${this.engagementError ? 'true' : 'false'}
            .value=${this.engagementTitle}
            @input=${(e: Event) => (this.engagementTitle = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="engagement-organisation">${t.organisation}</label>
          <select
            id="engagement-organisation"
            .value=${this.engagementOrganisation}
            @change=${(e: Event) => (this.engagementOrganisation = (e.target as HTMLSelectElement).value)}
          >
            <option value="">${t.noOrganisation}</option>
            ${data.city.organisations.map(
              (o) => html`<option value=${o.id} ?selected=${o.id === this.engagementOrganisation}>${o.name}</option>`,
            )}
          </select>
        </div>
        <button type="submit" id="engagement-create" data-action="create-engagement" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${t.createEngagement}
        </button>
      </form>
    </section>`;
  }

  private preview(): TemplateResult {
    const t = this.t.report;
    const src = `${this.apiBase}${this.walkPath}/report.html${this.langQuery}`;
    return html`<section class="block" aria-labelledby="preview-title">
      ${heading(this.level(1), t.previewTitle, { id: 'preview-title' })}
      <p class="hint">${t.previewHint}</p>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          id="report-preview-toggle"
          data-action="preview"
          aria-expanded=${this.previewing ? 'true' : 'false'}
          aria-controls="report-preview-area"
          @click=${this.togglePreview}
        >
          ${this.previewing ? t.hidePreview : t.showPreview}
        </button>
        <a id="report-preview-link" href=${src} target="_blank" rel="noopener">${t.openPreview}</a>
      </div>
      <div id="report-preview-area">
        ${
          this.previewing
            ? html`<iframe
                id="report-preview"
                title=${t.previewFrame}
                src="${src}${src.includes('?') ? '&' : '?'}v=${this.previewStamp}"
              ></iframe>`
            : nothing
        }
      </div>
    </section>`;
  }

  private steps(report: Report): TemplateResult | typeof nothing {
    const t = this.t.report;
    if (report.status === 'draft')
      return html`<div class="actions">
        <button
          type="button"
          id="report-validate"
          data-action="validate"
          aria-disabled=${this.busy ? 'true' : 'false'}
          @click=${this.validateReport}
        >
          ${t.validate}
        </button>
      </div>`;
    if (report.status === 'validated')
      return this.confirming
        ? html`<div class="notice" id="report-share-step">
            <p id="report-share-text">${t.shareConfirmText}</p>
            <div class="actions">
              <button
                type="button"
                id="report-share-confirm"
                data-action="confirm-share"
                aria-describedby="report-share-text"
                aria-disabled=${this.busy ? 'true' : 'false'}
                @click=${this.shareReport}
              >
                ${t.shareConfirm}
              </button>
              <button
                type="button"
                class="secondary"
                id="report-share-cancel"
                @click=${() => {
                  this.confirming = false;
                  void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>('#report-share')?.focus());
                }}
              >
                ${t.cancel}
              </button>
            </div>
          </div>`
        : html`<div class="actions">
            <button
              type="button"
              id="report-share"
              data-action="share"
              @click=${() => {
                this.confirming = true;
                void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>('#report-share-confirm')?.focus());
              }}
            >
              ${t.share}
            </button>
          </div>`;
    return nothing;
  }

  private restitution(r: RestitutionSummary | undefined): TemplateResult {
    const t = this.t.report;
    return html`<section class="block" aria-labelledby="restitution-title" data-restitution>
      ${heading(this.level(1), t.restitutionTitle, { id: 'restitution-title', tabindex: '-1' })}
      ${
        r
          ? html`<ul>
                <li id="restitution-emailed" data-count=${r.emailed}>${t.emailed(r.emailed)}</li>
                <li id="restitution-organisations" data-count=${r.organisations}>
                  ${t.organisations(
                    r.organisations,
                    r.organisationAccounts,
                    r.byOrganisation.map((o) => o.name),
                  )}
                </li>
                <li id="restitution-without-email" data-count=${r.withoutEmail}>${t.withoutEmail(r.withoutEmail)}</li>
              </ul>
              <p class="hint">${t.restitutionHint}</p>
              <ul>
                <li>
                  <a
                    id="report-without-email"
                    href="${this.apiBase}${this.walkPath}/report/without-email.html${this.langQuery}"
                    target="_blank"
                    rel="noopener"
                    >${t.withoutEmailLink}</a
                  >
                </li>
                <li>
                  <a id="report-public" href="${this.apiBase}${this.walkPath}/report.html${this.langQuery}" target="_blank" rel="noopener"
                    >${t.publicLink}</a
                  >
                </li>
              </ul>`
          : html`<p role="status">${this.t.loading}</p>`
      }
    </section>`;
  }
}
