import { describe, expect, it } from 'vitest';
import type { StoredIncident, StoredPlace } from '../data/db';
import { placeIncidents } from './incident-geometry';
import { buildGlyphs } from './incident-glyphs';
import { buildIncidentLayers, visibleWindow, type MapLayerState } from './incident-layers';
import { createStoredIncident, createStoredPlace } from '../data/test-factories';

const createPlace = (id: string, lon: number, lat: number): StoredPlace => createStoredPlace(id, { name: { en: id, ar: 'م' }, lon, lat });
const createIncident = (id: string, date: string, originId: string | null): StoredIncident => createStoredIncident(id, { date, originId, targetId: 'omar', status: 'confirmed' });
const places = new Map([
  ['mayadin', createPlace('mayadin', 40.45, 35.02)],
  ['omar', createPlace('omar', 40.58, 35.15)],
]);
const glyphs = buildGlyphs(placeIncidents([createIncident('a', '2021-06-28', 'mayadin'), createIncident('b', '2021-07-10', null)], places));

const halos: MapLayerState['halos'] = [];
const visibleIds = new Set(['a', 'b']);
function createState(patch: Partial<MapLayerState> = {}): MapLayerState {
  return { glyphs, halos, visibleIds, range: [0, 2000], playhead: null, playing: false, mode: 'cumulative', windowDays: 10, selectedId: null, hoveredId: null, ...patch };
}

describe('buildIncidentLayers', () => {
  it('hands deck.gl the same data arrays on every frame of playback', () => {
    const first = buildIncidentLayers(createState({ playhead: 540, playing: true }));
    const next = buildIncidentLayers(createState({ playhead: 541, playing: true }));
    for (const layer of first) {
      const again = next.find((l) => l.id === layer.id);
      expect(again?.props.data).toBe(layer.props.data);
    }
  });

  it('adds travelling heads and impact pulses only while playing', () => {
    const paused = buildIncidentLayers(createState({ playhead: 540 })).map((l) => l.id);
    const playing = buildIncidentLayers(createState({ playhead: 540, playing: true })).map((l) => l.id);
    expect(paused).not.toContain('incident-heads');
    expect(playing).toContain('incident-heads');
    expect(playing).toContain('incident-pulse-1');
  });

  it('draws a glow under the selected incident', () => {
    const ids = buildIncidentLayers(createState({ selectedId: 'a' })).map((l) => l.id);
    expect(ids).toContain('highlight-arc');
    expect(ids.indexOf('highlight-arc')).toBeLessThan(ids.indexOf('incident-arcs'));
  });
});

describe('visibleWindow', () => {
  it('shows the whole range when not playing back', () => {
    expect(visibleWindow({ range: [10, 20], playhead: null, mode: 'cumulative', windowDays: 5 }).range).toEqual([10, 20]);
  });
  it('shows everything up to the playhead in cumulative mode', () => {
    expect(visibleWindow({ range: [10, 20], playhead: 15, mode: 'cumulative', windowDays: 5 }).range).toEqual([10, 15]);
  });
  it('shows the last N days, fading the older half, in window mode', () => {
    const w = visibleWindow({ range: [10, 40], playhead: 30, mode: 'window', windowDays: 10 });
    expect(w.range).toEqual([20, 30]);
    expect(w.softRange).toEqual([25, 30]);
  });
});
