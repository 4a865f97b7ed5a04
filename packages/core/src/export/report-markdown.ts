// SPDX-License-Identifier: EUPL-1.2
/** The compte-rendu as Markdown (CommonMark, with GFM tables), every user text escaped. */
import type { CityProfile } from '../city/city-profile.js';
import type { Report } from '../report/report.js';
import type { Walk } from '../walk/walk.js';
import { reportView, viewText, type ReportRenderOptions, type ViewBlock, type ViewTable } from './report-view.js';

/**
 * Escapes text so that Markdown shows it as typed: emphasis, links, code, raw
 * HTML, tables and entities are neutralised with backslashes, and so are
 * block markers at the start of a line (headings, quotes, lists, rules).
 * Leading spaces are dropped (four would open a code block).
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .trimStart()
        .replace(/[\\`*_[\]<>|~#]/g, '\\$&')
        .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
        .replace(/^([-+=])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

/** Escaped text on one line (table cells, list leads). */
const inline = (text: string): string => escapeMarkdown(text.replace(/\s*(\r\n|\r|\n)\s*/g, ' '));

function table(t: ViewTable): string {
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const lines = [row(t.head.map(inline)), row(t.numeric.map((n) => (n ? '---:' : '---')))];
  for (const r of t.rows) lines.push(row(r.map((c) => inline(viewText(c)))));
  if (t.foot) lines.push(row(t.foot.map((c) => `**${inline(viewText(c))}**`)));
  return lines.join('\n');
}

function block(b: ViewBlock, colon: string): string {
  switch (b.kind) {
    case 'paragraphs':
      return b.paragraphs.map(escapeMarkdown).join('\n\n');
    case 'table':
      return table(b.table);
    case 'ordered':
      return b.items.map((item, i) => `${i + 1}. ${inline(item)}`).join('\n');
    case 'items':
      return b.items
        .map((item) => {
          // A hard line break (backslash) keeps the reporter's line breaks inside the list item.
          const text = escapeMarkdown(item.text).split('\n').join('\\\n  ');
          const place = item.place ? ` _(${inline(item.place)})_` : '';
          return `- **${inline(item.lead)}**${colon}${text}${place}`;
        })
        .join('\n');
    case 'figures':
      return b.figures
        .map(
          (f) => `![${inline(f.alt)}](<${f.src.replace(/[<>\s]/g, encodeURIComponent)}>)${f.caption ? `\\\n_${inline(f.caption)}_` : ''}`,
        )
        .join('\n\n');
  }
}

/** The compte-rendu of `walk` as a Markdown document: headings, facts, tables, lists. */
export function reportToMarkdown(report: Report, walk: Walk, city: CityProfile, options: ReportRenderOptions = {}): string {
  const view = reportView(report, walk, city, options);
  const parts = [
    `# ${inline(view.title)}`,
    view.facts.map((f) => `- **${inline(f.term)}**${view.colon}${inline(viewText(f.value))}`).join('\n'),
    ...view.sections.map(
      (s) => `## ${inline(s.heading)}\n\n${(s.lead ?? []).map((p) => `${escapeMarkdown(p)}\n\n`).join('')}${block(s.block, view.colon)}`,
    ),
    `---\n\n${view.footer.map((f) => `_${inline(viewText(f))}_`).join('  \n')}`,
  ];
  return `${parts.join('\n\n')}\n`;
}
