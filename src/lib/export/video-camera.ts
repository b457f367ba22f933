/**
 * Where a video's camera looks first: at the action (video-follow.ts then follows it). The places of the selection's incidents (their
 * targets and launch points) fitted into the frame's shape, clear of the title band above and
 * of the captions and legend (below in a tall or square frame; beside them in a wide one), never
 * closer than MAX_ZOOM. With no place to show, the screen's view fitted to the frame.
 */
import { WebMercatorViewport } from '@deck.gl/core';
import type { StoredIncident, StoredPlace } from '../data/db';
import type { Camera } from './export-geometry';

/** No closer than this: a base and its surroundings, not its streets. */
export const MAX_ZOOM = 10.5;

export function actionPoints(incidents: readonly StoredIncident[], places: ReadonlyMap<string, StoredPlace>): [number, number][] {
  const points: [number, number][] = [];
  for (const incident of incidents)
    for (const id of [incident.targetId, incident.originId]) {
      const place = id ? places.get(id) : undefined;
      if (place) points.push([place.lon, place.lat]);
    }
  return points;
}

/** Room kept around the action in a video frame (CSS pixels): the title band, the captions and the legend, the places' labels. */
export function framePadding(frame: { cssWidth: number; cssHeight: number }, rtl: boolean): { top: number; bottom: number; left: number; right: number } {
  const { cssWidth: W, cssHeight: H } = frame;
  const narrow = H >= W * 0.9;
  // Room for the places' labels at the sides; in a wide frame the captions take the inline-start
  // side and the legend the inline-end one.
  const side = Math.round(W * 0.14);
  const padding = narrow
    ? { top: Math.round(H * 0.2), bottom: Math.round(H * 0.36), left: side, right: side }
    : { top: Math.round(H * 0.24), bottom: Math.round(H * 0.16), left: side, right: side };
  if (!narrow) {
    padding[rtl ? 'right' : 'left'] = Math.round(W * 0.42);
    padding[rtl ? 'left' : 'right'] = Math.round(W * 0.22);
  }
  return padding;
}

export function actionCamera(points: readonly [number, number][], frame: { cssWidth: number; cssHeight: number }, fallback: Camera, rtl = false): Camera {
  if (points.length === 0) return fallback;
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  // One place alone: a box around it, so that the fit has an extent.
  const pad = 0.05;
  if (east - west < pad) [west, east] = [west - pad, east + pad];
  if (north - south < pad) [south, north] = [south - pad, north + pad];
  const padding = framePadding(frame, rtl);
  const viewport = new WebMercatorViewport({ width: frame.cssWidth, height: frame.cssHeight, longitude: 0, latitude: 0, zoom: 1 }).fitBounds(
    [
      [west, south],
      [east, north],
    ],
    { padding },
  );
  return { center: [viewport.longitude, viewport.latitude], zoom: Math.min(viewport.zoom, MAX_ZOOM), bearing: 0, pitch: 0 };
}
