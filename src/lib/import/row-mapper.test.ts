import { describe, expect, it } from 'vitest';
import { FIELD_SEPARATOR, TEXT_FIELDS } from '../data/event-store';
import { recogniseHeader } from './columns';
import { rowText } from './event-batch';
import { createGazetteer } from './gazetteer';
import { createAcledMapper } from './acled-mapper';
import { coordinateProblem, detached, FirstRowIndex, parseNumberCell, type MapperContext } from './row-mapper';

describe('cells', () => {
  it.each([
    ['35.0208', 35.0208],
    [' -1.5 ', -1.5],
    ['+2', 2],
    ['.5', 0.5],
    ['1e3', 1000],
    ['0', 0],
    ['35,12', 35.12],
    ['', null],
    ['  ', null],
  ])('reads the number %j', (text, value) => {
    expect(parseNumberCell(text)).toBe(value);
  });

  it.each(['0x1F', 'Infinity', '1_0', 'north', '1.2.3', '-', '0b1', '1,2,3'])('refuses %j as a number', (text) => {
    expect(parseNumberCell(text)).toBeNaN();
  });

  it('says what is wrong with coordinates', () => {
    expect(coordinateProblem(35, 40)).toBeNull();
    expect(coordinateProblem(0, 40)).toBeNull();
    expect(coordinateProblem(0, 0)).toMatchObject({ field: 'latitude', reason: 'coordinates 0,0 (a missing location written as zeros)' });
    expect(coordinateProblem(-91, 40)).toMatchObject({ field: 'latitude', reason: 'coordinates out of range (latitude -91)' });
    expect(coordinateProblem(35, 180.5)).toMatchObject({ field: 'longitude', reason: 'coordinates out of range (longitude 180.5)' });
    expect(coordinateProblem(NaN, 40)).toMatchObject({ field: 'latitude', reason: 'not a number' });
  });

  it('copies long strings out of the parser input', () => {
    expect(detached('SYR1')).toBe('SYR1');
    expect(detached('a much longer identifier')).toBe('a much longer identifier');
  });
});

describe('duplicate ids', () => {
  it('remembers where each id was first seen, ACLED-shaped or not', () => {
    const index = new FirstRowIndex();
    const ids = ['SYR1', 'SYR100000', 'IRQ1', 'SYR01', 'SYR1', 'syr-a', 'SYR100000', 'IRQ1', '42', 'SYR01', 'syr-a', 'SYR4096', 'SYR4096', 'X9999999999'];
    expect(ids.map((id, i) => index.firstOrAdd(id, i + 2))).toEqual([0, 0, 0, 0, 2, 0, 3, 4, 0, 5, 7, 0, 13, 0]);
  });
});

describe('ACLED rows', () => {
  it("joins admin1-3 into one field, largest first, skipping those left empty", () => {
    const header = ['event_id_cnty', 'event_date', 'event_type', 'latitude', 'longitude', 'admin1', 'admin2', 'admin3', 'location'];
    const acled = recogniseHeader(header);
    if (acled.kind !== 'acled') throw new Error('fixture header is not ACLED');
    const ctx: MapperContext = { datasetId: 'd', fileName: 'f.csv', header, gazetteer: createGazetteer([]), reject: () => undefined };
    const mapper = createAcledMapper(acled.columns, ctx);
    mapper.map(['SYR1', '12 June 2023', 'Battles', '35.1', '40.2', 'Deir ez-Zor', 'Al Mayadin', 'Thiban', 'Thiban'], 2);
    mapper.map(['SYR2', '12 June 2023', 'Battles', '35.1', '40.2', 'Deir ez-Zor', '', ' Hajin ', 'Hajin'], 3);
    const events = mapper.finish().events!.finish();
    const admin = TEXT_FIELDS.indexOf('admin');
    expect(rowText(events, 0).split(FIELD_SEPARATOR)[admin]).toBe('Deir ez-Zor / Al Mayadin / Thiban');
    expect(rowText(events, 1).split(FIELD_SEPARATOR)[admin]).toBe('Deir ez-Zor / Hajin');
  });

  const header = ['event_id_cnty', 'event_date', 'event_type', 'sub_event_type', 'latitude', 'longitude', 'location', 'notes', 'fatalities', 'actor1'];
  const kind = recogniseHeader(header);
  if (kind.kind !== 'acled') throw new Error('fixture header is not ACLED');
  function run(rows: string[][]) {
    const rejected: [number, string, string][] = [];
    const ctx: MapperContext = { datasetId: 'd', fileName: 'f.csv', header, gazetteer: createGazetteer([]), reject: (row, field, reason) => void rejected.push([row, field, reason]) };
    const mapper = createAcledMapper((kind as Extract<typeof kind, { kind: 'acled' }>).columns, ctx);
    rows.forEach((r, i) => mapper.map(r, i + 2));
    const events = mapper.finish().events!.finish();
    return { events, rejected };
  }

  it('maps the columns it knows and leaves out the rest', () => {
    const { events, rejected } = run([['SYR1', '12 June 2023', 'Battles', 'Armed clash', '35.1', '40.2', 'Hajin', 'a, "quoted" note', ' 3 ', 'SDF']]);
    expect(rejected).toEqual([]);
    // The fields of TEXT_FIELDS: no origin or weapon in ACLED, and no admin column in this file.
    expect(rowText(events, 0).split(FIELD_SEPARATOR)).toEqual(['SYR1', '2023-06-12', 'Battles', 'Armed clash', 'SDF', '', 'Hajin', 'a, "quoted" note', '', '', '', '', '', '']);
    expect(events.fatalities[0]).toBe(3);
    expect(events.lat[0]).toBeCloseTo(35.1, 5);
  });

  it('takes a missing fatalities cell as unknown (-1), and rejects a bad one', () => {
    const { events, rejected } = run([
      ['SYR1', '2023-06-12', 'Battles', '', '35.1', '40.2', '', '', '', ''],
      ['SYR2', '2023-06-12', 'Battles', '', '35.1', '40.2', '', '', '-1', ''],
      ['SYR3', '2023-06-12', 'Battles', '', '35.1', '40.2', '', '', '2.5', ''],
    ]);
    expect(events.fatalities[0]).toBe(-1);
    expect(rejected).toEqual([
      [3, 'fatalities', 'not a whole number ("-1")'],
      [4, 'fatalities', 'not a whole number ("2.5")'],
    ]);
  });

  it('treats a short row as missing its last fields', () => {
    const { rejected } = run([['SYR1', '2023-06-12', 'Battles', '', '35.1']]);
    expect(rejected).toEqual([[2, 'longitude', 'missing field']]);
  });
});
