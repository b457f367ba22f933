import { readdirSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { StoredIncident, StoredPlace, StoredSource } from '../data/db';
import { incidentSchema, placeSchema, sourceArticleSchema, type Incident, type Place, type SourceArticle } from '../data/schema';
import { inspectSource } from '../import/file-inspection';
import { createGazetteer } from '../import/gazetteer';
import { parseAppJson } from '../import/app-json-import';
import { bytesSource } from '../import/import-source';
import {
  acledEventType,
  acledGeoPrecision,
  acledTimePrecision,
  CSV_COLUMNS,
  fatalitiesFromCasualties,
  incidentsToAppJson,
  incidentsToCsv,
  incidentsToGeoJson,
} from './data-export';

const dataDir = new URL('../../../data/', import.meta.url);
const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));
const bundledPlaces = readJson(new URL('places.json', dataDir)) as Place[];
const bundledIncidents = (readJson(new URL('incidents.json', dataDir)) as { incidents: Incident[] }).incidents;
const bundledSources = readdirSync(new URL('sources/', dataDir))
  .filter((n) => n.endsWith('.json'))
  .map((n) => readJson(new URL(`sources/${n}`, dataDir)) as SourceArticle);
const stored = <T>(r: T) => ({ ...r, datasetId: 'bundled' });
const places = new Map<string, StoredPlace>(bundledPlaces.map((p) => [p.id, stored(p)]));
const incidents: StoredIncident[] = bundledIncidents.map(stored);
const sources: StoredSource[] = bundledSources.map(stored);

function place(id: string, patch: Partial<Place> = {}): StoredPlace {
  return { id, name: { en: id, ar: 'مكان' }, altNames: [], kind: 'base', description: '', lon: 40.5, lat: 35.1, uncertaintyKm: 1, estimated: false, coordSource: 'test', datasetId: 'bundled', ...patch };
}

function incident(id: string, patch: Partial<Incident> = {}): StoredIncident {
  return {
    id,
    date: '2022-08-24',
    datePrecision: 'exact',
    dateBasis: 'test',
    kind: 'attack-on-coalition',
    originId: null,
    originCertainty: null,
    targetId: 'omar',
    weapon: 'rockets',
    weaponDetail: '107 mm rockets',
    count: { min: 2, max: 3, figures: [] },
    casualties: 'None reported.',
    damage: '',
    actor: { name: 'Unknown', basis: 'unknown' },
    status: 'confirmed',
    title: { en: 'Rockets', ar: 'صواريخ' },
    summaryEn: 'Rockets hit the base.',
    sources: [{ outlet: 'CENTCOM', quoteAr: [], summaryEn: 's' }],
    conflicts: [],
    datasetId: 'bundled',
    ...patch,
  };
}

function parseCsv(text: string): { fields: string[]; rows: Record<string, string>[] } {
  expect(text.startsWith('\ufeff')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { fields: parsed.meta.fields ?? [], rows: parsed.data };
}

describe('incidentsToCsv', () => {
  it('has the ACLED columns first and one row per incident', () => {
    const { fields, rows } = parseCsv(incidentsToCsv(incidents, places));
    expect(fields).toEqual([...CSV_COLUMNS]);
    expect(fields.slice(0, 15)).toEqual([
      'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1',
      'location', 'latitude', 'longitude', 'geo_precision', 'source', 'notes', 'fatalities',
    ]);
    expect(rows.map((r) => r['event_id_cnty'])).toEqual(incidents.map((i) => i.id));
    const first = rows[0]!;
    const target = places.get(incidents[0]!.targetId)!;
    expect(first['event_date']).toBe(incidents[0]!.date);
    expect(Number(first['latitude'])).toBe(target.lat);
    expect(Number(first['longitude'])).toBe(target.lon);
    expect(first['location']).toBe(target.name.en);
  });

  it('writes an empty file with only the header for no incidents', () => {
    const { fields, rows } = parseCsv(incidentsToCsv([], places));
    expect(fields).toEqual([...CSV_COLUMNS]);
    expect(rows).toEqual([]);
  });

  it('quotes Arabic, commas, quotes and line breaks so that they read back unchanged', () => {
    const tricky = incident('tricky', {
      summaryEn: 'Rockets, then "drones";\nthen silence',
      sources: [
        { outlet: 'Enab Baladi, Syria', quoteAr: ['قصف صاروخي، "عنيف"', 'سطر\nثانٍ'], summaryEn: 's' },
        { outlet: 'SOHR', quoteAr: ['المرصد'], summaryEn: 's' },
      ],
    });
    const { rows } = parseCsv(incidentsToCsv([tricky], new Map([['omar', place('omar')]])));
    expect(rows[0]!['notes']).toBe('Rockets, then "drones";\nthen silence');
    expect(rows[0]!['quote_ar']).toBe('قصف صاروخي، "عنيف" | سطر\nثانٍ | المرصد');
    expect(rows[0]!['source']).toBe('Enab Baladi, Syria; SOHR');
    expect(rows[0]!['title_ar']).toBe('صواريخ');
  });

  it('escapes cells a spreadsheet would run as formulas', () => {
    const { rows } = parseCsv(incidentsToCsv([incident('f', { summaryEn: '=HYPERLINK("x")' })], new Map([['omar', place('omar')]])));
    expect(rows[0]!['notes']).toBe(`'=HYPERLINK("x")`);
  });

  it('defuses formulas hidden behind whitespace or line breaks, and leaves numbers as numbers', () => {
    // Each cell would run as a formula in a spreadsheet that trims cells (or, for the tab, in any).
    const hostile = incident('hostile', {
      summaryEn: '\n@SUM(1+1)',
      title: { en: ' =1+1', ar: '\u3000@SUM(1+1)' },
      weaponDetail: '\t=cmd|" /C calc"!A0',
      casualties: '\r\n+1',
      actor: { name: '\u00a0-2+3', basis: 'unknown' },
      dateBasis: '\u200f=HYPERLINK("http://x")',
      timeLocal: '\tafternoon',
    });
    const numeric = incident('numeric', { weaponDetail: '-12', actor: { name: '-3.25', basis: 'unknown' }, casualties: '+1' });
    const map = new Map([['omar', place('omar', { lon: -3.25, lat: -12 })]]);
    const { rows } = parseCsv(incidentsToCsv([hostile, numeric], map));
    const cells = {
      notes: '\n@SUM(1+1)',
      summary_en: '\n@SUM(1+1)',
      title_en: ' =1+1',
      title_ar: '\u3000@SUM(1+1)',
      weapon_detail: '\t=cmd|" /C calc"!A0',
      casualties: '\r\n+1',
      actor1: '\u00a0-2+3',
      date_basis: '\u200f=HYPERLINK("http://x")',
      time_local: '\tafternoon',
    };
    for (const [column, value] of Object.entries(cells)) expect(rows[0]![column], column).toBe(`'${value}`);
    expect(rows[1]).toMatchObject({ weapon_detail: '-12', actor1: '-3.25', casualties: '+1', longitude: '-3.25', latitude: '-12' });
  });

  it('writes the origin of an arc and nothing for an impact', () => {
    const map = new Map([['omar', place('omar')], ['mayadin', place('mayadin', { lon: 40.45, lat: 35.02, name: { en: 'al-Mayadin', ar: 'الميادين' } })]]);
    const { rows } = parseCsv(incidentsToCsv([incident('arc', { originId: 'mayadin', originCertainty: 'attributed' }), incident('impact')], map));
    expect(rows[0]!['origin_name']).toBe('al-Mayadin');
    expect(Number(rows[0]!['origin_longitude'])).toBe(40.45);
    expect(rows[0]!['origin_certainty']).toBe('attributed');
    expect(rows[1]!['origin_name']).toBe('');
    expect(rows[1]!['origin_latitude']).toBe('');
  });
});

describe('ACLED fields', () => {
  it('never invents fatalities: a number only when the text gives exactly one count of the dead', () => {
    expect(fatalitiesFromCasualties('9 PMF members killed.')).toBe(9);
    expect(fatalitiesFromCasualties('Killed 4 militants (CENTCOM).')).toBe(4);
    expect(fatalitiesFromCasualties('None reported.')).toBe(0);
    expect(fatalitiesFromCasualties('None (US defense official; 000).')).toBe(0);
    expect(fatalitiesFromCasualties('No casualties (CJTF-OIR).')).toBe(0);
    // Unknown, partial or conflicting: empty.
    for (const text of [
      '',
      'Not given.',
      'No information.',
      'No confirmed information on casualties.',
      'No US casualties (CJTF-OIR, Pentagon).',
      'None to US/coalition forces (CENTCOM).',
      '2 US soldiers injured.',
      'Militia dead and wounded (local sources; unconfirmed).',
      'IRGC commander Razi Mousavi (رضي موسوي) killed.',
      '2-3 suspected militants killed on 24 Aug, then 4 in all (CENTCOM).',
      'For the whole operation: 000 says 9 PMF members killed; PMF/KSS 4; SOHR 5-7; SANA 1 child killed.',
      '5 members of Lebanese Hezbollah wounded.',
    ])
      expect(fatalitiesFromCasualties(text), text).toBe('');
  });

  it('gives no fatality figure for any bundled incident that the text does not state', () => {
    for (const i of incidents) {
      const f = fatalitiesFromCasualties(i.casualties);
      if (f !== '') expect(i.casualties, i.id).toMatch(f === 0 ? /^(none|no )/i : new RegExp(`\\b${f}\\b`));
    }
  });

  it('maps precision and event types to ACLED codes', () => {
    expect(acledTimePrecision('exact')).toBe(1);
    expect(acledTimePrecision('weekday')).toBe(2);
    expect(acledTimePrecision('approximate-day')).toBe(2);
    expect(acledTimePrecision('month')).toBe(3);
    expect(acledGeoPrecision(place('a', { uncertaintyKm: 2 }))).toBe(1);
    expect(acledGeoPrecision(place('a', { uncertaintyKm: 2, estimated: true }))).toBe(2);
    expect(acledGeoPrecision(place('a', { uncertaintyKm: 15 }))).toBe(2);
    expect(acledGeoPrecision(place('a', { kind: 'region', uncertaintyKm: 2 }))).toBe(3);
    expect(acledEventType({ weapon: 'airstrike', kind: 'coalition-strike' }).subEvent).toBe('Air/drone strike');
    expect(acledEventType({ weapon: 'rockets', kind: 'attack-on-coalition' })).toEqual({
      disorder: 'Political violence',
      event: 'Explosions/Remote violence',
      subEvent: 'Shelling/artillery/missile attack',
    });
    expect(acledEventType({ weapon: 'explosive-charges', kind: 'attack-on-coalition' }).subEvent).toBe('Remote explosive/landmine/IED');
    expect(acledEventType({ weapon: 'unknown', kind: 'attack-on-coalition' }).subEvent).toBe('');
    expect(acledEventType({ weapon: 'none', kind: 'context' }).event).toBe('Strategic developments');
  });
});

describe('citations in the exports', () => {
  it('fill a citation column of the CSV and a citation property of the GeoJSON', () => {
    const map = new Map([['omar', place('omar')]]);
    const cite = (i: { id: string }) => `Cited: ${i.id}`;
    const { fields, rows } = parseCsv(incidentsToCsv([incident('c1')], map, cite));
    expect(fields.at(-1)).toBe('citation');
    expect(rows[0]!['citation']).toBe('Cited: c1');
    expect(incidentsToGeoJson([incident('c1')], map, cite).features[0]!.properties['citation']).toBe('Cited: c1');
  });
});

describe('incidentsToGeoJson', () => {
  it('makes a LineString from origin to target for an arc and a Point for an impact, with every field', () => {
    const geojson = incidentsToGeoJson(incidents, places);
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features.length).toBe(incidents.length);
    for (const [k, feature] of geojson.features.entries()) {
      const i = incidents[k]!;
      const target = places.get(i.targetId)!;
      expect(feature.id).toBe(i.id);
      if (i.originId) {
        const origin = places.get(i.originId)!;
        expect(feature.geometry).toEqual({ type: 'LineString', coordinates: [[origin.lon, origin.lat], [target.lon, target.lat]] });
        expect(feature.properties['origin_name']).toBe(origin.name.en);
      } else {
        expect(feature.geometry).toEqual({ type: 'Point', coordinates: [target.lon, target.lat] });
        expect(feature.properties['origin_name']).toBeNull();
      }
      for (const [key, value] of Object.entries(i)) expect(feature.properties[key], key).toEqual(value);
      expect(feature.properties['target_name']).toBe(target.name.en);
    }
    expect(geojson.features.some((f) => f.geometry.type === 'LineString')).toBe(true);
    expect(geojson.features.some((f) => f.geometry.type === 'Point')).toBe(true);
  });
});

describe('incidentsToAppJson', () => {
  const json = incidentsToAppJson(incidents, places, sources, '2026-01-01T00:00:00.000Z');

  it('validates with the schemas and carries no database field', () => {
    expect(json.format).toBe('eastern-syria-strikes');
    expect(json.version).toBe(1);
    for (const p of json.places) expect(placeSchema.safeParse(p).success).toBe(true);
    for (const i of json.incidents) expect(incidentSchema.safeParse(i).success).toBe(true);
    for (const s of json.sources) expect(sourceArticleSchema.safeParse(s).success).toBe(true);
    expect(JSON.stringify(json)).not.toContain('datasetId');
  });

  it('brings the places referred to (and their parents) and the articles cited, nothing else', () => {
    const one = incidents.find((i) => i.targetId === 'green-village' && i.originId)!;
    const small = incidentsToAppJson([one], places, sources);
    expect(small.places.map((p) => p.id).sort()).toEqual(['al-omar', 'green-village', one.originId!].sort());
    const cited = [...new Set(one.sources.flatMap((s) => (s.sourceId ? [s.sourceId] : [])))];
    expect(small.sources.map((s) => s.id).sort()).toEqual(cited.sort());
  });

  it('reads back through the importer to the same records, ids filed under the new dataset', async () => {
    const text = JSON.stringify(json, null, 1);
    const source = bytesSource('export.json', new TextEncoder().encode(text));
    const inspection = await inspectSource(source);
    expect(inspection.format).toBe('app-json');
    const datasetId = 'import-test';
    const result = await parseAppJson(source, inspection, { datasetId, gazetteer: createGazetteer([]), knownPlaces: new Map() });
    expect(result.rejectedCount).toBe(0);
    expect(result.warnings).toEqual([]);
    const strip = (id: string) => id.slice(datasetId.length + 1);
    expect(
      result.incidents.map((i) => ({
        ...i,
        id: strip(i.id),
        targetId: strip(i.targetId),
        originId: i.originId === null ? null : strip(i.originId),
        ...(i.relatedPlaceIds ? { relatedPlaceIds: i.relatedPlaceIds.map(strip) } : {}),
        sources: i.sources.map((s) => (s.sourceId ? { ...s, sourceId: strip(s.sourceId) } : s)),
      })),
    ).toEqual(json.incidents);
    expect(result.places.map((p) => ({ ...p, id: strip(p.id), ...(p.parentId ? { parentId: strip(p.parentId) } : {}) }))).toEqual(json.places);
    expect(result.sources.map((s) => ({ ...s, id: strip(s.id) }))).toEqual(json.sources);
  });
});
