import type { FeatureCollection } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { INCIDENT_PLACES_SOURCE } from './basemap-style';
import { placeDataWritten, UNCERTAINTY_SOURCE, writePlaceData, type PlaceSources } from './place-layers';

const collection = (...ids: string[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: ids.map((id) => ({ type: 'Feature', properties: { id }, geometry: { type: 'Point', coordinates: [40, 35] } })),
});

/** A map whose GeoJSON sources record what they are given. */
function fakeMap(): { map: MaplibreMap; writes: [string, FeatureCollection][] } {
  const writes: [string, FeatureCollection][] = [];
  const sources = new Map<string, { setData(d: FeatureCollection): void }>();
  const map = {
    getSource(id: string) {
      if (!sources.has(id)) sources.set(id, { setData: (d: FeatureCollection) => writes.push([id, d]) });
      return sources.get(id);
    },
  } as unknown as MaplibreMap;
  return { map, writes };
}

const data = (patch: Partial<PlaceSources> = {}): PlaceSources => ({ places: collection('omar', 'mayadin'), circles: collection('omar'), focusCircles: collection(), rings: collection(), ...patch });

describe('writePlaceData', () => {
  it('writes only the sources whose data changed, once', () => {
    const { map, writes } = fakeMap();
    const written = placeDataWritten(data());
    const changed = data({ circles: collection('omar', 'mayadin') });
    expect(writePlaceData(map, changed, written)).toBe(true);
    expect(writes.map(([id]) => id)).toEqual([UNCERTAINTY_SOURCE]);
    expect(writes[0]![1]).toBe(changed.circles);
    // The same data again (new objects, same features): nothing is written.
    expect(writePlaceData(map, data({ circles: collection('omar', 'mayadin') }), written)).toBe(false);
    expect(writes).toHaveLength(1);
  });

  it('writes a changed label count into the places source', () => {
    const { map, writes } = fakeMap();
    const written = placeDataWritten(data());
    const places = collection('omar', 'mayadin');
    places.features[0]!.properties = { id: 'omar', count: 3 };
    expect(writePlaceData(map, data({ places }), written)).toBe(true);
    expect(writes.map(([id]) => id)).toEqual([INCIDENT_PLACES_SOURCE]);
  });
});
