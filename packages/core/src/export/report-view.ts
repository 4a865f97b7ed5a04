// SPDX-License-Identifier: EUPL-1.2
/**
 * The compte-rendu as a localized outline (headings, facts, tables, lists of
 * plain text) that the Markdown and HTML renderers only have to escape and
 * lay out. Names come from the city profile; dates are written in the city's
 * time zone, the French way in French (« samedi 14 mars 2026 »).
 */
import { TZDate } from '@date-fns/tz';
import { format, type Locale } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { fr } from 'date-fns/locale/fr';
import { ACTOR_ROLES } from '../actor.js';
import type { CityProfile } from '../city/city-profile.js';
import { findOrganisation, findQuartier, findTheme, localName } from '../city/lookup.js';
import { instant } from '../dates.js';
import { label } from '../i18n.js';
import type { Report, ReportPoint } from '../report/report.js';
import type { Walk } from '../walk/walk.js';
import { labelOr } from './shared.js';

export interface ReportRenderOptions {
  /** Language of the document; the city's by default. */
  readonly locale?: string;
  /** Where a photo of the report is served (`/api/photos/<id>` under the public URL); without it, photos are left out. */
  readonly photoUrl?: ((photoId: string) => string) | undefined;
}

/** Text, or a date to mark up as `<time datetime>`. */
export type ViewText = string | { readonly text: string; readonly datetime: string };

export interface ViewTable {
  readonly caption: string;
  readonly head: readonly string[];
  /** The first cell of each row heads it (`<th scope="row">`). */
  readonly rows: readonly (readonly ViewText[])[];
  readonly foot?: readonly ViewText[];
  /** Columns holding numbers (right-aligned). */
  readonly numeric: readonly boolean[];
}

export interface ViewItem {
  /** Emphasised lead, e.g. the theme. */
  readonly lead: string;
  readonly text: string;
  readonly place?: string;
}

export type ViewBlock =
  | { readonly kind: 'paragraphs'; readonly paragraphs: readonly string[] }
  | { readonly kind: 'table'; readonly table: ViewTable }
  | { readonly kind: 'items'; readonly items: readonly ViewItem[] }
  | { readonly kind: 'ordered'; readonly items: readonly string[] }
  | { readonly kind: 'figures'; readonly figures: readonly ViewFigure[] };

/** A photo of the report: its address, its text alternative and a caption. */
export interface ViewFigure {
  readonly src: string;
  readonly alt: string;
  readonly caption: string;
}

export interface ViewSection {
  /** ASCII id, for anchors. */
  readonly id: string;
  readonly heading: string;
  /** The coordinator's paragraphs before the block (the positive points' text). */
  readonly lead?: readonly string[];
  readonly block: ViewBlock;
}

export interface ReportView {
  readonly lang: string;
  readonly city: string;
  readonly title: string;
  /** `<title>`: the heading and the date. */
  readonly documentTitle: string;
  readonly facts: readonly { readonly term: string; readonly value: ViewText }[];
  readonly sections: readonly ViewSection[];
  readonly footer: readonly ViewText[];
  readonly colon: string;
}

const dateLocale = (lang: string): Locale => (lang.toLowerCase().startsWith('en') ? enGB : fr);

/** A `YYYY-MM-DD` day as a date at noon in the zone (noon: no DST edge can move it to another day). */
function dayDate(day: string, timeZone: string): TZDate {
  const [y, m, d] = day.split('-').map(Number);
  return new TZDate(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12, 0, 0, timeZone);
}

export function reportView(report: Report, walk: Walk, city: CityProfile, options: ReportRenderOptions = {}): ReportView {
  const locale = options.locale ?? city.locale;
  const lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale) ? locale : 'fr';
  const t = (key: string) => label(key, locale);
  const tz = city.timezone;
  const dfLocale = dateLocale(lang);
  const longDay = (d: Date) => format(d, 'EEEE d MMMM yyyy', { locale: dfLocale });
  const shortDay = (day: string): ViewText => ({ text: format(dayDate(day, tz), 'd MMMM yyyy', { locale: dfLocale }), datetime: day });
  const time = (d: Date) => format(d, 'HH:mm', { locale: dfLocale });

  const start = new TZDate(instant(walk.startsAt), tz);
  const end = new TZDate(instant(walk.startsAt) + walk.durationMinutes * 60_000, tz);
  const quartier = findQuartier(city, walk.quartierId)?.name ?? walk.quartierId;
  const title = `${t('report.title')} – ${quartier}`;
  const walkDay = longDay(start);
  const stopLabel = (point: ReportPoint) => point.place ?? walk.stops.find((s) => s.id === point.stopId)?.label;
  const themeName = (id: string) => {
    const theme = findTheme(city, id);
    return theme ? localName(theme, locale) : id;
  };

  const facts: { term: string; value: ViewText }[] = [
    { term: t('report.quartier'), value: quartier },
    { term: t('report.date'), value: { text: walkDay, datetime: walk.startsAt } },
    { term: t('report.time'), value: `${time(start)} – ${time(end)}` },
  ];
  const meeting = walk.meetingPoint ?? walk.stops[0];
  if (meeting) facts.push({ term: t('report.meetingPoint'), value: meeting.label });
  facts.push({ term: t('report.status'), value: t(`report.status.${report.status}`) });
  if (report.sharedOn) facts.push({ term: t('report.sharedOn'), value: shortDay(report.sharedOn) });

  const sections: ViewSection[] = [];
  const none = (id: string, heading: string): ViewSection => ({
    id,
    heading,
    block: { kind: 'paragraphs', paragraphs: [t('report.none')] },
  });
  /** A text cut into paragraphs at its blank lines. */
  const paragraphsOf = (text: string | undefined): string[] =>
    (text ?? '')
      .split(/\r?\n\s*\r?\n/)
      .map((p) => p.trim())
      .filter((p) => p !== '');
  const written = (id: string, heading: string, text: string | undefined): void => {
    const paragraphs = paragraphsOf(text);
    if (paragraphs.length > 0) sections.push({ id, heading, block: { kind: 'paragraphs', paragraphs } });
  };
  written('introduction', t('report.introduction'), report.introduction);
  written('summary', t('report.summary'), report.summary);
  if (walk.stops.length > 0) {
    sections.push({ id: 'route', heading: t('report.route'), block: { kind: 'ordered', items: walk.stops.map((s) => s.label) } });
  }
  sections.push({
    id: 'participants',
    heading: t('report.participants'),
    block: {
      kind: 'table',
      table: {
        caption: t('report.participants'),
        head: [t('report.role'), t('report.count')],
        rows: ACTOR_ROLES.map((role) => [t(`role.${role}`), String(report.participants[role] ?? 0)]),
        foot: [t('report.participantsTotal'), String(report.participantsTotal)],
        numeric: [false, true],
      },
    },
  });
  /** A table of positive points and problems per row (stop or theme), or « Aucun ». */
  const counts = (
    id: string,
    heading: string,
    first: string,
    rows: readonly { label: string; positive: number; problem: number }[],
  ): ViewSection =>
    rows.length === 0
      ? none(id, heading)
      : {
          id,
          heading,
          block: {
            kind: 'table',
            table: {
              caption: heading,
              head: [first, t('report.positives'), t('report.problems')],
              rows: rows.map((r) => [r.label, String(r.positive), String(r.problem)]),
              numeric: [false, true, true],
            },
          },
        };
  const notes = (report.stopNotes ?? []).flatMap((n) => {
    const stop = walk.stops.find((x) => x.id === n.stopId);
    return stop && n.text.trim() ? [{ lead: stop.label, text: n.text.trim() }] : [];
  });
  if (notes.length > 0) sections.push({ id: 'stop-notes', heading: t('report.stopNotes'), block: { kind: 'items', items: notes } });
  sections.push(
    counts(
      'by-stop',
      t('report.byStop'),
      t('report.stop'),
      report.byStop.map((s) => ({ ...s, label: s.label.trim() || t('report.noStop') })),
    ),
    counts(
      'by-theme',
      t('report.byTheme'),
      t('report.theme'),
      report.byTheme.map((s) => ({ ...s, label: themeName(s.themeId) })),
    ),
  );
  const items = (points: readonly ReportPoint[]): ViewItem[] =>
    points.map((p) => {
      const place = stopLabel(p);
      return place ? { lead: themeName(p.themeId), text: p.description, place } : { lead: themeName(p.themeId), text: p.description };
    });
  const positivesLead = paragraphsOf(report.positivesNote);
  sections.push({
    ...(report.positives.length === 0
      ? none('positives', t('report.positives'))
      : { id: 'positives', heading: t('report.positives'), block: { kind: 'items', items: items(report.positives) } as const }),
    ...(positivesLead.length > 0 ? { lead: positivesLead } : {}),
  });
  sections.push(
    report.problems.length === 0
      ? none('problems', t('report.problems'))
      : { id: 'problems', heading: t('report.problems'), block: { kind: 'items', items: items(report.problems) } },
  );
  const photoUrl = options.photoUrl;
  const photos = photoUrl ? (report.photos ?? []) : [];
  if (photoUrl && photos.length > 0) {
    const captionOf = (observationId: string) => {
      const point = [...report.positives, ...report.problems].find((p) => p.observationId === observationId);
      if (!point) return '';
      const place = stopLabel(point);
      return place ? `${themeName(point.themeId)} (${place})` : themeName(point.themeId);
    };
    sections.push({
      id: 'photos',
      heading: t('report.photos'),
      block: {
        kind: 'figures',
        figures: photos.map((p) => ({ src: photoUrl(p.photoId), alt: p.alt, caption: captionOf(p.observationId) })),
      },
    });
  }
  sections.push(
    report.engagements.length === 0
      ? none('engagements', t('report.engagements'))
      : {
          id: 'engagements',
          heading: t('report.engagements'),
          block: {
            kind: 'table',
            table: {
              caption: t('report.engagements'),
              head: [t('report.engagement'), t('report.organisation'), t('report.dueOn'), t('report.status')],
              rows: report.engagements.map((e) => {
                const key = `engagement.status.${e.status}`;
                return [
                  e.title,
                  findOrganisation(city, e.organisationId)?.name ?? e.organisationId ?? '—',
                  e.dueOn ? shortDay(e.dueOn) : '—',
                  labelOr(label(key, locale), key, e.status),
                ];
              }),
              numeric: [false, false, false, false],
            },
          },
        },
  );

  written('next-steps', t('report.nextSteps'), report.nextSteps);

  const generated = new TZDate(instant(report.generatedAt), tz);
  return {
    lang,
    city: city.name,
    title,
    documentTitle: `${title}, ${walkDay}`,
    facts,
    sections,
    footer: [
      t('report.generatedBy'),
      { text: `${t('report.generatedAt')} ${format(generated, 'd MMMM yyyy', { locale: dfLocale })}`, datetime: report.generatedAt },
    ],
    colon: t('format.colon'),
  };
}

export const viewText = (value: ViewText): string => (typeof value === 'string' ? value : value.text);
