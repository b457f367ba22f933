import { describe, expect, it } from 'vitest';
import { frameTimes } from '../story/story-captions';
import { basemapCrop, FOLLOW_ZOOM, followCameras } from './video-follow';

const overview = { center: [40, 35] as [number, number], zoom: 7, bearing: 0, pitch: 0 };
const frame = { cssWidth: 1280, cssHeight: 720 };
// Two days of frames at 10 fps, 1 day a second; one incident at day 100.5 near al-Omar, east of the centre.
const frames = Array.from({ length: 21 }, (_, i) => 100 + i * 0.1);
const timeline = [{ id: 'a', moment: 100.5 }];
const points = (id: string): [number, number][] => (id === 'a' ? [[40.6, 35.1], [40.45, 35.05]] : []);

describe('a video camera following the action', () => {
  const times = frameTimes(frames, 10, timeline, 1);
  const { views, cameras } = followCameras(frames, times, timeline, points, overview, frame, 1);

  it('shows the whole overview until something happens, then eases in on it', () => {
    expect(views[0]).toEqual({ x: 640, y: 360, scale: 1 });
    expect(cameras[4]!.zoom).toBe(7);
    // After the incident the camera comes closer and moves east, a little more each frame.
    const after = cameras.slice(6);
    for (let i = 1; i < after.length; i++) {
      expect(after[i]!.zoom).toBeGreaterThan(after[i - 1]!.zoom);
      expect(after[i]!.center[0]).toBeGreaterThan(after[i - 1]!.center[0]);
    }
  });

  it('never comes closer than FOLLOW_ZOOM, nor leaves the overview drawn', () => {
    for (const [i, view] of views.entries()) {
      expect(cameras[i]!.zoom).toBeLessThanOrEqual(7 + Math.log2(FOLLOW_ZOOM) + 1e-9);
      const [sx, sy, sw, sh] = basemapCrop(view, { width: 2048, height: 1152 }, frame);
      expect(sx).toBeGreaterThanOrEqual(-1e-6);
      expect(sy).toBeGreaterThanOrEqual(-1e-6);
      expect(sx + sw).toBeLessThanOrEqual(2048 + 1e-6);
      expect(sy + sh).toBeLessThanOrEqual(1152 + 1e-6);
    }
  });

  it('is the same for the same frames', () => {
    expect(followCameras(frames, times, timeline, points, overview, frame, 1)).toEqual({ views, cameras });
  });
});
