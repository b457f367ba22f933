/**
 * What the camera is asked to do, as data: frame some bounds (the opening view, a chosen
 * range, the incidents behind an edge marker), and whether it follows the action during
 * playback. MapView, which owns the map, carries the requests out.
 */
import { boundsOfIncidents, theatreBounds, type Bounds } from '../map/framing';
import { app } from './app-state.svelte';
import { mapView } from './map-view.svelte';
import { time } from './time-state.svelte';

export interface CameraRequest {
  /** Increases with each request: the map carries out each one once. */
  id: number;
  bounds: Bounds;
  /** Eased (unless the reader prefers reduced motion) or at once. */
  animate: boolean;
}

class CameraState {
  /** Playback keeps the incidents of the moment in view; a pan or zoom by the user turns it off. */
  follow = $state(true);
  request = $state.raw<CameraRequest | null>(null);
  /** Size of the open legend in the map's corner (0 folded): framing keeps clear of it. */
  legend = $state.raw({ width: 0, height: 0 });
}

export const camera = new CameraState();

let lastId = 0;

export function frameBounds(bounds: Bounds | null, animate: boolean): void {
  if (!bounds) return;
  camera.request = { id: ++lastId, bounds, animate };
}

/**
 * The view of the current selection: every incident of a chosen range, or, over the whole
 * data, the theatre where most of them happened (the rest get edge markers).
 */
export function selectionBounds(): Bounds | null {
  const items = mapView.framed.filter((f) => app.selectionIds.has(f.id));
  if (items.length === 0) return null;
  return time.from || time.to ? boundsOfIncidents(items) : theatreBounds(items);
}

/** Frames the selection after the user chose a range (a wave, the brush, the date boxes). */
export function frameSelection(): void {
  frameBounds(selectionBounds(), true);
}

/** Whether the page was opened with a map view in its address (`#map=`): that view is kept. */
export function hashHasView(hash: string): boolean {
  return /(^#|&)map=/.test(hash);
}

/** Read when the app loads, before the map writes its own view into the address. */
let openedWithView = typeof location !== 'undefined' && hashHasView(location.hash);
let opened = false;

/** A published map's place (the publisher's bounds), framed for the reader's screen or frame. */
let openingBounds: Bounds | null = null;

/** A published map writes its view into the address before it starts: read it again. */
export function rememberOpeningView(hash: string, bounds: Bounds | null): void {
  openedWithView = hashHasView(hash);
  openingBounds = bounds;
}

/** The opening view, once the data are read: the selection framed, unless the link gave a view. */
export function frameOpeningView(): void {
  if (opened || app.status !== 'ready') return;
  opened = true;
  if (!openedWithView) frameBounds(openingBounds ?? selectionBounds(), false);
}

export function setFollow(on: boolean): void {
  camera.follow = on;
}
