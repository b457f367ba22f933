import { describe, expect, it } from 'vitest';
import { TYPE_COUNT_BLOCK, typeCountsBetween, type EventColumns } from './event-columns';

/** Columns of `length` rows whose types follow a fixed pseudo-random sequence over `types` names. */
function columnsOf(length: number, types: number): EventColumns {
  const eventType = new Uint8Array(length);
  let x = 12345;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    eventType[i] = x % types;
  }
  return {
    datasetId: 'd',
    length,
    day: new Float32Array(length),
    lon: new Float32Array(length),
    lat: new Float32Array(length),
    eventType,
    eventTypes: Array.from({ length: types }, (_, i) => `type ${i}`),
    fatalities: new Int32Array(length),
    originLon: null,
    originLat: null,
    arcCount: 0,
  };
}

/** Every row read: what typeCountsBetween must answer. */
function counted(columns: EventColumns, from: number, to: number): number[] {
  const out = new Array<number>(columns.eventTypes.length).fill(0);
  for (let i = from; i < to; i++) out[columns.eventType[i]!]! += 1;
  return out;
}

describe('typeCountsBetween', () => {
  it('counts the rows of each type in any range, as reading every row would', () => {
    const columns = columnsOf(5 * TYPE_COUNT_BLOCK + 123, 7);
    const B = TYPE_COUNT_BLOCK;
    const ranges: [number, number][] = [
      [0, columns.length],
      [0, 0],
      [10, 20],
      [B - 1, B + 1],
      [B, 3 * B],
      [B + 5, 4 * B - 5],
      [3, columns.length - 3],
      [4 * B, columns.length],
      [columns.length - 1, columns.length],
    ];
    for (const [from, to] of ranges) {
      const out = new Uint32Array(7);
      typeCountsBetween(columns, from, to, out);
      expect([...out], `${from}-${to}`).toEqual(counted(columns, from, to));
    }
  });

  it('adds to what the slots already hold (several datasets into one count)', () => {
    const columns = columnsOf(3 * TYPE_COUNT_BLOCK, 3);
    const out = new Uint32Array([1, 2, 3]);
    typeCountsBetween(columns, 0, columns.length, out);
    const expected = counted(columns, 0, columns.length);
    expect([...out]).toEqual([expected[0]! + 1, expected[1]! + 2, expected[2]! + 3]);
  });
});
