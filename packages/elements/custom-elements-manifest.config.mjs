// SPDX-License-Identifier: EUPL-1.2
// custom-elements.json from the JSDoc of the element classes (`pnpm analyze`, run by `pnpm build`).
import { readFileSync } from 'node:fs';

/**
 * What the analyzer's lit support does not say by itself:
 * - reactive state (`{ state: true }`, private fields) is not an attribute;
 * - `@fires` events get their class as type, and the bare `dispatchEvent` it
 *   also picks up (nameless) is dropped;
 * - every element is themed by the same tokens (src/styles/tokens.ts), whose
 *   `@cssprop` JSDoc is the single description of each custom property.
 */
function guspManifest() {
  const tokens = readFileSync(new URL('./src/styles/tokens.ts', import.meta.url), 'utf8');
  const cssProperties = [...tokens.matchAll(/@cssprop (--[\w-]+) - (.*)/g)].map(([, name, description]) => {
    const fallback = new RegExp(`var\\(${name}, ([^)]*)\\)`).exec(tokens)?.[1];
    return { name, description, ...(fallback ? { default: fallback } : {}) };
  });
  return {
    name: 'gusp-manifest',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const dec of mod.declarations ?? []) {
          if (dec.kind !== 'class') continue;
          const privateFields = new Set((dec.members ?? []).filter((m) => m.privacy === 'private').map((m) => m.name));
          if (dec.attributes) dec.attributes = dec.attributes.filter((a) => !privateFields.has(a.fieldName));
          if (dec.events) {
            dec.events = dec.events
              .filter((e) => e.name)
              .map((e) => {
                const type = /\{@linkcode (\w+)\}/.exec(e.description ?? '')?.[1];
                return type ? { ...e, type: { text: type } } : e;
              });
          }
          if (dec.customElement) dec.cssProperties = [...(dec.cssProperties ?? []), ...cssProperties];
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  // package.json names custom-elements.json itself: the analyzer must not rewrite it (the
  // docs-tables check analyzes into node_modules/.cache and would point it there).
  packagejson: false,
  litelement: true,
  plugins: [guspManifest()],
};
