// SPDX-License-Identifier: EUPL-1.2
/**
 * CSV (RFC 4180) for observations and engagements: export, edit in a
 * spreadsheet, import back, with the same columns both ways. The writer quotes
 * fields holding the delimiter, `"`, CR or LF, doubles quotes and ends lines
 * with CRLF; the parser accepts a UTF-8 BOM, CRLF / LF / CR line ends, `,` or
 * `;` as delimiter (French spreadsheets use `;`), and reports every bad line.
 *
 * Free-text cells (descriptions, addresses, titles, names, labels) starting
 * with `=`, `+`, `-`, `@`, tab or CR are prefixed with `'` so that a
 * spreadsheet never runs them as formulas (CSV injection, as OWASP lists it);
 * the parser removes that prefix again, so a round trip is exact. Ids, codes,
 * dates and numbers are written as they are, so that they join with the API,
 * GeoJSON and Open311 (a nanoid may start with `-`).
 *
 * Besides the columns read back, an export carries columns for people reading
 * it (`location`, labels and names in the request's language, photo URLs,
 * milestones in words), appended after the others: an import ignores them and
 * does not require them.
 */
import type { CityProfile } from '../city/city-profile.js';
import { findAxis, findOrganisation, findQuartier, findTheme, localName } from '../city/lookup.js';
import { toZonedISO } from '../dates.js';
import { errorMessage, guspError, label } from '../i18n.js';
import { Engagement, type Milestone } from '../engagement/engagement.js';
import { Observation } from '../observation/observation.js';
import { err, ok, type Result } from '../result.js';
import { validate, type FieldIssue } from '../validation.js';
import type { Walk } from '../walk/walk.js';
import { locate, photoUrls, walksById } from './shared.js';

/* ------------------------------------------------------------------ RFC 4180 */

export interface CsvWriteOptions {
  /** Start with a UTF-8 byte order mark, so that Excel reads accents right. Default `false`. */
  readonly bom?: boolean;
  /** `,` (RFC 4180, the default) or `;` (what Excel expects in French). */
  readonly delimiter?: ',' | ';';
}

/** What the observation and engagement exports take besides the CSV flavour. */
export interface CsvExportOptions extends CsvWriteOptions {
  /** Names quartiers, themes, organisations and stops; without it those columns are empty. */
  readonly city?: CityProfile;
  /** Language of the labels and names: the city's by default. */
  readonly locale?: string;
  /** Walks of the observations: an observation without a point of its own gets its stop's `lat`/`lon` (`location` `stop`). */
  readonly walks?: readonly Walk[];
  /** Base URL of photos that have no `url` of their own (`photoUrls`). */
  readonly baseMediaUrl?: string;
}

/** One record of RFC 4180 CSV: fields quoted only where needed, then CRLF. */
export function csvLine(fields: readonly string[], delimiter: ',' | ';' = ','): string {
  const quote = (field: string): string =>
    field.includes('"') || field.includes(delimiter) || field.includes('\r') || field.includes('\n')
      ? `"${field.replace(/"/g, '""')}"`
      : field;
  return `${fields.map(quote).join(delimiter)}\r\n`;
}

/** Writes rows as RFC 4180 CSV: CRLF after every record, quotes only where needed. */
export function writeCSV(rows: readonly (readonly string[])[], options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const body = rows.map((row) => csvLine(row, delimiter)).join('');
  return options.bom ? `\uFEFF${body}` : body;
}

/** One record as read, with where it starts in the text. */
export interface CsvRecord {
  readonly fields: string[];
  /** Physical line (1-based) where the record starts; a quoted field may span lines. */
  readonly line: number;
}

/** The delimiter of a file: whichever of `,` and `;` the header line (outside quotes) has more of. */
function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Reads RFC 4180 CSV into records. A UTF-8 BOM is skipped, the delimiter is
 * `,` or `;` (detected from the header line unless given), and a quote inside
 * an unquoted field is kept as is. Refused (`csv.invalid`): a quote never
 * closed, or text after a closing quote.
 */
export function parseCSVRecords(text: string, options: { locale?: string; delimiter?: ',' | ';' } = {}): Result<CsvRecord[]> {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(src);
  const records: CsvRecord[] = [];
  /** Refuses the text; `line` is the record's number (as a spreadsheet row), `physicalLine` the text's line. */
  const fail = (physicalLine: number, code: string) => {
    const line = records.length + 1;
    const reason = errorMessage(code, options.locale);
    const message = errorMessage('csv.invalid', options.locale, { line, reason });
    return err(guspError('csv.invalid', options.locale, { line, reason, errors: [{ line, physicalLine, reason, message, issues: [] }] }));
  };
  let i = 0;
  let line = 1;
  const n = src.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (src[i] === '"') {
        const opened = line;
        i++;
        for (;;) {
          if (i >= n) return fail(opened, 'csv.unclosed-quote');
          const c = src[i]!;
          if (c === '"') {
            if (src[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n' || (c === '\r' && src[i + 1] !== '\n')) line++;
          field += c;
          i++;
        }
        if (i < n && src[i] !== delimiter && src[i] !== '\r' && src[i] !== '\n') return fail(line, 'csv.text-after-quote');
      } else {
        const from = i;
        while (i < n && src[i] !== delimiter && src[i] !== '\r' && src[i] !== '\n') i++;
        field = src.slice(from, i);
      }
      fields.push(field);
      if (i < n && src[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    // End of record: CRLF, LF, CR or the end of the text.
    if (src[i] === '\r') i++;
    if (src[i] === '\n') i++;
    line++;
    records.push({ fields, line: start });
  }
  return ok(records);
}

/** Reads RFC 4180 CSV into rows of strings (see {@linkcode parseCSVRecords}). */
export function parseCSV(text: string, options: { locale?: string; delimiter?: ',' | ';' } = {}): Result<string[][]> {
  const parsed = parseCSVRecords(text, options);
  return parsed.ok ? ok(parsed.value.map((r) => r.fields)) : parsed;
}

/* ------------------------------------------------------------------ cells */

const FORMULA = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;
/**
 * Prefixes `'` to what a spreadsheet would run as a formula (CSV injection, as OWASP lists it): the
 * defence every free-text cell of GUSP's CSV exports gets, the server's own CSVs included.
 */
export const guardCsvCell = (cell: string): string => (FORMULA.test(cell) ? `'${cell}` : cell);
const guard = guardCsvCell;
/** The inverse of {@linkcode guard}. */
const unguard = (cell: string): string => (GUARDED.test(cell) ? cell.slice(1) : cell);
/**
 * The alphabet of ids (nanoid's), slugs, enum codes, ISO dates and lists of ids: with no
 * parenthesis, quote, space, `!` or `|`, such a cell cannot call a function or reach another
 * program, even when it starts with `-` or `+`. Only a cell outside it (no schema-valid value
 * is) gets the formula defence.
 */
const TOKEN = /^[A-Za-z0-9_.:;+-]*$/;
const token = (cell: string): string => (TOKEN.test(cell) ? cell : guard(cell));

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const writeNumber = (n: unknown): string => (typeof n !== 'number' ? '' : Object.is(n, -0) ? '-0' : String(n));
/** A number, or the text as is (the schema then says what is wrong). Accepts a decimal comma. */
function readNumber(cell: string): unknown {
  const t = cell.trim();
  if (t === '') return undefined;
  const dotted = /^[+-]?\d+,\d+$/.test(t) ? t.replace(',', '.') : t;
  return NUMBER.test(dotted) ? Number(dotted) : cell;
}

type Row = Record<string, unknown>;
type Issue = { readonly path: string; readonly code: string };

/** What every cell of one export may need: the language, the city's names, the walks' stops. */
interface WriteContext {
  readonly locale: string | undefined;
  readonly city: CityProfile | undefined;
  readonly walks: ReadonlyMap<string, Walk>;
  readonly baseMediaUrl: string | undefined;
}

/** How one column is written from, and read into, an object. */
interface Column {
  readonly name: string;
  readonly write: (row: Row, context: WriteContext) => string;
  /** Sets the field(s) of `into`; returns an issue when the cell cannot be read at all. */
  readonly read: (cell: string, into: Row) => Issue | undefined;
  /** Not required by an import: written for people (labels, names, URLs), or added after files already exported lacked it. */
  readonly optional?: true;
}

/** Free text: required (an empty cell is `''`) or optional (an empty cell is absent). */
const textColumn = (name: string, required: boolean): Column => ({
  name,
  write: (row) => guard(typeof row[name] === 'string' ? row[name] : ''),
  read: (cell, into) => {
    if (cell !== '' || required) into[name] = unguard(cell);
    return undefined;
  },
});

/**
 * Ids, enums, dates: trimmed; an empty cell is absent. Written as they are (see
 * {@linkcode TOKEN}); read without a leading `'`, so files exported before ids
 * lost the defence (`'-zy5q…`) still import.
 */
const plainColumn = (name: string): Column => ({
  name,
  write: (row) => token(typeof row[name] === 'string' ? row[name] : ''),
  read: (cell, into) => {
    const value = unguard(cell.trim());
    if (value !== '') into[name] = value;
    return undefined;
  },
});

const numberColumn = (name: string): Column => ({
  name,
  write: (row) => writeNumber(row[name]),
  read: (cell, into) => {
    const value = readNumber(cell);
    if (value !== undefined) into[name] = value;
    return undefined;
  },
});

/** An array of objects as JSON in one cell; an empty cell is `[]`. */
const jsonColumn = (name: string): Column => ({
  name,
  write: (row) => (Array.isArray(row[name]) && (row[name] as unknown[]).length > 0 ? JSON.stringify(row[name]) : ''),
  read: (cell, into) => {
    if (cell.trim() === '') {
      into[name] = [];
      return undefined;
    }
    try {
      into[name] = JSON.parse(cell);
      return undefined;
    } catch {
      return { path: name, code: 'csv.invalid-json' };
    }
  },
});

/** An array of ids joined by `;` (ids never contain one); an empty cell is `[]`. */
const idListColumn = (name: string): Column => ({
  name,
  write: (row) => token(Array.isArray(row[name]) ? (row[name] as string[]).join(';') : ''),
  read: (cell, into) => {
    into[name] = unguard(cell.trim())
      .split(';')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    return undefined;
  },
});

/** A column for people only: free text, guarded, never read back. */
const derivedColumn = <T>(name: string, write: (row: T, context: WriteContext) => string | undefined): Column => ({
  name,
  write: (row, context) => guard(write(row as T, context) ?? ''),
  read: () => undefined,
  optional: true,
});

/**
 * One coordinate of where the observation is: its own point, else its stop's
 * (the walks given), as GeoJSON places it; both cells empty means no point.
 */
const pointColumn = (name: 'lat' | 'lon'): Column => ({
  name,
  write: (row, context) => writeNumber(locate(row as Observation, context.walks).point?.[name]),
  read: (cell, into) => {
    const value = readNumber(cell);
    if (value === undefined) return undefined;
    const point = (into.point ??= {}) as Row;
    point[name] = value;
    return undefined;
  },
});

/**
 * Where `lat`/`lon` come from, as GeoJSON's `location`: `point` (the
 * observation's own), `stop` (its stop's) or `none`. Read after them: on a
 * `stop` line they are the stop's, so the observation gets no point of its
 * own and a round trip is exact; any other value (or no column) keeps them.
 */
const locationColumn: Column = {
  name: 'location',
  write: (row, context) => locate(row as Observation, context.walks).from,
  read: (cell, into) => {
    if (cell.trim() === 'stop') delete into.point;
    return undefined;
  },
  optional: true,
};

/** The column a field path belongs to: `point.lat` → `lat`, `photos.0.url` → `photos`. */
function columnOf(path: string): string {
  const [head, next] = path.split('.');
  return head === 'point' ? (next ?? 'lat') : (head ?? '');
}

/* ------------------------------------------------------------------ kinds */

/**
 * The columns of the observations CSV, export and import alike. There is no
 * reporter column: contact details are personal data and never leave the app.
 * The columns after `updatedAt` are for people reading the file (an import
 * ignores them): where `lat`/`lon` come from, labels and names in the
 * export's language, and the photos' URLs separated by spaces.
 */
export const OBSERVATION_CSV_COLUMNS = [
  'id',
  'quartierId',
  'walkId',
  'stopId',
  'lat',
  'lon',
  'address',
  'polarity',
  'themeId',
  'description',
  'photos',
  'source',
  'status',
  'organisationId',
  'severity',
  'duplicateOf',
  'rejectReason',
  'engagementId',
  'recordedAt',
  'updatedAt',
  'location',
  'statusLabel',
  'polarityLabel',
  'themeName',
  'axis',
  'axisName',
  'quartierName',
  'stopLabel',
  'organisationName',
  'severityLabel',
  'photoUrls',
] as const;

/**
 * The columns of the engagements CSV, export and import alike. The columns
 * after `updatedAt` are for people reading the file (an import ignores them):
 * labels and names in the export's language, and the milestones in words, one
 * line each.
 */
export const ENGAGEMENT_CSV_COLUMNS = [
  'id',
  'title',
  'description',
  'quartierId',
  'themeId',
  'organisationId',
  'walkId',
  'observationIds',
  'dueOn',
  'status',
  'progress',
  'milestones',
  'proposedAt',
  'completedAt',
  'updatedAt',
  'statusLabel',
  'quartierName',
  'themeName',
  'organisationName',
  'milestonesText',
] as const;

/** Names from the city profile, or nothing without one (or for an id it does not know). */
const named = {
  quartier: (c: WriteContext, id: unknown) => (c.city ? findQuartier(c.city, id as string | undefined)?.name : undefined),
  theme: (c: WriteContext, id: unknown) => {
    const theme = c.city ? findTheme(c.city, id as string | undefined) : undefined;
    return theme ? localName(theme, c.locale) : undefined;
  },
  organisation: (c: WriteContext, id: unknown) => (c.city ? findOrganisation(c.city, id as string | undefined)?.name : undefined),
};

/** A milestone in words: `2026-03-25 09:00 · Accepté · Échéance : 2026-06-30 · Ville de Valence · note`. */
function milestoneText(m: Milestone, c: WriteContext): string {
  const at = c.city ? toZonedISO(m.at, c.city.timezone) : m.at;
  const parts = [`${at.slice(0, 10)} ${at.slice(11, 16)}`, label(`csv.milestone.${m.kind}`, c.locale)];
  if (m.percent !== undefined) parts.push(`${m.percent}${label('format.percent', c.locale)}`);
  if (m.dueOn !== undefined) parts.push(`${label('report.dueOn', c.locale)}${label('format.colon', c.locale)}${m.dueOn}`);
  if (m.organisationId !== undefined) parts.push(named.organisation(c, m.organisationId) ?? m.organisationId);
  if (m.note !== undefined && m.note !== '') parts.push(m.note);
  return parts.join(' · ');
}

function observationColumns(): Column[] {
  const byName: Record<(typeof OBSERVATION_CSV_COLUMNS)[number], Column> = {
    id: plainColumn('id'),
    quartierId: plainColumn('quartierId'),
    walkId: plainColumn('walkId'),
    stopId: plainColumn('stopId'),
    lat: pointColumn('lat'),
    lon: pointColumn('lon'),
    address: textColumn('address', false),
    polarity: plainColumn('polarity'),
    themeId: plainColumn('themeId'),
    description: textColumn('description', true),
    photos: jsonColumn('photos'),
    source: plainColumn('source'),
    status: plainColumn('status'),
    organisationId: plainColumn('organisationId'),
    severity: plainColumn('severity'),
    duplicateOf: plainColumn('duplicateOf'),
    rejectReason: textColumn('rejectReason', false),
    engagementId: plainColumn('engagementId'),
    recordedAt: plainColumn('recordedAt'),
    updatedAt: plainColumn('updatedAt'),
    location: locationColumn,
    statusLabel: derivedColumn<Observation>('statusLabel', (o, c) => label(`observation.status.${o.status}`, c.locale)),
    polarityLabel: derivedColumn<Observation>('polarityLabel', (o, c) => label(`polarity.${o.polarity}`, c.locale)),
    themeName: derivedColumn<Observation>('themeName', (o, c) => named.theme(c, o.themeId)),
    axis: derivedColumn<Observation>('axis', (o, c) => (c.city ? findTheme(c.city, o.themeId)?.axis : undefined)),
    axisName: derivedColumn<Observation>('axisName', (o, c) => {
      const axis = c.city ? findAxis(c.city, findTheme(c.city, o.themeId)?.axis) : undefined;
      return axis ? localName(axis, c.locale) : undefined;
    }),
    quartierName: derivedColumn<Observation>('quartierName', (o, c) => named.quartier(c, o.quartierId)),
    stopLabel: derivedColumn<Observation>('stopLabel', (o, c) => locate(o, c.walks).stop?.label),
    organisationName: derivedColumn<Observation>('organisationName', (o, c) => named.organisation(c, o.organisationId)),
    severityLabel: derivedColumn<Observation>('severityLabel', (o, c) =>
      o.severity === undefined ? undefined : label(`severity.${o.severity}`, c.locale),
    ),
    // A URL has no space in it: splitting the cell on spaces gives them back.
    photoUrls: derivedColumn<Observation>('photoUrls', (o, c) => photoUrls(o.photos, c.baseMediaUrl).join(' ')),
  };
  return OBSERVATION_CSV_COLUMNS.map((name) => byName[name]);
}

function engagementColumns(): Column[] {
  const byName: Record<(typeof ENGAGEMENT_CSV_COLUMNS)[number], Column> = {
    id: plainColumn('id'),
    title: textColumn('title', true),
    description: textColumn('description', false),
    quartierId: plainColumn('quartierId'),
    themeId: plainColumn('themeId'),
    organisationId: plainColumn('organisationId'),
    walkId: plainColumn('walkId'),
    observationIds: idListColumn('observationIds'),
    dueOn: plainColumn('dueOn'),
    status: plainColumn('status'),
    progress: numberColumn('progress'),
    milestones: jsonColumn('milestones'),
    proposedAt: plainColumn('proposedAt'),
    completedAt: plainColumn('completedAt'),
    updatedAt: plainColumn('updatedAt'),
    statusLabel: derivedColumn<Engagement>('statusLabel', (e, c) => label(`engagement.status.${e.status}`, c.locale)),
    quartierName: derivedColumn<Engagement>('quartierName', (e, c) => named.quartier(c, e.quartierId)),
    themeName: derivedColumn<Engagement>('themeName', (e, c) => named.theme(c, e.themeId)),
    organisationName: derivedColumn<Engagement>('organisationName', (e, c) => named.organisation(c, e.organisationId)),
    milestonesText: derivedColumn<Engagement>('milestonesText', (e, c) => e.milestones.map((m) => milestoneText(m, c)).join('\n')),
  };
  return ENGAGEMENT_CSV_COLUMNS.map((name) => byName[name]);
}

/** A problem with one cell of one line. */
export interface CsvCellIssue extends FieldIssue {
  readonly column: string;
}

/** A bad line of an import: `line` counts records as a spreadsheet numbers rows (the header is line 1). */
export interface CsvLineError {
  readonly line: number;
  /** Line of the text where the record starts (differs from `line` after a multi-line cell). */
  readonly physicalLine: number;
  /** What is wrong, without the line number. */
  readonly reason: string;
  /** `csv.invalid`'s message: "Ligne 3 : …". */
  readonly message: string;
  readonly issues: readonly CsvCellIssue[];
}

/**
 * A CSV export written line by line, for a file sent as it is read: `header` first (with the byte
 * order mark when asked), then `line(item)` for each item. `line` takes the walks of that item
 * (a stop's point and label) when they were not all given in the options. The whole-list exports
 * are `header` followed by every `line`.
 */
export interface CsvExportWriter<T> {
  readonly header: string;
  line(item: T, walks?: readonly Walk[]): string;
}

function csvWriter<T>(columns: Column[], options: CsvExportOptions): CsvExportWriter<T> {
  const context: WriteContext = {
    locale: options.locale ?? options.city?.locale,
    city: options.city,
    walks: walksById(options.walks),
    baseMediaUrl: options.baseMediaUrl,
  };
  const delimiter = options.delimiter || ',';
  const write = (row: T, c: WriteContext) =>
    csvLine(
      columns.map((column) => column.write(row as Row, c)),
      delimiter,
    );
  return {
    header: `${options.bom ? '\uFEFF' : ''}${csvLine(
      columns.map((c) => c.name),
      delimiter,
    )}`,
    line: (item, walks) => write(item, walks === undefined ? context : { ...context, walks: walksById(walks) }),
  };
}

function toCSV<T>(rows: readonly T[], writer: CsvExportWriter<T>): string {
  return writer.header + rows.map((row) => writer.line(row)).join('');
}

function fromCSV<T>(text: string, columns: Column[], schema: Parameters<typeof validate>[0], locale: string | undefined): Result<T[]> {
  const parsed = parseCSVRecords(text, locale === undefined ? {} : { locale });
  if (!parsed.ok) return parsed;
  const [header, ...records] = parsed.value;
  const names = header?.fields.map((f) => f.trim()) ?? [];
  const duplicates = names.filter((name, i) => name !== '' && names.indexOf(name) !== i);
  if (duplicates.length > 0) {
    const reason = errorMessage('csv.duplicate-columns', locale, { columns: duplicates });
    const message = errorMessage('csv.invalid', locale, { line: 1, reason });
    return err(guspError('csv.invalid', locale, { line: 1, reason, errors: [{ line: 1, physicalLine: 1, reason, message, issues: [] }] }));
  }
  const missing = columns.filter((c) => !c.optional && !names.includes(c.name)).map((c) => c.name);
  if (missing.length > 0) return err(guspError('csv.missing-columns', locale, { columns: missing }));
  const at = columns.map((c) => names.indexOf(c.name));

  const values: T[] = [];
  const errors: CsvLineError[] = [];
  // In the columns' order, not the file's: `location` is read after `lat` and `lon`.
  records.forEach((record, index) => {
    const line = index + 2;
    if (record.fields.every((f) => f.trim() === '')) return; // blank line
    const lineError = (reason: string, issues: CsvCellIssue[]) =>
      errors.push({ line, physicalLine: record.line, reason, message: errorMessage('csv.invalid', locale, { line, reason }), issues });
    if (record.fields.length !== names.length) {
      lineError(errorMessage('csv.field-count', locale, { expected: names.length, found: record.fields.length }), []);
      return;
    }
    const row: Row = {};
    const issues: CsvCellIssue[] = [];
    columns.forEach((column, i) => {
      const problem = column.read(record.fields[at[i]!] ?? '', row);
      if (problem)
        issues.push({ column: column.name, path: problem.path, code: problem.code, message: errorMessage(problem.code, locale) });
    });
    const result = issues.length === 0 ? validate(schema, row, locale) : undefined;
    if (result?.ok) {
      values.push(result.value as T);
      return;
    }
    if (result && !result.ok) {
      for (const issue of (result.error.details.issues ?? []) as FieldIssue[]) issues.push({ ...issue, column: columnOf(issue.path) });
    }
    lineError(issues.map((i) => `${i.column} – ${i.message}`).join(' · '), issues);
  });
  if (errors.length === 0) return ok(values);
  const first = errors[0]!;
  return err(guspError('csv.invalid', locale, { line: first.line, reason: first.reason, errors }));
}

/**
 * Observations as CSV, in {@linkcode OBSERVATION_CSV_COLUMNS}: `point` as `lat`
 * and `lon` (the stop's when the observation has none and `walks` are given,
 * `location` saying which), `photos` as JSON and as URLs. The reporter's
 * contact is left out. Give `city` (and `locale`) for the names and labels.
 */
export function observationsToCSV(observations: readonly Observation[], options: CsvExportOptions = {}): string {
  return toCSV(observations, observationCSVWriter(options));
}

/** {@linkcode observationsToCSV} line by line (see {@linkcode CsvExportWriter}). */
export const observationCSVWriter = (options: CsvExportOptions = {}): CsvExportWriter<Observation> =>
  csvWriter(observationColumns(), options);

/**
 * Reads observations written by {@linkcode observationsToCSV} (or edited in a
 * spreadsheet), each checked by the `Observation` schema. They come back
 * without `reporter`: the CSV never carries contact details. An empty optional
 * cell means the field is absent. Refusals: `csv.missing-columns`, or
 * `csv.invalid` with `details.errors` listing every bad line and its cells.
 */
export function observationsFromCSV(text: string, locale?: string): Result<Observation[]> {
  return fromCSV<Observation>(text, observationColumns(), Observation, locale);
}

/**
 * Engagements as CSV, in {@linkcode ENGAGEMENT_CSV_COLUMNS}: `observationIds`
 * joined by `;`, `milestones` as JSON and in words. Give `city` (and
 * `locale`) for the names and labels.
 */
export function engagementsToCSV(engagements: readonly Engagement[], options: CsvExportOptions = {}): string {
  return toCSV(engagements, engagementCSVWriter(options));
}

/** {@linkcode engagementsToCSV} line by line (see {@linkcode CsvExportWriter}). */
export const engagementCSVWriter = (options: CsvExportOptions = {}): CsvExportWriter<Engagement> => csvWriter(engagementColumns(), options);

/** Reads engagements written by {@linkcode engagementsToCSV}; refusals as {@linkcode observationsFromCSV}. */
export function engagementsFromCSV(text: string, locale?: string): Result<Engagement[]> {
  return fromCSV<Engagement>(text, engagementColumns(), Engagement, locale);
}
