import { describe, expect, it } from 'vitest';
import type { DatasetRecord, StoredPlace } from '../data/db';
import { ARC_PLACE_PREFIX, arcPlaceFeatures, labelRank, latinNameForArabicLabel, placeFeatures, uncertaintyCircles } from './place-features';
import { createStoredPlace } from '../data/test-factories';

describe('latinNameForArabicLabel', () => {
  it('turns bracketed parts into a dash clause, which MapLibre cannot mirror', () => {
    expect(latinNameForArabicLabel('Green Village (MSS Green Village)')).toBe('Green Village – MSS Green Village');
    expect(latinNameForArabicLabel('al-Omar oil field')).toBe('al-Omar oil field');
  });
});

const createPlace = (id: string, patch: Partial<StoredPlace> = {}): StoredPlace =>
  createStoredPlace(id, { name: { en: 'Green Village (MSS Green Village)', ar: 'القرية الخضراء' }, lon: 40.52, lat: 35.1, uncertaintyKm: 8, estimated: true, ...patch });

describe('placeFeatures', () => {
  it('labels places in both languages, adapting the Latin name under an Arabic one', () => {
    expect(placeFeatures([createPlace('gv')], 'en').features[0]?.properties.name_en).toBe('Green Village (MSS Green Village)');
    expect(placeFeatures([createPlace('gv')], 'ar').features[0]?.properties.name_en).toBe('Green Village – MSS Green Village');
  });
});

describe('labelRank', () => {
  const roles = { targetCounts: new Map([['omar', 8], ['tanf', 1]]), involved: new Set(['omar', 'tanf', 'mayadin']) };

  it('puts the most hit targets first, then launch areas, then places the selection does not involve', () => {
    const omar = labelRank(createPlace('omar'), roles);
    const tanf = labelRank(createPlace('tanf'), roles);
    const mayadin = labelRank(createPlace('mayadin', { kind: 'launch-area' }), roles);
    const palmyra = labelRank(createPlace('palmyra', { kind: 'city' }), roles);
    expect(omar).toBeLessThan(tanf);
    expect(tanf).toBeLessThan(mayadin);
    expect(mayadin).toBeLessThan(palmyra);
  });

  it('marks the places the selection does not involve as inactive', () => {
    const features = placeFeatures([createPlace('omar'), createPlace('palmyra')], 'en', roles).features;
    expect(features.map((f) => f.properties.active)).toEqual([true, false]);
    // With no selection at all, nothing fades.
    expect(placeFeatures([createPlace('palmyra')], 'en').features[0]!.properties.active).toBe(true);
  });
});

describe('uncertaintyCircles', () => {
  it('draws circles only for the places asked for', () => {
    const circles = uncertaintyCircles([createPlace('gv'), createPlace('other')], new Set(['gv']));
    expect(circles.features.map((f) => f.properties.id)).toEqual(['gv']);
  });

  it('draws a circle of the place\'s radius, and none for a radius of zero', () => {
    const circles = uncertaintyCircles([createPlace('gv'), createPlace('exact', { uncertaintyKm: 0 })]);
    expect(circles.features).toHaveLength(1);
    const ring = circles.features[0]!.geometry.coordinates[0]!;
    // The northernmost point lies about 8 km (0.072 degrees of latitude) north of the centre.
    const north = Math.max(...ring.map((p) => p[1]!));
    expect(north - 35.1).toBeCloseTo(8 / 111.2, 2);
    expect(circles.features[0]!.properties.estimated).toBe(true);
  });
});

describe('labels of imported arcs’ named places', () => {
  const dataset = (over: Partial<DatasetRecord> = {}): DatasetRecord => ({
    id: 'import-a',
    kind: 'import',
    name: 'arcs',
    version: '1',
    hash: 'h',
    loadedAt: '2026-01-01',
    visible: true,
    incidentCount: 0,
    arcPlaces: [
      { name: { en: 'Depot 7', ar: 'Depot 7' }, lon: 39.7, lat: 34.6, role: 'target', arcs: 40 },
      { name: { en: 'Conoco', ar: 'Conoco' }, lon: 40.3095, lat: 35.3362, role: 'target', arcs: 12 },
      { name: { en: 'al-Mayadin', ar: 'الميادين' }, lon: 40.45, lat: 35.02, role: 'origin', arcs: 9, placeId: 'al-mayadin' },
    ],
    ...over,
  });
  const shown = new Map([
    ['conoco', { lon: 40.30944, lat: 35.33611 }],
    ['al-mayadin', { lon: 40.4535, lat: 35.0208 }],
  ]);

  it('labels a name once: not where the map labels a place already, nor a gazetteer place it shows', () => {
    const features = arcPlaceFeatures([dataset()], 'en', shown);
    expect(features.map((f) => [f.properties.name_en, f.properties.kind])).toEqual([['Depot 7', 'strike-area']]);
    expect(features[0]!.properties.id.startsWith(ARC_PLACE_PREFIX)).toBe(true);
    // The file's name is one text: one line of the label, whichever the language.
    expect([features[0]!.properties.name_en, features[0]!.properties.name_ar]).toEqual(['Depot 7', '']);
    expect(arcPlaceFeatures([dataset()], 'ar', shown).map((f) => [f.properties.name_ar, f.properties.name_en])).toEqual([['Depot 7', '']]);
  });

  it('labels nothing of a hidden dataset', () => {
    expect(arcPlaceFeatures([dataset({ visible: false })], 'en', shown)).toEqual([]);
  });
});
