import { describe, expect, it } from 'vitest';
import type { StoredPlace } from '../data/db';
import { createStoredIncident, createStoredPlace } from '../data/test-factories';
import { arcsFirst, pointsIn } from './arcs-first';
import { placeIncidents } from './incident-geometry';
import { buildGlyphs } from './incident-glyphs';
import { buildIncidentLayers, type MapLayerState } from './incident-layers';

const places = new Map<string, StoredPlace>([
  ['mayadin', createStoredPlace('mayadin', { name: { en: 'mayadin', ar: 'م' }, lon: 40.45, lat: 35.02 })],
  ['omar', createStoredPlace('omar', { name: { en: 'omar', ar: 'ع' }, lon: 40.58, lat: 35.15 })],
]);
const withArc = createStoredIncident('a', { date: '2021-06-28', originId: 'mayadin', targetId: 'omar', status: 'confirmed' });
const withoutOrigin = createStoredIncident('b', { date: '2021-07-10', originId: null, targetId: 'omar', status: 'reported' });

function layers(incidents = [withArc, withoutOrigin], patch: Partial<MapLayerState> = {}) {
  const glyphs = buildGlyphs(placeIncidents(incidents, places));
  const halos: MapLayerState['halos'] = [{ at: [40.58, 35.15], radiusPx: 12 }] as unknown as MapLayerState['halos'];
  return buildIncidentLayers({ glyphs, halos, visibleIds: new Set(incidents.map((i) => i.id)), range: [0, 4000], playhead: null, playing: false, mode: 'cumulative', windowDays: 10, selectedId: null, hoveredId: null, ...patch });
}

describe('arcsFirst', () => {
  it('leaves the impacts and target halos out of the opening frame while arcs wait to be drawn', () => {
    const all = layers();
    expect(all.map((l) => l.id)).toEqual(expect.arrayContaining(['target-halos', 'incident-arcs', 'incident-impacts']));
    expect(arcsFirst(all, true).map((l) => l.id)).toEqual(['incident-arcs']);
    expect(pointsIn(arcsFirst(all, true))).toBe(0);
  });

  it('draws every layer once the arcs have been drawn', () => {
    const all = layers();
    expect(arcsFirst(all, false)).toBe(all);
    expect(pointsIn(all)).toBe(2); // one target halo, and the impact of the incident without a launch place
  });

  it('holds nothing back when there are no arcs to draw first (incidents without a launch place)', () => {
    const all = layers([withoutOrigin]);
    expect(arcsFirst(all, true)).toBe(all);
    expect(arcsFirst(all, true).map((l) => l.id)).toContain('incident-impacts');
  });

  it('holds back the pulses and the selection glow of a linked opening, which use the same program', () => {
    const all = layers(undefined, { playhead: 540, playing: true, selectedId: 'b' });
    const ids = arcsFirst(all, true).map((l) => l.id);
    expect(ids).toContain('incident-arcs');
    expect(ids).toContain('incident-heads');
    expect(ids.filter((id) => id.startsWith('incident-pulse') || id === 'highlight-impact' || id === 'incident-impacts')).toEqual([]);
  });
});
