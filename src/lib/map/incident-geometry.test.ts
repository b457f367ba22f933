import { describe, expect, it } from 'vitest';
import type { StoredIncident, StoredPlace } from '../data/db';
import { placeIncidents } from './incident-geometry';
import { createStoredIncident, createStoredPlace } from '../data/test-factories';

const createPlace = (id: string, lon: number, lat: number): StoredPlace => createStoredPlace(id, { lon, lat });

const createIncident = (id: string, originId: string | null, targetId: string): StoredIncident => createStoredIncident(id, { originId, targetId });

const places = new Map([
  ['mayadin', createPlace('mayadin', 40.45, 35.02)],
  ['omar', createPlace('omar', 40.58, 35.15)],
]);

describe('placeIncidents', () => {
  it('draws an arc from origin to target when the origin is known', () => {
    const { arcs, impacts } = placeIncidents([createIncident('a', 'mayadin', 'omar')], places);
    expect(arcs).toHaveLength(1);
    expect(arcs[0]?.from).toEqual([40.45, 35.02]);
    expect(arcs[0]?.to).toEqual([40.58, 35.15]);
    expect(impacts).toHaveLength(0);
  });

  it('draws an impact, not an invented arc, when no origin is reported', () => {
    const { arcs, impacts } = placeIncidents([createIncident('b', null, 'omar')], places);
    expect(arcs).toHaveLength(0);
    expect(impacts[0]?.at).toEqual([40.58, 35.15]);
  });

  it('sets aside incidents whose target is unknown', () => {
    const { unplaced } = placeIncidents([createIncident('c', 'mayadin', 'nowhere')], places);
    expect(unplaced.map((i) => i.id)).toEqual(['c']);
  });
});
