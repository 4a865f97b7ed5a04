// SPDX-License-Identifier: EUPL-1.2
/**
 * Exports of GUSP to real standards: iCalendar (RFC 5545), GeoJSON (RFC 7946),
 * CSV (RFC 4180, import and export), Open311 GeoReport v2, and the compte-rendu
 * as Markdown and standalone HTML. Pure functions; no personal data in public outputs.
 */
export {
  escapeText,
  feedName,
  foldLine,
  icalMethod,
  icalTimeZones,
  toICalendar,
  toICalendarFeed,
  vtimezoneLines,
  walkUid,
  workshopUid,
  workshopToICalendar,
  projectICalendarFeed,
} from './ical.js';
export type {
  ICalendarFeedOptions,
  ICalendarMethod,
  ICalendarOptions,
  ICalendarOrganizer,
  ProjectICalendarFeedOptions,
  WorkshopICalendarOptions,
} from './ical.js';
export { projectFeature, projectsToGeoJSON } from './geojson-projects.js';
export type { ProjectFeature, ProjectFeatureCollection, ProjectProperties } from './geojson-projects.js';
export { projectPageToHTML, type ProjectHTMLOptions } from './project-html.js';

export {
  GEOJSON_COLLECTION_TEXT,
  quartiersToGeoJSON,
  rfc7946Boundary,
  toGeoJSON,
  toGeoJSONFeature,
  walkFeatures,
  walksToGeoJSON,
} from './geojson.js';
export type {
  GeoJSONOptions,
  LineStringGeometry,
  ObservationFeature,
  ObservationFeatureCollection,
  ObservationProperties,
  PointGeometry,
  QuartierFeature,
  QuartierFeatureCollection,
  QuartierProperties,
  WalkFeature,
  WalkFeatureBase,
  WalkFeatureCollection,
  WalkRouteFeature,
  WalkRouteProperties,
  WalkStopFeature,
  WalkStopProperties,
} from './geojson.js';

export {
  csvLine,
  ENGAGEMENT_CSV_COLUMNS,
  engagementCSVWriter,
  engagementsFromCSV,
  engagementsToCSV,
  guardCsvCell,
  OBSERVATION_CSV_COLUMNS,
  observationCSVWriter,
  observationsFromCSV,
  observationsToCSV,
  parseCSV,
  parseCSVRecords,
  writeCSV,
} from './csv.js';
export type { CsvCellIssue, CsvExportOptions, CsvExportWriter, CsvLineError, CsvRecord, CsvWriteOptions } from './csv.js';

export {
  ENGAGEMENT_IMPORT_COLUMNS,
  importDigest,
  importMessage,
  ORGANISATION_IMPORT_COMMANDS,
  planEngagementImport,
} from './engagement-import.js';
export type {
  EngagementImportCommand,
  EngagementImportOptions,
  EngagementImportPlan,
  EngagementImportProblem,
  EngagementImportStep,
} from './engagement-import.js';
export { ENGAGEMENT_IMPORT_MESSAGES } from './engagement-import.messages.js';

export {
  compareOpen311Updates,
  fromOpen311Request,
  GEOREPORT_V2_SPECIFICATION,
  matchedEngagement,
  OPEN311_FORMATS,
  OPEN311_JSON_TEXT,
  OPEN311_REQUEST_UPDATE_FIELDS,
  OPEN311_SERVICE_REQUEST_FIELDS,
  OPEN311_STATUS,
  open311XmlText,
  toOpen311Discovery,
  toOpen311ErrorList,
  toOpen311ObservationUpdates,
  toOpen311PostResponse,
  toOpen311Request,
  toOpen311RequestUpdates,
  toOpen311Requests,
  toOpen311Services,
  toOpen311Xml,
} from './open311.js';
export type {
  Open311Discovery,
  Open311DiscoveryOptions,
  Open311Document,
  Open311Endpoint,
  Open311Error,
  Open311FormValue,
  Open311ListRoot,
  Open311ListText,
  Open311ObservationUpdatesOptions,
  Open311Options,
  Open311PostResponse,
  Open311RequestOptions,
  Open311RequestsOptions,
  Open311RequestUpdate,
  Open311RequestUpdatesOptions,
  Open311Service,
  Open311ServiceDefinition,
  Open311ServiceRequest,
  Open311Submission,
  OrderedOpen311Update,
} from './open311.js';

export { escapeMarkdown, reportToMarkdown } from './report-markdown.js';
export { escapeHtml, reportToHTML, type ReportHTMLOptions } from './report-html.js';
export type { ReportRenderOptions } from './report-view.js';
