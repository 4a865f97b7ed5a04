// SPDX-License-Identifier: EUPL-1.2
import { errorMessageIn, labelIn, validate, type FieldIssue, type GuspError, type Messages, type RuleRefusal } from '@gusp/core';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { Draft } from './draft.js';
import { errorSummary, nameErrors, orderErrors, type ShownError } from './error-summary.js';

/** What the controller needs of its form element. */
export interface FormHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly locale: string;
}

/** The fields that hold text, by the key of the values. */
/** The fields of `V` that hold text (inputs, selects, text areas). */
export type TextKey<V> = { [P in keyof V]: V[P] extends string ? P : never }[keyof V];
/** The fields of `V` that hold a yes/no (checkboxes). */
export type FlagKey<V> = { [P in keyof V]: V[P] extends boolean ? P : never }[keyof V];

/** How one form's values, errors and draft are laid out; the form keeps only this, its fields and its template. */
export interface FormConfig<V extends object, K extends string> {
  /** Where errors go, in the order of the form (the summary lists them so); `form` is the form as a whole. */
  readonly order: readonly K[];
  /** The control that a place's link in the summary focuses. */
  readonly controlId: Readonly<Partial<Record<K, string>>>;
  /** Where a schema issue goes, by the first segment of its path; a path naming a place goes there by default. */
  readonly pathTarget?: Readonly<Record<string, K>>;
  /** Refusal codes (the core's guards and the server's answers) that belong to one place; any other goes to `form`. */
  readonly codeTarget: Readonly<Record<string, K>>;
  /** The core's catalogues the refusals are worded from: only these domains are bundled with the form. */
  readonly messages: readonly Messages[];
  /** The values of an empty form. */
  readonly empty: () => V;
  /** The `localStorage` key of the draft, from the element's data; `undefined` while there is none. */
  readonly draftKey: () => string | undefined;
  /**
   * Checks of the draft's values whose type alone says too little (a known
   * role, a known polarity): storage may hold anything, from an older version
   * too. Any other value is kept when it has the type of the empty form's.
   */
  readonly valid?: { readonly [P in keyof V]?: (value: unknown) => boolean };
  /** Values the page decides, over the draft's (the quartier of a quartier's page). */
  readonly fixed?: () => Partial<V>;
  /** What the draft never keeps: consent is given afresh each time. */
  readonly notKept: Partial<V>;
}

/** Options of a text control drawn by {@linkcode FormController.input}. */
export interface InputOptions<K extends string> {
  readonly type?: string;
  readonly name?: string;
  readonly autocomplete?: string;
  readonly inputmode?: string;
  /** The id of a `<datalist>` of suggestions (the address's completion). */
  readonly list?: string | undefined;
  readonly required?: boolean;
  /** The places whose errors mark this control invalid and describe it. */
  readonly errors?: readonly K[];
  /** Ids of hints that describe it, before its errors. */
  readonly hints?: readonly (string | false | undefined)[];
}

/**
 * What every GUSP form shares, as a controller (the way Shoelace's inputs
 * compose `FormControlController`): the values and their draft in
 * `localStorage`, the errors by place — from the core's schema issues, its
 * rules' refusals and the server's answers — with the error summary (GOV.UK /
 * DSFR pattern) and the focus moves that go with them, and the native
 * controls bound to the values, with `aria-invalid` and `aria-describedby`.
 */
export class FormController<V extends object, K extends string> implements ReactiveController {
  /** What the person typed. */
  values: V;
  /** The errors shown, one per place, in the order of the form. */
  errors: readonly ShownError<K>[] = [];
  /** A draft was found and put back in the form. */
  draftRestored = false;
  /** « Effacer mes réponses » was pressed and nothing typed since: the status says so. */
  cleared = false;

  private draft: Draft<V> | undefined;
  private draftKey: string | undefined;

  constructor(
    private readonly host: FormHost,
    private readonly config: FormConfig<V, K>,
  ) {
    this.values = config.empty();
    host.addController(this);
  }

  /** Before each render: a new draft key (other walk, other quartier) brings back what was typed there. */
  hostUpdate(): void {
    const key = this.config.draftKey();
    if (key === this.draftKey) return;
    this.draftKey = key;
    this.draft = key === undefined ? undefined : new Draft<V>(key);
    const saved = this.draft?.load();
    const empty = this.config.empty();
    const values = { ...empty };
    for (const key of Object.keys(empty) as (keyof V)[]) {
      const value = saved?.[key];
      const check = this.config.valid?.[key];
      if (value !== undefined && (check ? check(value) : typeof value === typeof empty[key])) values[key] = value;
    }
    this.values = { ...values, ...this.config.notKept, ...this.config.fixed?.() };
    this.draftRestored = !!saved && JSON.stringify(this.values) !== JSON.stringify(empty);
  }

  /** Changes one value, keeps the draft, and renders. */
  set<P extends keyof V>(key: P, value: V[P]): void {
    this.replace({ ...this.values, [key]: value });
  }

  /** Replaces every value, keeping the draft. */
  replace(values: V): void {
    this.values = values;
    this.cleared = false;
    this.draft?.save({ ...values, ...this.config.notKept });
    this.host.requestUpdate();
  }

  /**
   * Empties the form (or sets what is kept for the next entry) with its errors,
   * and removes the stored draft: after a send, nothing a person typed stays
   * on the device for the next one.
   */
  clear(values: V = { ...this.config.empty(), ...this.config.fixed?.() }): void {
    this.values = values;
    this.errors = [];
    this.draftRestored = false;
    this.draft?.clear();
    this.host.requestUpdate();
  }

  /** The « Effacer mes réponses » button: clears the form and its draft (or calls `clear`, which does), says so, and focuses the first field. */
  clearButton(label: string, clear = () => this.clear()): TemplateResult {
    return html`<button
      type="button"
      class="secondary"
      part="clear"
      @click=${() => {
        clear();
        this.cleared = true;
        void this.focus('input, select, textarea');
      }}
    >
      ${label}
    </button>`;
  }

  /** A live region, there from the first render so that screen readers announce what it later says. */
  status(cleared: string, restored?: string): TemplateResult {
    return html`<p class="hint" role="status">${this.cleared ? cleared : this.draftRestored ? restored : nothing}</p>`;
  }

  /* ------------------------------------------------------------ errors */

  /** The issues of the core's schema for `input`, each at its place. */
  issues(schema: Parameters<typeof validate>[0], input: unknown): ShownError<K>[] {
    const parsed = validate(schema, input, this.host.locale);
    return parsed.ok ? [] : this.fromIssues(parsed.error.details.issues);
  }

  /** The core's rule refusals worded in the form's language, each at its place. */
  refusals(refusals: readonly RuleRefusal[]): ShownError<K>[] {
    return refusals.map((r) => this.at(r.code, errorMessageIn(this.config.messages, r.code, this.host.locale, { ...r.details })));
  }

  /** One message of the core's catalogues at a place: « Ce champ est obligatoire. » for a control left empty. */
  message(target: K, code: string): ShownError<K> {
    return { target, message: errorMessageIn(this.config.messages, code, this.host.locale) };
  }

  /**
   * The errors named after their field (`nameErrors`): a place left
   * empty (`empty`) gets its own message of `missing`, any other message on a
   * place of `label` is prefixed with its name and the language's colon
   * (« Description : 2 000 caractères au plus. »).
   */
  named(
    errors: readonly ShownError<K>[],
    missing: Readonly<Partial<Record<K, string>>>,
    empty: (target: K) => boolean,
    label: Readonly<Partial<Record<K, string>>>,
  ): ShownError<K>[] {
    return nameErrors(errors, missing, empty, (target) => label[target], labelIn(this.config.messages, 'format.colon', this.host.locale));
  }

  /**
   * Shows errors (the first per place, in the order of the form) and moves the
   * focus to the summary; resolves `true` when there were none.
   */
  async report(errors: readonly ShownError<K>[]): Promise<boolean> {
    this.errors = orderErrors(errors, this.config.order);
    this.host.requestUpdate();
    if (this.errors.length === 0) return true;
    await this.focus('.error-summary');
    return false;
  }

  /** Shows a refusal of the server next to its field (its issues, or its code's place). */
  refused(error: GuspError): Promise<boolean> {
    const issues = this.fromIssues(error.details.issues);
    return this.report(issues.length > 0 ? issues : [this.at(error.code, error.message)]);
  }

  /** Forgets the errors shown. */
  clearErrors(): void {
    this.errors = [];
    this.host.requestUpdate();
  }

  /** Renders, then focuses the first element matching `selector` in the form. */
  async focus(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private at(code: string, message: string): ShownError<K> {
    return { target: this.config.codeTarget[code] ?? ('form' as K), message };
  }

  private fromIssues(issues: unknown): ShownError<K>[] {
    const places = this.config.order as readonly string[];
    return ((issues ?? []) as FieldIssue[]).map((issue) => {
      const head = issue.path.split('.')[0] ?? '';
      return { target: this.config.pathTarget?.[head] ?? (places.includes(head) ? (head as K) : ('form' as K)), message: issue.message };
    });
  }

  /* ------------------------------------------------------------ template */

  /** The error at a place, if any. */
  errorAt(target: K): ShownError<K> | undefined {
    return this.errors.find((e) => e.target === target);
  }

  /** `aria-invalid` of a control concerned by these places. */
  invalid(...targets: readonly K[]): 'true' | 'false' {
    return targets.some((t) => this.errorAt(t)) ? 'true' : 'false';
  }

  /** `aria-describedby`: the hints given, then the errors of these places that are shown; none, no attribute. */
  describedBy(hints: readonly (string | false | undefined)[], targets: readonly K[] = []): string | typeof nothing {
    return [...hints, ...targets.map((t) => this.errorAt(t) && `${t}-error`)].filter(Boolean).join(' ') || nothing;
  }

  /** The inline error of a place, with the id controls point to. */
  inlineError(target: K): TemplateResult | typeof nothing {
    const error = this.errorAt(target);
    return error ? html`<p class="error" part="error" id="${target}-error">${error.message}</p>` : nothing;
  }

  /** The error summary, focused after a failed submit; each link moves focus to its control; its title at `level`. */
  summary(title: (count: number) => string, level?: number): TemplateResult | typeof nothing {
    return errorSummary(
      this.errors,
      title(this.errors.length),
      (target) => this.config.controlId[target],
      (id) => this.host.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus(),
      level,
    );
  }

  /** A native text control bound to a value. */
  input(key: TextKey<V>, id: string, o: InputOptions<K> = {}): TemplateResult {
    const targets = o.errors ?? [];
    return html`<input
      id=${id}
      name=${o.name ?? nothing}
      type=${o.type ?? 'text'}
      autocomplete=${o.autocomplete ?? 'off'}
      inputmode=${o.inputmode ?? nothing}
      list=${o.list ?? nothing}
      ?required=${o.required}
      aria-invalid=${this.invalid(...targets)}
      aria-describedby=${this.describedBy(o.hints ?? [], targets)}
      .value=${this.values[key]}
      @input=${(e: Event) => this.set(key, (e.target as HTMLInputElement).value as V[typeof key])}
    />`;
  }

  /** A native multi-line text control bound to a value. */
  textarea(key: TextKey<V>, id: string, rows: number, o: InputOptions<K> = {}): TemplateResult {
    const targets = o.errors ?? [];
    return html`<textarea
      id=${id}
      name=${o.name ?? nothing}
      rows=${rows}
      ?required=${o.required}
      aria-invalid=${this.invalid(...targets)}
      aria-describedby=${this.describedBy(o.hints ?? [], targets)}
      .value=${this.values[key]}
      @input=${(e: Event) => this.set(key, (e.target as HTMLTextAreaElement).value as V[typeof key])}
    ></textarea>`;
  }

  /** A native checkbox bound to a yes/no value, with its label after it. */
  checkbox(key: FlagKey<V>, id: string, label: unknown, o: InputOptions<K> = {}): TemplateResult {
    const targets = o.errors ?? [];
    return html`<div class="check">
      <input
        type="checkbox"
        id=${id}
        name=${o.name ?? nothing}
        ?required=${o.required}
        aria-invalid=${this.invalid(...targets)}
        aria-describedby=${this.describedBy(o.hints ?? [], targets)}
        .checked=${this.values[key]}
        @change=${(e: Event) => this.set(key, (e.target as HTMLInputElement).checked as V[typeof key])}
      />
      <label for=${id}>${label}</label>
    </div>`;
  }
}
