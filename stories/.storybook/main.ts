// SPDX-License-Identifier: EUPL-1.2
import { readFileSync } from 'node:fs';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

/**
 * The export conditions the workspace packages use to point at their source
 * (today `source`; it may be renamed, e.g. `@gusp/source`). Read from the
 * packages' `exports` rather than hard-coded, so a rename needs no change here;
 * both known names are kept as a fallback.
 */
function sourceConditions(): string[] {
  const standard = new Set(['types', 'import', 'require', 'default', 'node', 'browser', 'module', 'development', 'production']);
  const found = new Set<string>(['source', '@gusp/source']);
  for (const pkg of ['elements', 'core']) {
    const manifest = JSON.parse(readFileSync(new URL(`../../packages/${pkg}/package.json`, import.meta.url), 'utf8')) as {
      exports?: unknown;
    };
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (!key.startsWith('.') && !standard.has(key) && typeof value === 'string' && /(^|\/)src\//.test(value)) found.add(key);
        walk(value);
      }
    };
    walk(manifest.exports);
  }
  return [...found];
}

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../src/**/*.mdx', '../src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    const conditions = sourceConditions();
    viteConfig.resolve ??= {};
    viteConfig.resolve.conditions = [...conditions, ...defaultClientConditions];
    // The elements use `static properties` and `declare` fields only (no decorators):
    // Vite 8's default TS transform is enough; target es2022 keeps class fields native.
    viteConfig.build ??= {};
    viteConfig.build.target = 'es2022';
    viteConfig.build.chunkSizeWarningLimit = 2000;
    return viteConfig;
  },
};

export default config;
