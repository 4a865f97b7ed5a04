// SPDX-License-Identifier: EUPL-1.2
// An esbuild plugin for the self-contained bundles: inside lit's html`` and css``
// templates, a run of white space that holds a line break becomes one space.
// HTML and CSS read such a run as one space anyway (our templates have no <pre>
// and no static <textarea> text), so behaviour is unchanged and the
// indentation costs no bytes. Inside css`` templates, comments go too, and so
// does the white space CSS never needs: around `{ } ; , >`, after `:` and before
// `}` (quoted strings and the values of custom properties, which keep their
// tokens as written, are left alone). Other strings (iCalendar's CRLF…) are
// never touched.
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

const TAGS = new Set(['html', 'css', 'svg']);

/**
 * Minifies one static piece of a css`` template, outside quoted strings.
 * Only spaces next to punctuation are dropped, never the one between two
 * words (a descendant combinator, `1px solid`), and a piece's edges next to a
 * `${…}` keep their single space.
 */
export function minifyCss(raw) {
  return raw
    .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/\/\*[^]*?\*\//g, ' ')
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};>]) ?/g, '$1')
            // A custom property keeps its value's tokens as written: no comma squeezed there.
            .replace(/(--[\w-]+ ?:[^;{}]*)| ?, ?/g, (_, custom) => custom ?? ',')
            .replace(/: /g, ':')
            .replace(/;}/g, '}'),
    )
    .join('');
}

/** The source with the static parts of html``/css`` templates collapsed. */
export function minifyTemplates(source, fileName) {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const edits = [];
  let isCss = false;
  const collapse = (node, openLength, closeLength) => {
    // The raw text between the delimiters: ` or } … ${ or `.
    const start = node.getStart(file) + openLength;
    const end = node.getEnd() - closeLength;
    const raw = source.slice(start, end);
    const min = isCss ? minifyCss(raw) : raw.replace(/\s*\n\s*/g, ' ');
    if (min !== raw) edits.push([start, end, min]);
  };
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
      isCss = node.tag.text === 'css';
      const t = node.template;
      if (ts.isNoSubstitutionTemplateLiteral(t)) collapse(t, 1, 1);
      else {
        collapse(t.head, 1, 2);
        for (const span of t.templateSpans) collapse(span.literal, 1, ts.isTemplateTail(span.literal) ? 1 : 2);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

/** Applies {@linkcode minifyTemplates} to this package's TypeScript sources. */
export const minifyTemplatesPlugin = {
  name: 'gusp-minify-templates',
  setup(build) {
    build.onLoad({ filter: /[\\/]elements[\\/]src[\\/].*\.ts$/ }, async (args) => ({
      contents: minifyTemplates(await readFile(args.path, 'utf8'), args.path),
      loader: 'ts',
    }));
  },
};
