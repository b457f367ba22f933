/**
 * The frames of a playback video, planned ahead: where the playhead stands in each frame.
 * The export drives the clock itself, one fixed step of 1/fps seconds per frame through
 * the same `advance` as playback (so quiet gaps are skipped the same way), and no frame
 * depends on how fast the machine renders. Pure: no mediabunny, no DOM.
 */
import { advance, clampSpeed, DAYS_PER_SECOND, type ClockState } from '../timeline/playback-clock';

/** 16:9 (a small draft, HD, full HD), 1:1, and 9:16 for phones' social media. */
export const VIDEO_SIZES = ['640x360', '1280x720', '1920x1080', '1080x1080', '1080x1920'] as const;
export type VideoSize = (typeof VIDEO_SIZES)[number];
export const VIDEO_FPS = [10, 24, 30] as const;
export const VIDEO_SPEEDS = [1, 2, 4, 8, 16] as const;
/** A video should stay short: the default speed plays the range in at most this long. */
export const DEFAULT_MAX_SECONDS = 20;
/** Whatever is asked, never more frames than this (10 minutes at 30 fps). */
export const MAX_FRAMES = 18_000;
/** Seconds the closing card (title, range, sources) stays at the end of a video: one frame held. */
export const END_CARD_SECONDS = 4;

export function videoDimensions(size: VideoSize): { width: number; height: number } {
  const [w, h] = size.split('x').map(Number);
  return { width: w!, height: h! };
}

/** The slowest speed of VIDEO_SPEEDS that plays `range` (days) in at most `maxSeconds` (without gap compression). */
export function defaultVideoSpeed(range: readonly [number, number], maxSeconds = DEFAULT_MAX_SECONDS): number {
  const days = Math.max(0, range[1] - range[0]);
  for (const speed of VIDEO_SPEEDS) if (days / (DAYS_PER_SECOND * speed) <= maxSeconds) return speed;
  return VIDEO_SPEEDS[VIDEO_SPEEDS.length - 1]!;
}

export interface FramePlanOptions {
  /** [first day, day after the last] in days since TIME_ORIGIN. */
  range: readonly [number, number];
  /** Incident moments of the selection, sorted (the playback clock's stops). */
  stops: readonly number[];
  fps: number;
  speed: number;
  compressGaps: boolean;
  maxFrames?: number;
}

/**
 * The playhead (days) of every frame: the range's start, then one clock step of 1/fps
 * seconds per frame, ending with a frame at the range's end.
 */
export function videoFramePlan(options: FramePlanOptions): number[] {
  const [start, end] = options.range;
  const maxFrames = options.maxFrames ?? MAX_FRAMES;
  const step = 1 / options.fps;
  let state: ClockState = {
    t: start,
    playing: true,
    speed: clampSpeed(options.speed),
    loop: false,
    compressGaps: options.compressGaps,
    start,
    end,
  };
  const frames = [start];
  while (state.playing && frames.length < maxFrames) {
    state = advance(state, step, options.stops);
    // Sums of 1/fps steps drift below the end by a rounding error: that is the end.
    if (state.playing && end - state.t < 1e-6) state = { ...state, t: end, playing: false };
    frames.push(state.t);
  }
  return frames;
}
