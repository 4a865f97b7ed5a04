// SPDX-License-Identifier: EUPL-1.2
import { html, nothing, type TemplateResult } from 'lit';

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
 * The error summary (GOV.UK / DSFR pattern): a titled list of links, each
 * moving focus to its control. It is focused after a failed submit, so
 * screen readers read it first. Links inside a shadow root cannot rely on
 * `#id` navigation, hence the click handler.
 */
export function errorSummary<K extends string>(
  errors: readonly ShownError<K>[],
  title: string,
  controlId: (target: K) => string | undefined,
  focus: (id: string) => void,
): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  return html`<div class="error-summary" part="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
    <h3 id="error-summary-title">${title}</h3>
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
