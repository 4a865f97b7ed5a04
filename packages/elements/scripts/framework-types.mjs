// SPDX-License-Identifier: EUPL-1.2
// Typings of the elements for JSX/TSX and Vue templates, generated from custom-elements.json
// (run by `pnpm build` after `pnpm analyze`):
//
// - dist/react.d.ts  augments React 19's `JSX.IntrinsicElements` (`import type {} from '@gusp/elements/react'`);
// - dist/preact.d.ts augments Preact's `JSX.IntrinsicElements`;
// - dist/vue.d.ts    augments Vue's `GlobalComponents` (checked by vue-tsc / Volar in templates).
//
// Each element gets its attributes (typed as the manifest says), its public writable properties
// whose type the package exports (React 19 and Vue set them as DOM properties) and one handler per
// event, typed with the event's class: `ongusp-register` in JSX (React 19 and Preact add a
// listener for the name after `on`, as written), `onGuspRegister` for Vue (`@gusp-register`).
import { mkdir, readFile, writeFile } from 'node:fs/promises';

const root = new URL('..', import.meta.url);
const manifest = JSON.parse(await readFile(new URL('custom-elements.json', root), 'utf8'));

/** Names a consumer can import from the package's main entry (`src/index.ts`, following `export *`). */
function exportedNames() {
  const byPath = new Map(manifest.modules.map((m) => [m.path, m]));
  const names = new Set();
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const e of byPath.get(path)?.exports ?? []) {
      if (e.kind !== 'js') continue;
      if (e.name !== '*') names.add(e.name);
      else if (e.declaration?.module) {
        // `export * from './events/index.js'`: the analyzer records it from the package root (`src/events/index.js`).
        const target = /^\.\.?\//.test(e.declaration.module)
          ? new URL(e.declaration.module, `file:///${path}`).pathname.slice(1)
          : e.declaration.module;
        visit(target.replace(/\.js$/, '.ts'));
      }
    }
  };
  visit('src/index.ts');
  return names;
}
const exported = exportedNames();
const builtIn = new Set([
  'string',
  'number',
  'boolean',
  'bigint',
  'undefined',
  'null',
  'unknown',
  'true',
  'false',
  'Date',
  'readonly',
  'Array',
  'ReadonlyArray',
  'Record',
  'Promise',
  'Event',
  'CustomEvent',
]);

/** The names a type text needs from the package, or null when one is not exported (the member is then left out). */
function importsOf(typeText) {
  const names = (typeText.replace(/'[^']*'|"[^"]*"/g, '').match(/[A-Za-z_$][\w$]*/g) ?? []).filter((n) => !builtIn.has(n));
  return names.every((n) => exported.has(n)) ? names : null;
}
const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const pascal = (name) => camel(name).replace(/^./, (c) => c.toUpperCase());
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const doc = (text, indent) => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '');

const elements = [];
const imports = new Set();
for (const mod of manifest.modules) {
  // The package's own internal elements (`<gusp-map>`, drawn inside the public ones) are no page's to write: no framework types.
  if (mod.path.startsWith('src/internal/')) continue;
  for (const dec of mod.declarations ?? []) {
    if (dec.kind !== 'class' || !dec.customElement || !dec.tagName) continue;
    if (!exported.has(dec.name)) throw new Error(`${dec.name} (<${dec.tagName}>) is not exported from src/index.ts`);
    imports.add(dec.name);
    const members = [];
    const skipped = [];
    const attributeFields = new Set();
    for (const a of dec.attributes ?? []) {
      const type = (a.type?.text ?? 'string').replace(/\s*\|\s*undefined\b/g, '') || 'string';
      const needs = importsOf(type);
      if (!needs) {
        skipped.push(a.name);
        continue;
      }
      needs.forEach((n) => imports.add(n));
      if (a.fieldName) attributeFields.add(a.fieldName);
      members.push({ kind: 'attribute', name: a.name, vueName: camel(a.name), type, description: a.description });
    }
    for (const m of dec.members ?? []) {
      if (
        m.kind !== 'field' ||
        m.static ||
        m.readonly ||
        (m.privacy && m.privacy !== 'public') ||
        attributeFields.has(m.name) ||
        m.name.startsWith('_')
      )
        continue;
      const type = (m.type?.text ?? 'unknown').replace(/\s*\|\s*undefined\b/g, '');
      const needs = importsOf(type);
      if (!needs) {
        skipped.push(m.name);
        continue;
      }
      needs.forEach((n) => imports.add(n));
      members.push({ kind: 'property', name: m.name, vueName: m.name, type, description: m.description });
    }
    const events = [];
    for (const e of dec.events ?? []) {
      if (!e.name) continue;
      const type = e.type?.text && importsOf(e.type.text) ? e.type.text : 'Event';
      if (type !== 'Event') imports.add(type);
      events.push({ name: e.name, type, description: e.description });
    }
    if (skipped.length) console.warn(`framework-types: <${dec.tagName}> left out (type not exported): ${skipped.join(', ')}`);
    elements.push({ tag: dec.tagName, className: dec.name, members, events });
  }
}
if (elements.length === 0) throw new Error('custom-elements.json declares no custom element');
elements.sort((a, b) => a.tag.localeCompare(b.tag));

const header = (what) =>
  `// Generated by @gusp/elements' scripts/framework-types.mjs from custom-elements.json: do not edit.\n// ${what}\n`;
const importLine = `import type { ${[...imports].sort().join(', ')} } from './index.js';\n`;
const props = (el, eventKey, nameOf) =>
  [
    ...el.members.map((m) => `${doc(m.description, '  ')}  ${key(nameOf(m))}?: ${m.type} | undefined;`),
    ...el.events.map((e) => `${doc(e.description, '  ')}  ${key(eventKey(e.name))}?: ((event: ${e.type}) => void) | undefined;`),
  ].join('\n');

// React 19 and Preact: the same names (attributes as written, `on<event-name>`), each framework's base attributes.
const jsx = (framework, base) =>
  header(
    `Types <gusp-…> in ${framework} JSX/TSX: \`import type {} from '@gusp/elements/${framework.toLowerCase()}';\` once in the project.`,
  ) +
  base.imports +
  importLine +
  elements
    .map(
      (el) =>
        `\n/** What \`<${el.tag}>\` takes in ${framework} JSX besides the HTML attributes. */\nexport interface ${el.className}JsxProps {\n${props(
          el,
          (n) => `on${n}`,
          (m) => m.name,
        )}\n}\n`,
    )
    .join('') +
  `\n${base.open}\n` +
  elements
    .map((el) => `${base.indent}'${el.tag}': Omit<${base.attrs(el.className)}, keyof ${el.className}JsxProps> & ${el.className}JsxProps;`)
    .join('\n') +
  `\n${base.close}\n`;

const react = jsx('React', {
  imports: `import type { DetailedHTMLProps, HTMLAttributes } from 'react';\n`,
  attrs: (c) => `DetailedHTMLProps<HTMLAttributes<${c}>, ${c}>`,
  open: `declare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements {`,
  indent: '      ',
  close: `    }\n  }\n}`,
});
const preact = jsx('Preact', {
  imports: `import type { JSX } from 'preact';\n`,
  attrs: (c) => `JSX.HTMLAttributes<${c}>`,
  open: `declare module 'preact' {\n  namespace JSX {\n    interface IntrinsicElements {`,
  indent: '      ',
  close: `    }\n  }\n}`,
});
const vue =
  header(`Types <gusp-…> in Vue templates (vue-tsc, Volar): \`import type {} from '@gusp/elements/vue';\` once in the project.`) +
  `import type { DefineComponent } from 'vue';\n` +
  importLine +
  elements
    .map(
      (el) =>
        `\n/** What \`<${el.tag}>\` takes in a Vue template (\`walk-id\` or \`walkId\`, \`@gusp-register\`). */\nexport interface ${el.className}VueProps {\n${props(
          el,
          (n) => `on${pascal(n)}`,
          (m) => m.vueName,
        )}\n}\n`,
    )
    .join('') +
  `\ndeclare module 'vue' {\n  interface GlobalComponents {\n` +
  elements.map((el) => `    '${el.tag}': DefineComponent<${el.className}VueProps>;`).join('\n') +
  `\n  }\n}\n`;

await mkdir(new URL('dist/', root), { recursive: true });
for (const [name, text] of Object.entries({ react, preact, vue })) {
  await writeFile(new URL(`dist/${name}.d.ts`, root), text);
}
console.log(`framework-types: dist/react.d.ts, dist/preact.d.ts, dist/vue.d.ts for ${elements.map((e) => `<${e.tag}>`).join(', ')}`);
