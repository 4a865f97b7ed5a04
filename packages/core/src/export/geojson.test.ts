// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '@placemarkio/check-geojson';
import { valence } from '../city/valence.js';
import { Observation } from '../observation/observation.js';
import { observationFixture, observationsFixture, walkFixture } from './fixtures.test-helpers.js';
import { toGeoJSON, toGeoJSONFeature } from './geojson.js';

describe('toGeoJSON', () => {
  const observations = observationsFixture();
  const walks = [walkFixture()];
  const collection = toGeoJSON(observations, valence, { walks });
  const json = JSON.stringify(collection);

  it('uses schema-valid observations', () => {
    for (const o of observations) assert.equal(Observation.safeParse(o).success, true, o.id);
  });

  it('is valid RFC 7946 GeoJSON for @placemarkio/check-geojson', () => {
    const parsed = check(json) as { type: string; features: unknown[] };
    assert.equal(parsed.type, 'FeatureCollection');
    assert.equal(parsed.features.length, 4);
    check(JSON.stringify(toGeoJSON([], valence)));
    // The checker is not a rubber stamp: latitude first would be caught.
    const swapped = json.replace('[4.91295,44.92061]', '[44.92061]');
    assert.throws(() => check(swapped));
  });

  it('writes coordinates in [lon, lat] order', () => {
    assert.deepEqual(collection.features[0]?.geometry, { type: 'Point', coordinates: [4.91295, 44.92061] });
    assert.equal(collection.features[0]?.properties.location, 'point');
  });

  it('places an observation without a point at its stop when the walk is given', () => {
    const atStop = collection.features[1];
    assert.deepEqual(atStop?.geometry, { type: 'Point', coordinates: [4.9141, 44.9211] });
    assert.equal(atStop?.properties.location, 'stop');
    assert.equal(atStop?.properties.stopLabel, 'Immeuble Les Bleuets');
    const withoutWalks = toGeoJSON(observations, valence);
    assert.equal(withoutWalks.features[1]?.geometry, null);
    assert.equal(withoutWalks.features[1]?.properties.location, 'none');
  });

  it('keeps an observation located only in words, with a null geometry', () => {
    const inWords = collection.features[2];
    assert.equal(inWords?.geometry, null);
    assert.equal(inWords?.properties.address, 'Allée des Tilleuls, derrière le city-stade');
    assert.equal(inWords?.properties.location, 'none');
  });

  it('carries the public properties, with names from the city profile', () => {
    assert.deepEqual(collection.features[0]?.properties, {
      id: 'obs-1',
      status: 'committed',
      statusLabel: 'Engagement pris',
      polarity: 'problem',
      polarityLabel: 'Dysfonctionnement',
      themeId: 'eclairage-public',
      themeName: 'Éclairage public',
      axis: 'securite',
      axisName: 'Sécurité',
      quartierId: 'le-plan',
      quartierName: 'Le Plan',
      walkId: 'walk_LePlan2026',
      stopId: 'stop-1',
      stopLabel: 'Parvis de l’école Jean-Moulin',
      address: '12, rue Bizet',
      location: 'point',
      description: 'Lampadaire éteint devant l’école, « dangereux » le soir; à réparer',
      severity: 'high',
      organisationId: 'ville-de-valence',
      organisationName: 'Ville de Valence',
      engagementId: 'eng-1',
      duplicateOf: null,
      recordedAt: '2026-03-14T09:42:00+01:00',
      updatedAt: '2026-03-20T11:00:00+01:00',
      photos: ['https://gusp.example.fr/media/photo-1.jpg'],
    });
    assert.equal(collection.features[0]?.id, 'obs-1');
    const en = toGeoJSONFeature(observations[0]!, valence, { locale: 'en' });
    assert.equal(en.properties.themeName, 'Street lighting');
    assert.equal(en.properties.axisName, 'Safety');
    assert.equal(en.properties.polarityLabel, 'Problem');
  });

  it('builds photo URLs from baseMediaUrl for photos without one', () => {
    assert.deepEqual(collection.features[2]?.properties.photos, []);
    const withBase = toGeoJSON(observations, valence, { baseMediaUrl: 'https://gusp.example.fr/media/' });
    assert.deepEqual(withBase.features[2]?.properties.photos, ['https://gusp.example.fr/media/photo-3']);
  });

  it('never leaks the reporter or the rejection wording', () => {
    const reporter = observationFixture().reporter!;
    const all = JSON.stringify(toGeoJSON(observations, valence, { walks, baseMediaUrl: 'https://x.example/' }));
    for (const secret of [reporter.email!, reporter.phone!, reporter.name!, 'voisin@example.org', 'Domaine privé du bailleur', '2026-01']) {
      assert.equal(all.includes(secret), false, `leaked ${secret}`);
    }
    assert.equal(all.includes('reporter'), false);
    assert.equal(all.includes('consent'), false);
  });
});
