/**
 * The camera of a video following the action: for each frame, the incidents captioned at its
 * playhead (those happening now) framed, eased from frame to frame, within the overview of the
 * whole selection (video-camera.ts) and never more than FOLLOW_ZOOM closer. The basemap is
 * drawn once, FOLLOW_ZOOM times finer than the overview; each frame shows a part of it, so
 * following costs no basemap render. Pure: the same frames give the same cameras.
 */
import { WebMercatorViewport } from '@deck.gl/core';
import { captionsAt, type FrameTimes, type Moment } from '../story/story-captions';
import type { Camera } from './export-geometry';
import { framePadding } from './video-camera';

/** At most this much closer than the overview (and the basemap is drawn this much finer). */
export const FOLLOW_ZOOM = 1.6;
/** Seconds for the camera to go about two thirds of the way to where the action is. */
const EASE_SECONDS = 0.8;

/** A frame's view of the overview image: its centre there (CSS pixels of the overview) and how much closer. */
export interface FollowView {
  x: number;
  y: number;
  scale: number;
}

export interface Followed {
  views: FollowView[];
  /** The camera of each frame (for the incident layers and the scale bar). */
  cameras: Camera[];
}

export function followCameras(
  frames: readonly number[],
  times: FrameTimes,
  timeline: readonly Moment[],
  pointsOf: (id: string) => [number, number][],
  overview: Camera,
  frame: { cssWidth: number; cssHeight: number },
  speed: number,
  rtl = false,
): Followed {
  const { cssWidth: W, cssHeight: H } = frame;
  const viewport = new WebMercatorViewport({ width: W, height: H, longitude: overview.center[0], latitude: overview.center[1], zoom: overview.zoom });
  const pad = framePadding(frame, rtl);
  const availableW = Math.max(1, W - pad.left - pad.right);
  const availableH = Math.max(1, H - pad.top - pad.bottom);
  const whole: FollowView = { x: W / 2, y: H / 2, scale: 1 };

  const target = (t: number): FollowView => {
    const points = captionsAt(timeline, t, speed).ids.flatMap(pointsOf).map((p) => viewport.project(p) as [number, number]);
    if (points.length === 0) return whole;
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const scale = Math.max(1, Math.min(FOLLOW_ZOOM, availableW / Math.max(x1 - x0, 1), availableH / Math.max(y1 - y0, 1)));
    // The action's centre where the padding leaves room for it, then kept inside the overview.
    const x = (x0 + x1) / 2 + (pad.right - pad.left) / 2 / scale;
    const y = (y0 + y1) / 2 + (pad.bottom - pad.top) / 2 / scale;
    return clampView({ x, y, scale }, W, H);
  };

  const views: FollowView[] = [];
  let current = whole;
  for (let i = 0; i < frames.length; i++) {
    const goal = target(frames[i]!);
    if (i > 0) {
      const k = 1 - Math.exp(-times.durations[i - 1]! / EASE_SECONDS);
      current = clampView({ x: current.x + (goal.x - current.x) * k, y: current.y + (goal.y - current.y) * k, scale: current.scale + (goal.scale - current.scale) * k }, W, H);
    }
    views.push(current);
  }
  const cameras = views.map((v): Camera => {
    const [lon, lat] = viewport.unproject([v.x, v.y]) as [number, number];
    return { center: [lon, lat], zoom: overview.zoom + Math.log2(v.scale), bearing: overview.bearing, pitch: overview.pitch };
  });
  return { views, cameras };
}

/** A view kept inside the overview: its rectangle (W/scale × H/scale around its centre) within W × H. */
function clampView(v: FollowView, W: number, H: number): FollowView {
  const halfW = W / (2 * v.scale);
  const halfH = H / (2 * v.scale);
  return { scale: v.scale, x: Math.min(W - halfW, Math.max(halfW, v.x)), y: Math.min(H - halfH, Math.max(halfH, v.y)) };
}

/** The part of the basemap image (drawn at the overview) a view shows: [sx, sy, sw, sh] in its pixels. */
export function basemapCrop(view: FollowView, image: { width: number; height: number }, frame: { cssWidth: number; cssHeight: number }): [number, number, number, number] {
  const px = image.width / frame.cssWidth;
  const py = image.height / frame.cssHeight;
  const w = frame.cssWidth / view.scale;
  const h = frame.cssHeight / view.scale;
  return [(view.x - w / 2) * px, (view.y - h / 2) * py, w * px, h * py];
}
