// SPDX-License-Identifier: EUPL-1.2
// An esbuild plugin for the bundles: `import { a, b } from '@gusp/core'` in the
// elements' sources becomes imports of the core modules that define `a` and `b`.
// esbuild splits code by file, giving each file to the chunk of the entries that
// reach it, and the core's index re-exports every module: through it, every
// element (and every on-demand chunk) would reach the whole core, so nothing of
// the core could be left to a chunk loaded later (the .ics maker) and one
// build of all entries would hand the tracker the forms' validation. Behaviour
// is unchanged: the same bindings from the same modules, minus the barrel.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const CORE_INDEX = fileURLToPath(new URL('../../core/src/index.ts', import.meta.url));

const parse = (path) => ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
/** `./x.js` next to `from` → its `.ts` file. */
const moduleFile = (from, specifier) => resolve(dirname(from), specifier.replace(/\.js$/, '.ts'));
const hasExport = (node) => ts.getModifiers?.(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** Every name a core module exports, with the file that declares it (re-exports followed). */
function exportsOf(path, seen = new Set()) {
  const names = new Map();
  if (seen.has(path)) return names;
  seen.add(path);
  const file = parse(path);
  for (const node of file.statements) {
    if (ts.isExportDeclaration(node)) {
      const from = node.moduleSpecifier && moduleFile(path, node.moduleSpecifier.text);
      if (!node.exportClause && from) {
        for (const [name, where] of exportsOf(from, seen)) if (name !== 'default') names.set(name, where);
      } else if (node.exportClause && ts.isNamedExports(node.exportClause)) {
        for (const e of node.exportClause.elements) {
          const local = (e.propertyName ?? e.name).text;
          const where = from ? (exportsOf(from, new Set()).get(local) ?? { file: from, name: local }) : { file: path, name: local };
          names.set(e.name.text, where);
        }
      }
    } else if (hasExport(node)) {
      if (ts.isVariableStatement(node)) {
        for (const d of node.declarationList.declarations)
          if (ts.isIdentifier(d.name)) names.set(d.name.text, { file: path, name: d.name.text });
      } else if (node.name && ts.isIdentifier(node.name)) {
        names.set(node.name.text, { file: path, name: node.name.text });
      }
    }
  }
  return names;
}

let coreExports;

/** `source` with its `@gusp/core` value imports pointed at the modules that define them. */
export function unbarrel(source, path) {
  if (!source.includes("'@gusp/core'")) return source;
  coreExports ??= exportsOf(CORE_INDEX);
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true);
  let out = '';
  let at = 0;
  for (const node of file.statements) {
    if (!ts.isImportDeclaration(node) || node.moduleSpecifier.text !== '@gusp/core' || node.importClause?.isTypeOnly) continue;
    const bindings = node.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings) || node.importClause.name) continue;
    const byFile = new Map();
    for (const e of bindings.elements) {
      if (e.isTypeOnly) continue;
      const imported = (e.propertyName ?? e.name).text;
      const where = coreExports.get(imported);
      if (!where) throw new Error(`${path}: @gusp/core exports no ${imported}`);
      const list = byFile.get(where.file) ?? [];
      list.push(where.name === e.name.text ? where.name : `${where.name} as ${e.name.text}`);
      byFile.set(where.file, list);
    }
    out += source.slice(at, node.getStart());
    out += [...byFile].map(([where, list]) => `import { ${list.join(', ')} } from ${JSON.stringify(where)};`).join(' ');
    at = node.getEnd();
  }
  return out + source.slice(at);
}

/** The names a core module exports (its re-exports followed). */
export const exportNames = (path) => exportsOf(path).keys();
