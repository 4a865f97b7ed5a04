// SPDX-License-Identifier: EUPL-1.2
// The API reference of the four packages, generated from their TypeScript sources and JSDoc
// (`pnpm docs:api` → docs/api/index.html). Warnings are errors: a public type that refers to an
// unexported one, or a broken {@link}, fails the test command.
import { OptionDefaults } from 'typedoc';

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'GUSP API reference',
  entryPointStrategy: 'packages',
  entryPoints: ['packages/core', 'packages/elements', 'packages/console', 'packages/server'],
  packageOptions: {
    entryPoints: ['src/index.ts'],
    excludePrivate: true,
    excludeInternal: true,
    // The repository has no public remote yet: no source links rather than broken ones.
    disableSources: true,
    // The custom-elements-manifest tags of the elements (they also feed custom-elements.json).
    blockTags: [
      ...OptionDefaults.blockTags,
      '@fires',
      '@csspart',
      '@cssprop',
      '@cssproperty',
      '@slot',
      '@attr',
      '@attribute',
      '@summary',
      '@tag',
      '@tagname',
      '@customElement',
    ],
  },
  // Lit's own types, inherited by the elements, link to Lit's reference.
  externalSymbolLinkMappings: {
    '@lit/reactive-element': { '*': 'https://lit.dev/docs/api/ReactiveElement/' },
    'lit-element': { '*': 'https://lit.dev/docs/api/LitElement/' },
    'lit-html': { '*': 'https://lit.dev/docs/api/templates/' },
  },
  out: 'docs/api',
  readme: 'docs/README.md',
  treatWarningsAsErrors: true,
  validation: { notExported: true, invalidLink: true, notDocumented: false },
};
