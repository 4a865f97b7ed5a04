// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';
import { OrganisationId, QuartierId, Slug, ThemeId } from '../ids.js';

const text = (max: number) =>
  /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(max));
/** Names in other languages, by BCP 47 tag: `{ en: 'Public lighting' }`. */
const Translations = /* @__PURE__ */ z.optional(/* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.string()));

import { Boundary, GeoPoint } from '../geo.js';
import { noControlCharacters } from '../text.js';
export { GeoPoint } from '../geo.js';

/**
 * A QPV code. The 2024 geography (décret n° 2023-1314) numbers quartiers
 * `QNXXXYYZ`: « QN », the department on three characters (`026`, `02A`, `971`),
 * a two-digit number and a final letter (`QN02601M`); a two-character Corsican
 * department (`2A`) and a three-digit number are accepted too. The 2015 codes
 * (`QP026001`, department then number on three digits each) still pass, and so
 * do the older all-digit forms this pattern always took.
 */
export const QPV_CODE = /^QN(\d{3}|0?2[AB])\d{2,3}[A-Z]$|^QP(\d{3}|0?2[AB])\d{3}$|^QN?\d{5,7}$/;

/**
 * A quartier of the city; `priority` marks a QPV (quartier prioritaire de la politique de la ville).
 * `boundary` is its shape (GeoJSON Polygon or MultiPolygon, `[lon, lat]` in WGS 84): once any
 * quartier has one, the quartier of a point is the shape that contains it (see `quartierOf`).
 */
export const Quartier = /* @__PURE__ */ z.strictObject({
  id: QuartierId,
  name: text(120),
  priority: /* @__PURE__ */ z.boolean(),
  qpvCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(QPV_CODE))),
  /** Where a map is centred; the nearest centre files a point when no quartier has a `boundary`. */
  centre: /* @__PURE__ */ z.optional(GeoPoint),
  /** The quartier's shape: rings closed, at least 4 positions, 20,000 positions at most. */
  boundary: /* @__PURE__ */ z.optional(Boundary),
  /** Where the shape comes from, in words: `ANCT, QP 2024 (QN02601M), imported 2026-12-02`. */
  boundarySource: /* @__PURE__ */ z.optional(text(300)),
  /** `true`: the shape is drawn by hand around the quartier, not its official perimeter. */
  approximate: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
});
export type Quartier = z.infer<typeof Quartier>;

export const OrganisationKind = /* @__PURE__ */ z.enum(['city', 'landlord', 'association', 'partner', 'public-service', 'other']);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/** Who can be responsible for an engagement: the Ville, the OPH, an association… */
export const Organisation = /* @__PURE__ */ z.strictObject({
  id: OrganisationId,
  name: text(160),
  shortName: /* @__PURE__ */ z.optional(text(40)),
  kind: OrganisationKind,
});
export type Organisation = z.infer<typeof Organisation>;

/** A theme axis: propreté, maintenance, sécurité… */
export const ThemeAxis = /* @__PURE__ */ z.strictObject({ id: Slug, name: text(80), translations: Translations });
export type ThemeAxis = z.infer<typeof ThemeAxis>;

/** A thématique of observations and engagements, on one axis. */
export const Theme = /* @__PURE__ */ z.strictObject({ id: ThemeId, name: text(120), axis: Slug, translations: Translations });
export type Theme = z.infer<typeof Theme>;

/** The city's defaults; every field has a value once the profile is defined. */
export const CityDefaults = /* @__PURE__ */ z.strictObject({
  /** Length of a walk: a half-day. */
  walkDurationMinutes: /* @__PURE__ */ z._default(
    /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(30), /* @__PURE__ */ z.lte(720)),
    240,
  ),
  /** Public seats of a new walk. */
  capacity: /* @__PURE__ */ z._default(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(10000)), 25),
  /** Registrations close this many days before the walk… */
  registrationClosesDaysBefore: /* @__PURE__ */ z._default(
    /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(60)),
    1,
  ),
  /** …at this local time (`HH:mm`). */
  registrationClosesAt: /* @__PURE__ */ z._default(
    /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
    '18:00',
  ),
  /** A walk may start this many minutes before its scheduled time. */
  startEarlyMinutes: /* @__PURE__ */ z._default(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(240)), 30),
  /** Staff may record observations of a walk up to this many hours after it. */
  observationGraceHours: /* @__PURE__ */ z._default(
    /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(720)),
    48,
  ),
  /** An engagement is "due soon" within this many days. */
  dueSoonDays: /* @__PURE__ */ z._default(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(365)), 14),
  /** Personal data is purged this many months after the walk. */
  purgeAfterMonths: /* @__PURE__ */ z._default(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(120)), 12),
});
export type CityDefaults = z.infer<typeof CityDefaults>;

/** A response text by language (BCP 47 tag): `{ fr: '…', en: '…' }`, 2,000 characters each. */
export const ResponseText = /* @__PURE__ */ z
  .record(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)), text(2000))
  .check(/* @__PURE__ */ z.refine((r) => Object.keys(r).length > 0, { message: 'At least one language.' }));
export type ResponseText = z.infer<typeof ResponseText>;

/**
 * The answers staff start from when they triage an observation, per status it moves to (FixMyStreet's
 * response templates): the inbox fills the note (or a rejection's reason) with the one of its
 * language, which staff edit before sending.
 */
export const ResponseTemplates = /* @__PURE__ */ z.strictObject({
  qualified: /* @__PURE__ */ z.optional(ResponseText),
  rejected: /* @__PURE__ */ z.optional(ResponseText),
  duplicate: /* @__PURE__ */ z.optional(ResponseText),
  resolved: /* @__PURE__ */ z.optional(ResponseText),
});
export type ResponseTemplates = z.infer<typeof ResponseTemplates>;

/**
 * Map tiles, as a URL template (`{z}`, `{x}`, `{y}`; Leaflet's `{s}` too). For French cities, the IGN's
 * Plan IGN from the Géoplateforme, free and keyless:
 * `https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}`,
 * attribution « © IGN – Plan IGN », maxZoom 19.
 */
export const MapTiles = /* @__PURE__ */ z.strictObject({
  url: /* @__PURE__ */ z.string().check(
    /* @__PURE__ */ z.maxLength(1000),
    /* @__PURE__ */ z.regex(/^https?:\/\/[^\s"'<>]+$/),
    /* @__PURE__ */ z.refine((u) => ['{z}', '{x}', '{y}'].every((p) => u.includes(p)), { message: 'A tile URL names {z}, {x} and {y}.' }),
  ),
  /** Shown under the map, as the tiles' licence asks. */
  attribution: text(300),
  maxZoom: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(22))),
});
export type MapTiles = z.infer<typeof MapTiles>;

/**
 * Address completion in the issue form, from the residents' browsers: the Géoplateforme's completion
 * service (`https://data.geopf.fr/geocodage/completion`, keyless, 10 requests a second per address) or
 * one answering the same way (`{ results: [{ fulltext, x, y }] }`). Free text stays accepted.
 */
export const MapGeocoder = /* @__PURE__ */ z.strictObject({
  url: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(500), /* @__PURE__ */ z.regex(/^https?:\/\/[^\s"'<>{}]+$/)),
});
export type MapGeocoder = z.infer<typeof MapGeocoder>;

/** The public maps: without `tiles`, a schematic plan (the route and points over the quartier's shape) and no request to anyone. */
export const CityMap = /* @__PURE__ */ z.strictObject({
  tiles: /* @__PURE__ */ z.optional(MapTiles),
  /** Address completion in the issue form; none: the address is free text only, and no request is made. */
  geocoder: /* @__PURE__ */ z.optional(MapGeocoder),
});
export type CityMap = z.infer<typeof CityMap>;

/**
 * The profile a city writes, as data, to adopt GUSP: no code. Objects are
 * strict: a misspelled key (`capcity`) is reported, not silently ignored.
 */
export const CityProfile = /* @__PURE__ */ z.strictObject({
  /** The JSON Schema an editor validates the file with; ignored otherwise. */
  $schema: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  id: Slug,
  name: text(120),
  /** IANA time zone, e.g. `Europe/Paris`. */
  timezone: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  /** Default language of texts, e.g. `fr`. */
  locale: /* @__PURE__ */ z._default(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)), 'fr'),
  quartiers: /* @__PURE__ */ z.array(Quartier).check(/* @__PURE__ */ z.minLength(1)),
  organisations: /* @__PURE__ */ z.array(Organisation).check(/* @__PURE__ */ z.minLength(1)),
  axes: /* @__PURE__ */ z.array(ThemeAxis).check(/* @__PURE__ */ z.minLength(1)),
  themes: /* @__PURE__ */ z.array(Theme).check(/* @__PURE__ */ z.minLength(1)),
  defaults: /* @__PURE__ */ z.prefault(CityDefaults, {}),
  /** Link to the privacy notice shown next to every consent box. */
  privacyNoticeUrl: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.url()),
  /** Version of the consent text; recorded with each consent. */
  consentVersion: /* @__PURE__ */ z._default(text(40), '1'),
  /** Where people write about their data. */
  contactEmail: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.email()),
  /** Triage's response templates, per status (`qualified`, `rejected`, `duplicate`, `resolved`). */
  responseTemplates: /* @__PURE__ */ z.optional(ResponseTemplates),
  /** The public maps' tiles (`map.tiles`); none: a schematic plan, no external request. */
  map: /* @__PURE__ */ z.optional(CityMap),
});
export type CityProfile = z.infer<typeof CityProfile>;
/** What a city writes: defaults may be left out. */
export type CityProfileInput = z.input<typeof CityProfile>;
