// SPDX-License-Identifier: EUPL-1.2
/**
 * docs/webmasters.md's reference tables are the ones scripts/docs-tables.mjs
 * makes from custom-elements.json: a new attribute, event, part or custom
 * property documented in the code but not in the guide fails here. Fix:
 * `pnpm analyze && node scripts/docs-tables.mjs` in packages/elements.
 * (The test runner serves the repository's root, so both files are fetched.)
 */
import { expect } from '@open-wc/testing';
// @ts-expect-error a plain ES module without declarations
import { END, START, elementsOf, referenceMarkdown, withReference } from '../scripts/docs-tables.mjs';

const text = async (path: string) => {
  const response = await fetch(new URL(path, import.meta.url));
  expect(response.ok, `${path}: ${response.status}`).to.equal(true);
  return response.text();
};

/** custom-elements.json is generated (`pnpm analyze`, `pnpm build`), not committed: absent in a fresh clone. */
async function manifestOr(skip: () => void): Promise<unknown> {
  const response = await fetch(new URL('../custom-elements.json', import.meta.url));
  if (!response.ok) {
    console.warn(
      'custom-elements.json is absent (run `pnpm analyze`): the docs tables check is skipped here; `node scripts/docs-tables.mjs --check` analyzes the sources itself.',
    );
    skip();
  }
  return response.json();
}

describe('docs/webmasters.md reference tables', () => {
  it('are generated from the current custom-elements.json (run `node scripts/docs-tables.mjs` in packages/elements)', async function () {
    const manifest = await manifestOr(() => this.skip());
    const page = await text('../../../docs/webmasters.md');
    expect(page).to.include(START);
    expect(page).to.include(END);
    expect(withReference(page, manifest) === page, 'docs/webmasters.md tables are stale').to.equal(true);
  });

  it('cover every attribute, event, part and custom property of the three elements', async function () {
    const manifest = await manifestOr(() => this.skip());
    const tables: string = referenceMarkdown(manifest);
    const elements = elementsOf(manifest) as Map<
      string,
      { attributes?: { name: string }[]; events?: { name: string }[]; cssParts?: { name: string }[]; cssProperties?: { name: string }[] }
    >;
    for (const tag of ['gusp-walk-signup', 'gusp-issue-form', 'gusp-engagement-tracker']) {
      const el = elements.get(tag);
      expect(el, tag).to.not.equal(undefined);
      for (const item of [...(el!.attributes ?? []), ...(el!.events ?? []), ...(el!.cssParts ?? []), ...(el!.cssProperties ?? [])]) {
        expect(tables, `${tag}: ${item.name}`).to.include(`\`${item.name}\``);
      }
    }
  });
});
