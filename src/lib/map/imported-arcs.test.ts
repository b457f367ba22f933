import { describe, expect, it } from 'vitest';
import type { EventColumns } from '../data/event-columns';
import { typeMask } from './event-layers';
import { ARC_CHUNK, arcChunks, arcDetail, arcRowsOf, arcsBetween, chunkInWindow, segmentsFor } from './imported-arcs';
import { buildImportedArcLayers, pickedArcRow, type ImportedArcState } from './imported-arc-layers';

/** n rows a day apart from day 1000; every third row a point (no origin), the others arcs from al-Mayadin. */
function columns(n: number): EventColumns {
  const originLon = new Float32Array(n);
  const originLat = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    originLon[i] = i % 3 === 2 ? NaN : 40.45 + (i % 7) * 0.01;
    originLat[i] = i % 3 === 2 ? NaN : 35.02;
  }
  return {
    datasetId: 'import-a',
    length: n,
    day: Float32Array.from({ length: n }, (_, i) => 1000 + i),
    lon: Float32Array.from({ length: n }, (_, i) => 40.3 + (i % 5) * 0.05),
    lat: new Float32Array(n).fill(35.33),
    eventType: Uint8Array.from({ length: n }, (_, i) => i % 2),
    eventTypes: ['attack', 'US strike'],
    fatalities: new Int32Array(n).fill(-1),
    originLon,
    originLat,
    arcCount: n - Math.floor((n + 1) / 3),
  };
}

const state = (c: EventColumns, over: Partial<ImportedArcState> = {}): ImportedArcState => ({
  columns: [c],
  eventTypes: [],
  matches: null,
  window: { range: [0, 1e6], softRange: [0, 1e6] },
  range: [0, 1e6],
  playhead: null,
  playing: false,
  zoom: 7,
  highlight: null,
  ...over,
});

describe('imported arcs as columns', () => {
  it('keeps the rows with an origin, in day order, and their kinds from the event types', () => {
    const arcs = arcRowsOf(columns(9));
    expect(Array.from(arcs.rows)).toEqual([0, 1, 3, 4, 6, 7]);
    expect(Array.from(arcs.day)).toEqual([1000, 1001, 1003, 1004, 1006, 1007]);
    expect(arcs.kinds).toEqual(['attack-on-coalition', 'coalition-strike']);
  });

  it('gives a long arc more segments than a short one, and more when zoomed in, within 2..24', () => {
    const from: [number, number] = [40.45, 35.02];
    expect(segmentsFor(from, [40.46, 35.03], 6)).toBe(2);
    const far = segmentsFor(from, [40.3, 35.33], 6);
    expect(far).toBeGreaterThan(2);
    expect(segmentsFor(from, [40.3, 35.33], 9)).toBeGreaterThan(far);
    expect(segmentsFor(from, [38, 33], 12)).toBe(24);
    expect(arcDetail(3.2)).toBe(4);
    expect(arcDetail(7.9)).toBe(7);
    expect(arcDetail(null)).toBe(7);
  });

  it('cuts the arcs into chunks of binary paths whose vertices match their start indices', () => {
    const c = columns(3 * ARC_CHUNK);
    const arcs = arcRowsOf(c);
    const chunks = arcChunks(arcs, 7);
    expect(chunks.map((k) => k.length)).toEqual([ARC_CHUNK, ARC_CHUNK]);
    for (const chunk of chunks) {
      expect(chunk.startIndices.length).toBe(chunk.length + 1);
      expect(chunk.positions.length).toBe(chunk.startIndices[chunk.length]! * 2);
      expect(chunk.dayMin).toBe(arcs.day[chunk.first]);
    }
    // The first vertex of the first arc is its origin, the last its target.
    const end = chunks[0]!.startIndices[1]! * 2;
    expect([chunks[0]!.positions[0], chunks[0]!.positions[1]]).toEqual([c.originLon![0], c.originLat![0]]);
    expect([chunks[0]!.positions[end - 2], chunks[0]!.positions[end - 1]]).toEqual([c.lon[0], c.lat[0]]);
    // Same detail: the same arrays (deck.gl keeps its buffers); another detail: new ones.
    expect(arcChunks(arcs, 7)).toBe(chunks);
    expect(arcChunks(arcs, 9)).not.toBe(chunks);
  });

  it('finds a window of days by binary search, and the chunks it overlaps', () => {
    const arcs = arcRowsOf(columns(3 * ARC_CHUNK));
    expect(arcsBetween(arcs, 1003, 1006)).toEqual([2, 5]);
    const [first, second] = arcChunks(arcs, 7);
    expect(chunkInWindow(first!, [1000, 1030])).toBe(true);
    expect(chunkInWindow(second!, [1000, 1030])).toBe(false);
    expect(chunkInWindow(second!, [second!.dayMin, second!.dayMin])).toBe(true);
  });

  it('draws only the chunks inside the window, and heads and pulses only for the arcs in flight', () => {
    const c = columns(3 * ARC_CHUNK);
    const still = buildImportedArcLayers(state(c, { window: { range: [1000, 1030], softRange: [1000, 1030] } }));
    expect(still.map((l) => [l.id, l.props.visible])).toEqual([
      ['imported-arcs-import-a-7-0', true],
      ['imported-arcs-import-a-7-1', false],
    ]);
    // At day 1003.1 the arc of day 1003 (row 3, a US strike) has just landed: its head's trail and its pulse; no other arc.
    const playing = buildImportedArcLayers(state(c, { playing: true, playhead: 1003.1, window: { range: [1000, 1003.1], softRange: [1000, 1003.1] } }));
    const heads = playing.find((l) => l.id === 'imported-heads');
    const pulses = playing.find((l) => l.id === 'imported-pulses');
    expect((heads!.props.data as unknown[]).length).toBe(1);
    expect((pulses!.props.data as unknown[]).length).toBe(1);
    // Only attacks chosen: that strike has no head or pulse either.
    const attacks = buildImportedArcLayers(state(c, { playing: true, playhead: 1003.1, eventTypes: ['attack'] }));
    expect(attacks.find((l) => l.id === 'imported-heads')).toBeUndefined();
    expect(attacks.find((l) => l.id === 'imported-pulses')).toBeUndefined();
  });

  it('maps a picked arc back to its dataset row', () => {
    const c = columns(9);
    const [layer] = buildImportedArcLayers(state(c));
    expect(pickedArcRow(layer!.props.data, 2)).toEqual({ datasetId: 'import-a', row: 3 });
    expect(pickedArcRow({ length: 3 }, 0)).toBeNull();
  });

  it('leaves arcs out of the dots', () => {
    const c = columns(6);
    expect(Array.from(typeMask(c, []))).toEqual([0, 0, 1, 0, 0, 1]);
    expect(Array.from(typeMask(c, ['attack']))).toEqual([0, 0, 1, 0, 0, 0]);
  });
});
