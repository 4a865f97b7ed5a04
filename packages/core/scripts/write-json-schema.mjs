// SPDX-License-Identifier: EUPL-1.2
// Writes dist/city-profile.schema.json (exported as `@gusp/core/city-profile.schema.json`)
// from the built ESM, so the file published is the one the published code describes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/', import.meta.url);
const { cityProfileJsonSchema } = await import(new URL('index.js', dist).href);
const schema = cityProfileJsonSchema();
if (typeof schema !== 'object' || schema === null || !('properties' in schema)) {
  throw new Error('cityProfileJsonSchema() did not return a JSON Schema object');
}
const target = fileURLToPath(new URL('city-profile.schema.json', dist));
writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
console.log(`Wrote ${target}`);
