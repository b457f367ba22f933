import { describe, expect, it } from 'vitest';
import { advance, GAP_PADDING_DAYS } from '../timeline/playback-clock';
import { defaultVideoSpeed, videoDimensions, videoFramePlan } from './video-plan';

describe('videoFramePlan', () => {
  it('steps the clock by 1/fps seconds a frame from the start to the end of the range', () => {
    const frames = videoFramePlan({ range: [100, 110], stops: [], fps: 10, speed: 1, compressGaps: false });
    expect(frames[0]).toBe(100);
    expect(frames.at(-1)).toBe(110);
    // 10 days at 1 day a second and 10 frames a second: 100 steps, plus the first frame.
    expect(frames.length).toBe(101);
    for (let i = 1; i < frames.length - 1; i++) expect(frames[i]! - frames[i - 1]!).toBeCloseTo(0.1, 9);
  });

  it('scales with the speed and the frame rate', () => {
    expect(videoFramePlan({ range: [0, 16], stops: [], fps: 24, speed: 4, compressGaps: false }).length).toBe(97);
  });

  it('skips quiet gaps exactly as playback does', () => {
    const stops = [101, 108.5];
    const frames = videoFramePlan({ range: [100, 110], stops, fps: 10, speed: 1, compressGaps: true });
    // Each frame is `advance` of the one before: the same rule as the clock on screen.
    for (let i = 1; i < frames.length; i++) {
      const expected = advance({ t: frames[i - 1]!, playing: true, speed: 1, loop: false, compressGaps: true, start: 100, end: 110 }, 0.1, stops).t;
      expect(frames[i]).toBeCloseTo(expected, 6);
    }
    expect(frames.length).toBeLessThan(101);
    // The quiet stretch between the stops is jumped over, to the padding before the next one.
    expect(frames.some((t) => t > 103 && t < 108.5 - GAP_PADDING_DAYS - 1e-9)).toBe(false);
  });

  it('never runs past the frame limit', () => {
    expect(videoFramePlan({ range: [0, 1000], stops: [], fps: 30, speed: 1, compressGaps: false, maxFrames: 50 }).length).toBe(50);
  });
});

describe('video options', () => {
  it('picks a speed that keeps the video within 20 seconds', () => {
    expect(defaultVideoSpeed([0, 14])).toBe(1);
    expect(defaultVideoSpeed([0, 20])).toBe(1);
    expect(defaultVideoSpeed([0, 61])).toBe(4);
    expect(defaultVideoSpeed([0, 1500])).toBe(16);
  });
  it('reads sizes', () => {
    expect(videoDimensions('1280x720')).toEqual({ width: 1280, height: 720 });
  });
});
