// SPDX-License-Identifier: EUPL-1.2
import { html, nothing, type TemplateResult } from 'lit';
import { heading } from './heading.js';

/** One error as shown: where it goes (a key of the form) and its localized text. */
export interface ShownError<K extends string = string> {
  readonly target: K;
  readonly message: string;
}

/** Keeps one message per place, in the order of the form. */
export function orderErrors<K extends string>(errors: readonly ShownError<K>[], order: readonly K[]): ShownError<K>[] {
  const seen = new Set<K>();
  return errors
    .filter((e) => (seen.has(e.target) ? false : (seen.add(e.target), true)))
    .sort((a, b) => order.indexOf(a.target) - order.indexOf(b.target));
}

/**
 * Errors that name their field: a place left empty gets its own message
 * (« Choisissez une thématique » rather than « Ce champ est obligatoire. »),
 * any other message on a place with a label is prefixed with it
 * (« Description : 2 000 caractères au plus. »), so the summary and the inline
 * error both say which field is wrong.
 */
export function nameErrors<K extends string>(
  errors: readonly ShownError<K>[],
  missing: Readonly<Partial<Record<K, string>>>,
  empty: (target: K) => boolean,
  label: (target: K) => string | undefined,
  colon: string,
): ShownError<K>[] {
  return errors.map((e) => {
    const own = missing[e.target];
    if (own && empty(e.target)) return { target: e.target, message: own };
    const name = label(e.target);
    return name ? { target: e.target, message: `${name}${colon}${e.message}` } : e;
  });
}

/**
 * The error summary (GOV.UK / DSFR pattern): a titled list of links, each
 * moving focus to its control. It is focused after a failed submit and is an
 * alert (`role="alert"`, which also makes its `aria-labelledby` valid), so
 * screen readers read it first. Links inside a shadow root cannot rely on
 * `#id` navigation, hence the click handler.
 */
export function errorSummary<K extends string>(
  errors: readonly ShownError<K>[],
  title: string,
  controlId: (target: K) => string | undefined,
  focus: (id: string) => void,
  level = 3,
): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  return html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
    ${heading(level, title, { id: 'error-summary-title' })}
    <ul>
      ${errors.map((e) => {
        const id = controlId(e.target);
        return id
          ? html`<li>
              <a
                href="#${id}"
                @click=${(ev: Event) => {
                  ev.preventDefault();
                  focus(id);
                }}
                >${e.message}</a
              >
            </li>`
          : html`<li>${e.message}</li>`;
      })}
    </ul>
  </div>`;
}
