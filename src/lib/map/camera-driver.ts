/**
 * Moves the live map's camera for the app: frames bounds (eased, or at once under reduced
 * motion), follows the action during playback with the rules of follow-camera.ts, and
 * tells apart the user's own pans and zooms (they carry an input event) from its moves.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import { boundsOfIncidents, FRAME_MAX_ZOOM, framePaddings, type Bounds, type FramedIncident, type MapCover } from './framing';
import { FOLLOW, followZoom, leavesView, mayMove } from './follow-camera';

export interface CameraDriverOptions {
  /** What covers the map's edges (panels, the legend), in CSS pixels. */
  cover(): MapCover;
  /** The user panned, zoomed or rotated the map themselves. */
  onUserMove(): void;
  /** A move of the driver's started (true) or ended (false). */
  onAnimating(animating: boolean): void;
  now?: () => number;
}

const EASE_MS = 900;

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export class CameraDriver {
  #lastFollow = -Infinity;
  #animating = false;
  readonly #now: () => number;

  constructor(
    private readonly map: MaplibreMap,
    private readonly options: CameraDriverOptions,
  ) {
    this.#now = options.now ?? (() => performance.now());
    map.on('movestart', (e: { originalEvent?: unknown }) => {
      if (e.originalEvent) options.onUserMove();
    });
    map.on('moveend', () => this.#setAnimating(false));
  }

  #setAnimating(on: boolean): void {
    if (this.#animating === on) return;
    this.#animating = on;
    this.options.onAnimating(on);
  }

  /** The camera that shows `bounds` in the uncovered part of the map (the closest of the ways to keep clear of the legend), or null when none fits. */
  #cameraFor(bounds: Bounds, maxZoom: number) {
    const c = this.map.getContainer();
    let best: ReturnType<MaplibreMap['cameraForBounds']> = undefined;
    for (const padding of framePaddings(c.clientWidth, c.clientHeight, this.options.cover())) {
      const camera = this.map.cameraForBounds(
        [
          [bounds[0], bounds[1]],
          [bounds[2], bounds[3]],
        ],
        { padding, maxZoom, bearing: this.map.getBearing() },
      );
      if (camera && (!best || (camera.zoom ?? 0) > (best.zoom ?? 0))) best = camera;
    }
    return best;
  }

  #move(target: { center?: unknown; zoom?: number; bearing?: number }, durationMs: number, animate: boolean): void {
    const options = { ...target, pitch: this.map.getPitch() } as Parameters<MaplibreMap['jumpTo']>[0];
    if (!animate || prefersReducedMotion()) {
      this.map.jumpTo(options);
      return;
    }
    this.#setAnimating(true);
    this.map.easeTo({ ...options, duration: durationMs });
  }

  /**
   * MapLibre learns of a new container size from a ResizeObserver, a frame or more later: a
   * camera fitted before then would be fitted to the old size (the opening view, computed
   * while the page's layout settles, above all).
   */
  #matchContainer(): void {
    const c = this.map.getContainer();
    const canvas = this.map.getCanvas();
    if (parseFloat(canvas.style.width) !== c.clientWidth || parseFloat(canvas.style.height) !== c.clientHeight) this.map.resize();
  }

  /** Shows `bounds`, eased when `animate` (never under reduced motion). */
  frame(bounds: Bounds, animate: boolean): void {
    this.#matchContainer();
    const target = this.#cameraFor(bounds, FRAME_MAX_ZOOM);
    if (target) this.#move(target, EASE_MS, animate);
  }

  /** Keeps `current` (the incidents of the moment) in view: called on every playback frame, moves seldom. */
  follow(current: readonly FramedIncident[]): void {
    if (current.length === 0 || this.#animating) return;
    const c = this.map.getContainer();
    const cover = this.options.cover();
    const rect = { left: cover.left, top: 0, right: c.clientWidth - cover.right, bottom: c.clientHeight - (cover.bottom ?? 0) };
    const points = current.flatMap((item) => item.points.map((p) => this.map.project(p)));
    if (!leavesView(points, rect)) return;
    const now = this.#now();
    if (!mayMove(now, this.#lastFollow)) return;
    const bounds = boundsOfIncidents(current);
    const fitted = bounds && this.#cameraFor(bounds, FOLLOW.maxZoom);
    if (!fitted) return;
    this.#lastFollow = now;
    this.#move({ center: fitted.center, zoom: followZoom(this.map.getZoom(), fitted.zoom ?? this.map.getZoom()) }, FOLLOW.durationMs, true);
  }
}
