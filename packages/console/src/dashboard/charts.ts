// SPDX-License-Identifier: EUPL-1.2
/**
 * The dashboard's charts: horizontal bars written as lit `svg` templates (no chart library: a few
 * rectangles and their words). Each chart is an image with a name (`role="img"`, its `<title>`
 * giving the gist); its numbers are in the table beside it. Nothing is said by colour alone: each
 * bar is labelled with its number, and the two polarities differ by pattern too (solid for
 * positive, hatched for problems), in colours of at least 3:1 against white (WCAG 1.4.11).
 * The labels sit above their bars, in a narrow view box, so that they stay legible on a phone.
 */
import { css, nothing, svg, type SVGTemplateResult } from 'lit';

/** How a series is drawn: `solid` (positive, done), `hatched` (problems, late), `primary` (a count). */
export type BarStyle = 'solid' | 'hatched' | 'primary';

export interface BarSeries {
  readonly label: string;
  readonly style: BarStyle;
}

export interface BarRow {
  /** The row's label, above its bars. */
  readonly label: string;
  /** One value per series. */
  readonly values: readonly number[];
  /** What is written after each bar (its number by default). */
  readonly texts?: readonly string[];
}

export interface BarChartOptions {
  /** Unique in the screen: the ids of the title and patterns start with it. */
  readonly id: string;
  /** The gist, the image's accessible name. */
  readonly gist: string;
  readonly series: readonly BarSeries[];
  readonly rows: readonly BarRow[];
  /**
   * `grouped`: a bar per series, on one scale (the largest value); `share`: one bar per row,
   * split between the series in proportion (a row's note says the share).
   */
  readonly mode?: 'grouped' | 'share';
  /** For `share`: what is written after the row's label (« 75 % positifs »). */
  readonly notes?: readonly string[];
  /** The width to draw at, in CSS pixels: the chart is drawn at the size it is shown, its text at 14 px. */
  readonly width?: number;
}

/** The width drawn at when none is given (a phone's column). */
export const CHART_WIDTH = 360;
/** The widest a chart is drawn: wider bars say nothing more. */
export const CHART_MAX_WIDTH = 640;
const LABEL = 20;
const BAR = 15;
const GAP = 4;
const ROW_GAP = 10;
const VALUE_ROOM = 40;
const LEGEND = 26;

/** A label cut to `max` characters, what fits a line (the whole label is in the table). */
const fit = (text: string, max: number) => (text.length > max ? `${text.slice(0, Math.max(8, max - 1))}…` : text);
/** About how wide `text` is in 14 px regular text, with the « — » before a note. */
const charsWidth = (text: string | undefined) => (text ? (text.length + 3) * 8.4 : 0);
/** About how many characters of 14 px bold text fit in `px`. */
const charsIn = (px: number) => Math.floor(px / 9);

/** The chart: an `<svg role="img">` named by its `<title>` (the gist). */
export function barChart(o: BarChartOptions): SVGTemplateResult {
  const mode = o.mode ?? 'grouped';
  const WIDTH = Math.round(Math.min(CHART_MAX_WIDTH, Math.max(240, o.width ?? CHART_WIDTH)));
  const legend = o.series.length > 1;
  const top = legend ? LEGEND : 0;
  const perRow = mode === 'share' ? LABEL + BAR + ROW_GAP : LABEL + o.series.length * (BAR + GAP) + ROW_GAP - GAP;
  const height = Math.max(top + o.rows.length * perRow, 24);
  const max = Math.max(1, ...o.rows.flatMap((r) => r.values));
  // Room after the longest bar for the longest number in words (« 3 engagements »).
  const longest = Math.max(2, ...o.rows.flatMap((r) => r.values.map((v, i) => (r.texts?.[i] ?? String(v)).length)));
  const room = Math.min(WIDTH / 2, Math.max(VALUE_ROOM, longest * 8.4 + 12));
  const scale = (WIDTH - room) / max;
  const fill = (style: BarStyle) => (style === 'hatched' ? `url(#${o.id}-hatch)` : '');
  const bar = (style: BarStyle, x: number, y: number, w: number) =>
    w <= 0 ? nothing : svg`<rect class="bar ${style}" x=${x} y=${y} width=${w} height=${BAR} fill=${fill(style) || 'currentColor'}></rect>`;
  const rows = o.rows.map((row, i) => {
    const y = top + i * perRow;
    if (mode === 'share') {
      const sum = row.values.reduce((a, b) => a + b, 0);
      let x = 0;
      const parts = row.values.map((v, s) => {
        const w = sum === 0 ? 0 : (v / sum) * WIDTH;
        const part = bar(o.series[s]?.style ?? 'primary', x, y + LABEL, w);
        x += w;
        return part;
      });
      return svg`<g class="row">
        <text x="0" y=${y + 14} class="label">${fit(row.label, charsIn(WIDTH - charsWidth(o.notes?.[i])))}${o.notes?.[i] ? svg`<tspan class="note"> — ${o.notes[i]}</tspan>` : ''}</text>
        <rect class="track" x="0" y=${y + LABEL} width=${WIDTH} height=${BAR}></rect>
        ${parts}
      </g>`;
    }
    return svg`<g class="row">
      <text x="0" y=${y + 14} class="label">${fit(row.label, charsIn(WIDTH))}</text>
      ${row.values.map((v, s) => {
        const by = y + LABEL + s * (BAR + GAP);
        const w = v * scale;
        return svg`${bar(o.series[s]?.style ?? 'primary', 0, by, w)}
          <text x=${w + 6} y=${by + 12} class="value">${row.texts?.[s] ?? String(v)}</text>`;
      })}
    </g>`;
  });
  let lx = 0;
  const legendItems = legend
    ? o.series.map((s) => {
        const item = svg`<g class="legend">${bar(s.style, lx, 2, BAR)}<text x=${lx + BAR + 6} y="14">${s.label}</text></g>`;
        lx += BAR + 16 + charsWidth(s.label);
        return item;
      })
    : [];
  return svg`<svg role="img" aria-labelledby="${o.id}-title" viewBox="0 0 ${WIDTH} ${height}" width=${WIDTH} height=${height}
    preserveAspectRatio="xMinYMin meet" focusable="false">
    <title id="${o.id}-title">${o.gist}</title>
    <defs>
      <pattern id="${o.id}-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ffffff"></rect>
        <line x1="0" y1="0" x2="0" y2="6" stroke="#b00020" stroke-width="3"></line>
      </pattern>
    </defs>
    ${legendItems}
    ${rows}
  </svg>`;
}

/** The charts' styles (inside the screen's shadow root). */
export const chartStyles = css`
  svg {
    display: block;
    max-inline-size: 100%;
    block-size: auto;
    font-size: 14px;
    color: var(--_text);
    print-color-adjust: exact;
    -webkit-print-color-adjust: exact;
  }
  svg text {
    fill: currentColor;
  }
  svg .label {
    font-weight: 600;
  }
  svg .note {
    font-weight: 400;
  }
  svg .track {
    fill: #ffffff;
    stroke: #6b6b6b;
    stroke-width: 1;
  }
  svg .bar.solid {
    fill: #1d6b34;
  }
  svg .bar.primary {
    fill: #0a4a8f;
  }
  svg .bar.hatched {
    stroke: #b00020;
    stroke-width: 1.5;
  }
`;
