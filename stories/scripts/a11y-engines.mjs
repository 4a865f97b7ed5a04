// SPDX-License-Identifier: EUPL-1.2
/**
 * Three accessibility engines, run offline in a page driven by puppeteer-core,
 * as the issue's auditors ran them:
 *  - axe-core (axe.min.js injected; it pierces shadow roots itself);
 *  - HTML_CodeSniffer, pa11y's engine, WCAG2AA: it does not look inside shadow
 *    roots, so it reads a flattened copy of the page, in which every shadow
 *    tree is copied in place of its host (slots filled with what they show),
 *    each element carrying its computed style (so contrast is measured on what
 *    is painted) and the ids of each shadow root made unique (two elements on a
 *    page each have their own `#title`; in the page they do not collide);
 *  - IBM Equal Access (accessibility-checker-engine's ace.js injected, its
 *    rules built in, nothing downloaded), ruleset IBM_Accessibility; it reads
 *    shadow DOM itself.
 * Each returns a list of violations `{ rule, where, text }`: for axe every
 * violation, for HTML_CodeSniffer every error (pa11y's default level), for IBM
 * every result of policy VIOLATION and outcome FAIL (what its checker counts as
 * « violation »; « potential violation » and « recommendation » are listed by
 * {@linkcode runIbm} as `review` but do not fail).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const AXE = require.resolve('axe-core/axe.min.js');
export const HTMLCS = require.resolve('html_codesniffer/build/HTMLCS.js');
export const ACE = require.resolve('accessibility-checker-engine/ace.js');

/** axe on `selector` (the story root, or the whole document). */
export async function runAxe(page, selector) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (sel) => {
    const r = await window.axe.run(sel ? document.querySelector(sel) : document, { resultTypes: ['violations'] });
    return r.violations.flatMap((v) =>
      v.nodes.map((n) => ({
        rule: v.id,
        where: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' '),
        text: `${v.impact}: ${v.help}`,
      })),
    );
  }, selector);
}

/** IBM Equal Access on `selector` (element mode) or the document (every page-level rule too). */
export async function runIbm(page, selector) {
  if (!(await page.evaluate(() => !!window.ace))) await page.addScriptTag({ path: ACE });
  return page.evaluate(async (sel) => {
    const checker = new window.ace.Checker();
    const report = await checker.check(sel ? document.querySelector(sel) : document, ['IBM_Accessibility']);
    const pick = (r) => ({ rule: r.ruleId, where: r.path?.dom ?? '', text: `${r.reasonId}: ${r.message}`, snippet: r.snippet });
    const results = report.results ?? [];
    return {
      violations: results.filter((r) => r.value?.[0] === 'VIOLATION' && r.value?.[1] === 'FAIL').map(pick),
      review: results
        .filter((r) => r.value?.[1] === 'POTENTIAL' || (r.value?.[0] === 'RECOMMENDATION' && r.value?.[1] === 'FAIL'))
        .map(pick),
    };
  }, selector);
}

/**
 * In the page: replaces the body's content by a flattened copy of `selector`
 * (or of the body). Destructive: run it after the other engines.
 */
function flattenInPage(sel) {
  const source = sel ? document.querySelector(sel) : document.body;
  let roots = 0;
  const REFS = [
    'for',
    'aria-labelledby',
    'aria-describedby',
    'aria-controls',
    'aria-owns',
    'aria-activedescendant',
    'aria-errormessage',
    'list',
    'headers',
    'form',
  ];
  const SKIP = new Set(['STYLE', 'SCRIPT', 'TEMPLATE', 'LINK']);
  const copyStyle = (from, to) => {
    const computed = getComputedStyle(from);
    let css = '';
    for (let i = 0; i < computed.length; i++) {
      const name = computed[i];
      css += `${name}:${computed.getPropertyValue(name)};`;
    }
    to.setAttribute('style', css);
  };
  const copy = (node, prefix) => {
    if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.data);
    if (node.nodeType !== Node.ELEMENT_NODE || SKIP.has(node.tagName)) return null;
    if (node.localName === 'slot') {
      const assigned = node.assignedNodes({ flatten: true });
      const frag = document.createDocumentFragment();
      for (const child of assigned.length ? assigned : node.childNodes) {
        const c = copy(child, prefix);
        if (c) frag.append(c);
      }
      return frag;
    }
    // A custom element's copy must not be upgraded (it would grow its own shadow root).
    const custom = node.localName.includes('-');
    const out = custom ? document.createElement('div') : node.cloneNode(false);
    if (custom) {
      for (const a of node.attributes) if (a.name !== 'is') out.setAttribute(a.name, a.value);
      out.setAttribute('data-flattened-from', node.localName);
    }
    if (prefix) {
      if (out.id) out.id = `${prefix}${out.id}`;
      for (const name of REFS) {
        const value = out.getAttribute(name);
        if (value)
          out.setAttribute(
            name,
            value
              .split(/\s+/)
              .map((id) => `${prefix}${id}`)
              .join(' '),
          );
      }
      if (out.localName === 'a' && out.getAttribute('href')?.startsWith('#'))
        out.setAttribute('href', `#${prefix}${out.getAttribute('href').slice(1)}`);
    }
    copyStyle(node, out);
    if (node.localName === 'input') {
      out.checked = node.checked;
      if (node.type !== 'file') out.value = node.value;
    }
    if (node.localName === 'textarea') out.value = node.value;
    const inner = node.shadowRoot ? `r${++roots}-` : prefix;
    for (const child of (node.shadowRoot ?? node).childNodes) {
      const c = copy(child, inner);
      if (c) out.append(c);
    }
    if (node.localName === 'select') out.selectedIndex = node.selectedIndex;
    return out;
  };
  const flat = sel ? copy(source, '') : [...source.childNodes].map((n) => copy(n, '')).filter(Boolean);
  document.body.replaceChildren(...(Array.isArray(flat) ? flat : [flat]));
  return roots;
}

/** HTML_CodeSniffer, WCAG2AA, on a flattened copy of `selector` (or the whole page); errors only. */
export async function runHtmlcs(page, selector) {
  await page.evaluate(flattenInPage, selector);
  await page.addScriptTag({ path: HTMLCS });
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const path = (el) => {
          const parts = [];
          for (let e = el; e && e.nodeType === 1 && e !== document.body; e = e.parentElement) {
            parts.unshift(`${e.localName}${e.id ? `#${e.id}` : ''}${e.dataset?.flattenedFrom ? `(${e.dataset.flattenedFrom})` : ''}`);
          }
          return parts.join(' > ');
        };
        window.HTMLCS.process(
          'WCAG2AA',
          document,
          () => {
            const messages = window.HTMLCS.getMessages().filter((m) => m.type === window.HTMLCS.ERROR);
            resolve(
              messages.map((m) => ({
                rule: m.code,
                where: m.element?.nodeType === 1 ? path(m.element) : String(m.element?.nodeName ?? ''),
                text: m.msg,
              })),
            );
          },
          (e) => reject(new Error(`HTML_CodeSniffer failed: ${e}`)),
          'en',
        );
      }),
  );
}

export const ENGINES = ['axe', 'htmlcs', 'ibm'];

/**
 * Prints, per engine, how many checks were free of violations and the
 * violations by rule (with the checks they were found in).
 * `results`: `{ label, a11yViolations: { engine, rule }[] }[]`.
 */
export function summarize(results, print) {
  for (const engine of ENGINES) {
    const byRule = new Map();
    let clean = 0;
    let count = 0;
    for (const r of results) {
      const found = r.a11yViolations.filter((v) => v.engine === engine);
      if (found.length === 0) clean++;
      count += found.length;
      for (const v of found) byRule.set(v.rule, new Set([...(byRule.get(v.rule) ?? []), r.label]));
    }
    print(`${engine.padEnd(7)} ${clean}/${results.length} without violation, ${count} violations`);
    for (const [rule, where] of byRule) {
      const list = [...where];
      print(`  ${rule}: ${list.length} checks (${list.slice(0, 4).join('; ')}${list.length > 4 ? '; …' : ''})`);
    }
  }
}
