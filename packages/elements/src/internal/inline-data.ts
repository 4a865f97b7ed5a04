// SPDX-License-Identifier: EUPL-1.2

/**
 * The JSON of a child `<script type="application/json">`, so a CMS page can
 * give data without any JavaScript. `undefined` when there is none; throws a
 * `SyntaxError` when it is not valid JSON.
 */
export function readInlineJson(host: Element): unknown {
  const script = [...host.children].find((c) => c instanceof HTMLScriptElement && c.type === 'application/json');
  const text = script?.textContent?.trim();
  return text ? JSON.parse(text) : undefined;
}
