import { describe, expect, it } from 'vitest';
import { emptyMapping } from './columns';
import { buildReport, inspectSource } from './import-core';
import { eventRows as rows, fixtureSource, gazetteerPlaces, importFixture, importSource, rejections } from './test-fixtures';
import { bytesSource } from './import-source';

describe('other CSV files, through the mapping step', () => {
  it('imports rows with an origin as arcs in the columns, origin names matched against the gazetteer', async () => {
    const inspection = await inspectSource(fixtureSource('generic-origins.csv'));
    expect(inspection.format).toBe('csv');
    expect(inspection.csv!.headerKind.kind).toBe('generic');
    const parsed = await importFixture('generic-origins.csv', inspection.csv!.suggested);
    expect(parsed.incidents).toEqual([]);
    expect(parsed.places).toEqual([]);
    expect(rejections(parsed)).toEqual([
      [6, 'Launched from', 'unknown place "Atlantis" (not in the gazetteer)'],
      [9, 'Date', 'bad date: unrecognised date "not a date"'],
    ]);
    const events = parsed.events!;
    const text = rows(events);
    const at = (row: number) => text.findIndex((r) => r.id === `row-${row}`);
    const place = (id: string) => gazetteerPlaces.find((p) => p.id === id)!;
    const isArc = (i: number) => !Number.isNaN(events.originLon![i]);
    expect([2, 3, 4, 5, 7, 8].map((row) => isArc(at(row)))).toEqual([true, true, true, true, false, false]);
    // The origin named in Arabic or Latin is the gazetteer's al-Mayadin: the arc starts there.
    for (const row of [2, 3, 4]) {
      expect(events.originLon![at(row)]).toBeCloseTo(place('al-mayadin').lon, 4);
      expect(events.originLat![at(row)]).toBeCloseTo(place('al-mayadin').lat, 4);
    }
    expect(events.originLon![at(5)]).toBeCloseTo(place('euphrates-west-bank').lon, 4);
    expect(text[at(3)]).toMatchObject({ date: '2023-10-20', origin: 'الميادين', eventType: 'drone', notes: 'هجوم بطائرة مسيرة على حقل العمر' });
    expect(text[at(4)]!.notes).toBe('Mortar rounds near <b>Green Village</b>.');
    // No coordinates: the target name is matched against the gazetteer; no origin: a point, never an invented arc.
    expect(events.lon[at(7)]).toBeCloseTo(place('al-omar').lon, 4);
    expect(events.originLon![at(8)]).toBeNaN();
    // The named ends, counted: one label each however many arcs share them.
    expect(parsed.arcPlaces.map((p) => [p.name.en, p.role, p.arcs, p.placeId ?? null])).toEqual([
      [place('al-mayadin').name.en, 'origin', 3, 'al-mayadin'],
      ['Conoco', 'target', 2, null],
      ['al-Omar', 'target', 1, null],
      ['Green Village', 'target', 1, null],
      [place('euphrates-west-bank').name.en, 'origin', 1, 'euphrates-west-bank'],
    ]);
    expect(buildReport(parsed, null)).toMatchObject({ acceptedEvents: 6, acceptedArcs: 4, acceptedIncidents: 0, places: 0 });
  });

  it('never labels a coordinate without a name, and reads the weapon column', async () => {
    const csv = 'id,timestamp,origin_lat,origin_lng,target_lat,target_lng,kind,weapon,notes\n' + 'a1,2023-10-19T14:30:00Z,35.0208,40.4535,35.3361,40.3094,attack,122mm rockets,first\n' + 'a2,2023-10-20,35.0208,40.4535,35.3361,40.3094,US strike,F-15E,second\n';
    const source = bytesSource('arcs.csv', new TextEncoder().encode(csv));
    const inspection = await inspectSource(source);
    const mapping = inspection.csv!.suggested;
    expect(mapping).toMatchObject({ id: 0, date: 1, originLatitude: 2, originLongitude: 3, latitude: 4, longitude: 5, eventType: 6, weapon: 7, notes: 8 });
    const parsed = await importSource(source, mapping);
    expect(parsed.events!.length).toBe(2);
    expect(parsed.arcPlaces).toEqual([]);
    expect(rows(parsed.events!).map((r) => [r.id, r.weapon, r.origin])).toEqual([
      ['a1', '122mm rockets', ''],
      ['a2', 'F-15E', ''],
    ]);
    // The time of day is kept (a Float32 day: to about ten seconds).
    expect(parsed.events!.day[0]! % 1).toBeCloseTo((14 * 60 + 30) / 1440, 3);
  });

  it('imports rows without origin as point events; semicolons, decimal commas and 0,0', async () => {
    const mapping = { ...emptyMapping(), id: 0, date: 1, latitude: 2, longitude: 3, eventType: 4, notes: 5 };
    const parsed = await importFixture('generic-points.csv', mapping);
    expect(parsed.events!.length).toBe(2);
    expect(rows(parsed.events!).map((r) => [r.id, r.date, r.eventType])).toEqual([
      ['p1', '2023-06-12', 'shelling'],
      ['p2', '2023-06-13', 'drone'],
    ]);
    expect(parsed.events!.lat[0]).toBeCloseTo(35.0208, 4);
    expect(rejections(parsed)).toEqual([[4, 'lat', 'coordinates 0,0 (a missing location written as zeros)']]);
  });

  it('refuses to read a CSV without a usable mapping', async () => {
    await expect(importFixture('generic-points.csv')).rejects.toThrow('choose which columns hold the date');
    await expect(importFixture('generic-points.csv', emptyMapping())).rejects.toThrow('Choose the column that holds the date.');
  });
});

describe('GeoJSON and the app JSON', () => {
  it('imports Points as events and LineStrings as arcs, rejecting what it cannot use', async () => {
    const parsed = await importFixture('features.geojson');
    expect(parsed.format).toBe('geojson');
    const events = parsed.events!;
    expect(events.length).toBe(3);
    const text = rows(events);
    expect(text[0]).toMatchObject({ id: 'g1', eventType: 'Explosions/Remote violence', notes: 'A point <img src=x onerror=alert(1)>' });
    expect(events.fatalities[0]).toBe(2);
    expect(parsed.incidents).toEqual([]);
    const arc = text.findIndex((r) => r.notes === 'From al-Mayadin to al-Omar');
    expect([events.originLon![arc], events.originLat![arc], events.lon[arc], events.lat[arc]].map((v) => Math.round(v! * 1e4) / 1e4)).toEqual([40.4535, 35.0208, 40.5758, 35.1517]);
    expect(text[arc]).toMatchObject({ date: '2023-06-14' });
    expect(events.originLon![0]).toBeNaN();
    expect(parsed.rejected.map((r) => [r.row, r.field, r.reason, r.section])).toEqual([
      [4, 'geometry.coordinates (latitude)', 'coordinates 0,0 (a missing location written as zeros)', 'features'],
      [5, 'geometry.type', 'unsupported geometry Polygon (Points and LineStrings only)', 'features'],
      [6, 'properties.date', 'missing field', 'features'],
      [7, 'geometry', 'missing field', 'features'],
    ]);
  });

  it("validates the app's own JSON with its schema and keeps ids apart from the bundled data", async () => {
    const parsed = await importFixture('app-dataset.json');
    expect(parsed.format).toBe('app-json');
    expect(parsed.places.map((p) => p.id)).toEqual(['import-test-my-launch-site']);
    expect(parsed.incidents.map((i) => [i.id, i.originId, i.targetId])).toEqual([
      ['import-test-2023-11-01-conoco-rockets', 'import-test-my-launch-site', 'conoco'],
      ['import-test-2023-11-02-al-omar-drone', null, 'al-omar'],
    ]);
    expect(parsed.rejected.map((r) => [r.section, r.row, r.field, r.reason])).toEqual([
      ['incidents', 3, 'date', 'not a real calendar date'],
      ['incidents', 4, 'targetId', 'unknown place "atlantis"'],
    ]);
    expect(parsed.rejected.map((r) => [r.code, r.params])).toEqual([
      ['bad-date-not-real', undefined],
      ['unknown-place-id', { id: 'atlantis' }],
    ]);
  });

  it('says when a JSON file is broken or is not what it should be', async () => {
    const json = (name: string, text: string) => importSource(bytesSource(name, new TextEncoder().encode(text)));
    await expect(json('x.json', '{"incidents": [')).rejects.toThrow(/^x.json is not valid JSON: /);
    await expect(json('x.json', '{"hello": 1}')).rejects.toThrow("x.json is not the app's JSON");
    await expect(json('x.geojson', '{"type": "FeatureCollection", "features": []}')).rejects.toThrow('x.geojson has no features: nothing to import.');
  });
});
