// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from '../locales/en.js';
import { fr } from '../locales/fr.js';
import * as exportsModule from './index.js';

describe('export/index', () => {
  it('re-exports the public functions and constants', () => {
    const functions = [
      'toICalendar',
      'toICalendarFeed',
      'foldLine',
      'escapeText',
      'icalTimeZones',
      'vtimezoneLines',
      'walkUid',
      'toGeoJSON',
      'toGeoJSONFeature',
      'writeCSV',
      'parseCSV',
      'parseCSVRecords',
      'observationsToCSV',
      'observationsFromCSV',
      'engagementsToCSV',
      'engagementsFromCSV',
      'toOpen311Services',
      'toOpen311Request',
      'toOpen311Requests',
      'fromOpen311Request',
      'toOpen311ErrorList',
      'toOpen311PostResponse',
      'reportToMarkdown',
      'reportToHTML',
      'escapeMarkdown',
      'escapeHtml',
    ];
    for (const name of functions) assert.equal(typeof (exportsModule as Record<string, unknown>)[name], 'function', name);
    for (const name of ['OBSERVATION_CSV_COLUMNS', 'ENGAGEMENT_CSV_COLUMNS', 'OPEN311_SERVICE_REQUEST_FIELDS', 'OPEN311_STATUS']) {
      assert.equal(typeof (exportsModule as Record<string, unknown>)[name], 'object', name);
    }
  });

  it('has every text it uses in French and in English', () => {
    const errors = [
      'csv.invalid',
      'csv.missing-columns',
      'csv.unclosed-quote',
      'csv.text-after-quote',
      'csv.field-count',
      'csv.duplicate-columns',
      'csv.invalid-json',
      'open311.service-code-required',
      'open311.unknown-service',
      'open311.location-required',
      'open311.invalid-location',
    ];
    const labels = [
      'format.colon',
      'format.percent',
      'ical.prodid',
      'ical.walkTitle',
      'ical.route',
      'ical.cancelled',
      'ical.cancelReason',
      'ical.moreInfo',
      'ical.feedName',
      'report.time',
      'report.route',
      'report.stop',
      'report.role',
      'report.engagement',
      'report.generatedAt',
      'open311.duplicateOf',
      'open311.progress',
    ];
    for (const key of errors) assert.ok(key in fr.errors && key in en.errors, key);
    for (const key of labels) assert.ok(key in fr.labels && key in en.labels, key);
  });
});
