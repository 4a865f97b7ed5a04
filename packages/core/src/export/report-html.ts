// SPDX-License-Identifier: EUPL-1.2
/**
 * The compte-rendu as one standalone HTML5 page: no script, no external
 * resource, readable by screen readers (one `<h1>`, sections with headings,
 * tables with a caption and header scopes) and printable (an `@media print`
 * stylesheet), so that it can be mailed, put online or handed out on paper.
 */
import type { CityProfile } from '../city/city-profile.js';
import type { Report } from '../report/report.js';
import type { Walk } from '../walk/walk.js';
import { reportView, type ReportRenderOptions, type ViewBlock, type ViewTable, type ViewText } from './report-view.js';

/** Escapes text for HTML content and attribute values: `& < > " '`. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Escaped text whose line breaks become `<br>`. */
const lines = (text: string): string =>
  text
    .trim()
    .split(/\r\n|\r|\n/)
    .map(escapeHtml)
    .join('<br>\n');

function rich(value: ViewText): string {
  if (typeof value === 'string') return escapeHtml(value);
  return `<time datetime="${escapeHtml(value.datetime)}">${escapeHtml(value.text)}</time>`;
}

function table(t: ViewTable): string {
  const cls = (i: number) => (t.numeric[i] ? ' class="num"' : '');
  const row = (cells: readonly ViewText[]) =>
    `<tr>${cells.map((c, i) => (i === 0 ? `<th scope="row">${rich(c)}</th>` : `<td${cls(i)}>${rich(c)}</td>`)).join('')}</tr>`;
  return [
    '<table>',
    `<caption>${escapeHtml(t.caption)}</caption>`,
    `<thead><tr>${t.head.map((h, i) => `<th scope="col"${cls(i)}>${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>\n${t.rows.map(row).join('\n')}\n</tbody>`,
    ...(t.foot ? [`<tfoot>${row(t.foot)}</tfoot>`] : []),
    '</table>',
  ].join('\n');
}

function block(b: ViewBlock, colon: string): string {
  switch (b.kind) {
    case 'paragraphs':
      return b.paragraphs.map((p) => `<p>${lines(p)}</p>`).join('\n');
    case 'table':
      return table(b.table);
    case 'ordered':
      return `<ol>\n${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ol>`;
    case 'items':
      return `<ul class="points">\n${b.items
        .map((i) => {
          const place = i.place ? ` <span class="place">(${escapeHtml(i.place)})</span>` : '';
          return `<li><strong>${escapeHtml(i.lead)}</strong>${escapeHtml(colon)}${lines(i.text)}${place}</li>`;
        })
        .join('\n')}\n</ul>`;
    case 'figures':
      return `<div class="figures">\n${b.figures
        .map(
          (f) =>
            `<figure><img src="${escapeHtml(f.src)}" alt="${escapeHtml(f.alt)}" loading="lazy">${f.caption ? `<figcaption>${escapeHtml(f.caption)}</figcaption>` : ''}</figure>`,
        )
        .join('\n')}\n</div>`;
  }
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; background: #fff; }
header { border-bottom: 3px solid #1a4f8b; margin-bottom: 1.5rem; }
.city { margin: 0; font-weight: 600; color: #1a4f8b; text-transform: uppercase; letter-spacing: .05em; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: .25rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; color: #1a4f8b; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid #8a8a8a; padding: .35rem .6rem; text-align: left; vertical-align: top; }
thead th { background: #e8eef6; }
tfoot th, tfoot td { font-weight: 700; background: #f3f3f3; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
ul.points li { margin-bottom: .5rem; }
.place { color: #4a4a4a; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1rem; }
figure { margin: 0; }
figure img { display: block; max-width: 100%; height: auto; border: 1px solid #8a8a8a; }
figcaption { font-size: .9rem; color: #4a4a4a; }
.preview { margin: 0 0 1rem; padding: .5rem .75rem; border: 2px dashed #8a4b00; color: #5c3200; background: #fff6e5; font-weight: 600; }
footer { margin-top: 2rem; border-top: 1px solid #8a8a8a; color: #4a4a4a; font-size: .9rem; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  header { border-bottom-color: #000; }
  h1, h2, .city { color: #000; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table, ul.points li, figure { break-inside: avoid; page-break-inside: avoid; }
  .preview { display: none; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead th, tfoot th, tfoot td { background: none; }
}
`;

export interface ReportHTMLOptions extends ReportRenderOptions {
  /**
   * A banner before the report's header (outside its heading, facts and sections, and not printed):
   * staff's preview of a report not shared yet says so. The report itself is the same page.
   */
  readonly banner?: string | undefined;
}

/** The compte-rendu of `walk` as a standalone, accessible and printable HTML5 page. */
export function reportToHTML(report: Report, walk: Walk, city: CityProfile, options: ReportHTMLOptions = {}): string {
  const view = reportView(report, walk, city, options);
  const facts = view.facts.map((f) => `<dt>${escapeHtml(f.term)}</dt><dd>${rich(f.value)}</dd>`).join('\n');
  const sections = view.sections
    .map(
      (s) =>
        `<section aria-labelledby="${s.id}">\n<h2 id="${s.id}">${escapeHtml(s.heading)}</h2>\n${(s.lead ?? []).map((p) => `<p>${lines(p)}</p>\n`).join('')}${block(s.block, view.colon)}\n</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(view.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="GUSP">
<title>${escapeHtml(view.documentTitle)}</title>
<style>${STYLE}</style>
</head>
<body>
${options.banner ? `<p class="preview" role="note">${escapeHtml(options.banner)}</p>\n` : ''}<header>
<p class="city">${escapeHtml(view.city)}</p>
<h1>${escapeHtml(view.title)}</h1>
<dl class="facts">
${facts}
</dl>
</header>
<main>
${sections}
</main>
<footer>
${view.footer.map((f) => `<p>${rich(f)}</p>`).join('\n')}
</footer>
</body>
</html>
`;
}
