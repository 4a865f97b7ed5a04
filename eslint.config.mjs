// SPDX-License-Identifier: EUPL-1.2
/**
 * ESLint for the whole repository (`pnpm lint`, with --max-warnings 0): the recommended rules of
 * ESLint and typescript-eslint, typescript-eslint's type-aware ones where they are cheap and catch
 * real bugs (promises left floating or passed where a callback is expected, awaits of non-promises),
 * and lit's and wc's for the elements and the stories. Formatting is Prettier's business
 * (eslint-config-prettier turns off every rule it would fight).
 */
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    'docs/api/',
    'stories/storybook-static/',
    'packages/elements/custom-elements.json',
    '.gusp-data/',
    '.gusp-city/',
    'coverage/',
    '.tmp/',
    // The benches' caches, among them `bench:server against`'s checkouts of earlier commits.
    '.bench-cache/',
  ]),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error', reportUnusedInlineConfigs: 'error' },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: {
      parserOptions: {
        // Files no tsconfig includes (TypeScript skips dot-folders such as .storybook in its globs).
        projectService: { allowDefaultProject: ['packages/*/tsup.config.ts', '*.d.mts', 'scripts/*.d.mts', 'stories/.storybook/*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // The type-aware rules whose cost is worth it here; the no-unsafe-* family would fight the
      // tests' deliberate `JSON.parse(...)`/`as unknown` probes of untyped HTTP answers.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // node:test's describe/it return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }] },
      ],
      // Async methods without await are how the stores implement their async interface.
      '@typescript-eslint/require-await': 'off',
      // The SQL store rolls a transaction back by throwing its result, deliberately not an Error.
      '@typescript-eslint/only-throw-error': ['error', { allow: [{ from: 'file', name: 'Rollback' }] }],
      // Template literals of numbers and booleans are how messages are written here.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
    },
  },
  {
    // The React/Preact/Vue consumers type-check against dist/ typings that a fresh clone has not built yet.
    files: ['packages/elements/test-types/**'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    rules: {
      // `_`-prefixed names are the deliberate "unused" ones (destructuring to drop a field).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['packages/elements/src/**/*.ts', 'packages/console/src/**/*.ts', 'stories/src/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended']],
    rules: {
      // lit calls `@event=${this.method}` listeners with the element as `this`.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // chai's property assertions: `expect(x).to.be.true`.
    files: ['packages/elements/**/*.test.ts', 'packages/console/**/*.test.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  prettier,
);
