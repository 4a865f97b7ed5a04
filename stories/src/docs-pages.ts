// SPDX-License-Identifier: EUPL-1.2
/**
 * The repository's Markdown shown in Storybook: the elements' README and every
 * guide under docs/ (read at build time, so a guide added there, e.g.
 * docs/webmasters.md, shows up without a change here).
 */
import elementsReadme from '../../packages/elements/README.md?raw';

const guides = import.meta.glob<string>('../../docs/**/*.md', { query: '?raw', import: 'default', eager: true });

export { elementsReadme };

/** docs/ guides, README first, then by path: `{ path: 'docs/cities.md', text }`. */
export const docsGuides: { path: string; text: string }[] = Object.entries(guides)
  .map(([path, text]) => ({ path: path.replace(/^(\.\.\/)+/, ''), text }))
  .sort((a, b) => (a.path.endsWith('/README.md') ? -1 : b.path.endsWith('/README.md') ? 1 : a.path.localeCompare(b.path)));
