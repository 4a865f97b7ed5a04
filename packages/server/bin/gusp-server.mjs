#!/usr/bin/env node
// SPDX-License-Identifier: EUPL-1.2
// The workspace runner (`pnpm start`): runs the TypeScript sources directly: tsx compiles them, and a resolve hook
// adds the `@gusp/source` export condition so that @gusp/core is read from its
// sources too (no build step between a clone and a running server).
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

registerTsx();
register(
  'data:text/javascript,' +
    encodeURIComponent(
      'export async function resolve(s, c, next) { return next(s, { ...c, conditions: [...new Set([...(c.conditions ?? []), "@gusp/source"])] }); }',
    ),
);
await import('../src/cli.ts');
