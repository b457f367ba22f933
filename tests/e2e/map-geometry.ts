/**
 * Where the app draws an incident, computed with the app's own pure functions from the
 * bundled data, and projected to screen pixels with Web Mercator for a `#map=` view.
 */
import { readFileSync } from 'node:fs';
import type { StoredIncident, StoredPlace } from '../../src/lib/data/db';
import { placeIncidents } from '../../src/lib/map/incident-geometry';
import { buildGlyphs, type ArcGlyph } from '../../src/lib/map/incident-glyphs';

export function bundledData(): { incidents: StoredIncident[]; places: Map<string, StoredPlace> } {
  const { incidents } = JSON.parse(readFileSync('data/incidents.json', 'utf8')) as { incidents: StoredIncident[] };
  const places = JSON.parse(readFileSync('data/places.json', 'utf8')) as StoredPlace[];
  return { incidents, places: new Map(places.map((p) => [p.id, p])) };
}

export function bundledArcs(): ArcGlyph[] {
  const { incidents, places } = bundledData();
  return buildGlyphs(placeIncidents(incidents, places)).arcs;
}

export interface View {
  lon: number;
  lat: number;
  zoom: number;
  width: number;
  height: number;
}

function mercator([lon, lat]: [number, number]): [number, number] {
  const x = (lon + 180) / 360;
  const s = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  return [x, y];
}

/** Screen pixel of a lon/lat in a MapLibre view (512-pixel world tiles, no rotation). */
export function project(view: View, point: [number, number]): { x: number; y: number } {
  const world = 512 * 2 ** view.zoom;
  const [cx, cy] = mercator([view.lon, view.lat]);
  const [px, py] = mercator(point);
  return { x: view.width / 2 + (px - cx) * world, y: view.height / 2 + (py - cy) * world };
}

export function viewHash(view: View): string {
  return `#map=${view.zoom}/${view.lat}/${view.lon}`;
}

/** The middle vertex of an arc's curve. */
export function arcMiddle(arc: ArcGlyph): [number, number] {
  return arc.path[arc.path.length >> 1]!;
}
