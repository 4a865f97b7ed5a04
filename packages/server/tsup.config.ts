// SPDX-License-Identifier: EUPL-1.2
/**
 * Builds `@gusp/server` for publication: `dist/index.js` (ESM) with its
 * bundled declarations `dist/index.d.ts`, and `dist/cli.js`, the
 * `gusp-server` command. Dependencies stay external (`@gusp/core` resolves to
 * its built package; in the workspace, the `@gusp/source` condition reads sources
 * and nothing needs building). The SQL migrations are copied to
 * `dist/migrations/`, where the bundled `loadMigrations` looks for them.
 */
import { cpSync } from 'node:fs';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  splitting: true,
  sourcemap: true,
  clean: true,
  dts: { entry: { index: 'src/index.ts' } },
  tsconfig: 'tsconfig.build.json',
  async onSuccess() {
    cpSync('src/store/migrations', 'dist/migrations', { recursive: true });
  },
});
