/**
 * Actions on time: the range brush, playback and stepping. The playback clock runs in
 * this module; each frame it moves only `time.playhead` (no query, no data rebuilt).
 */
import { clampSpeed, PlaybackClock, stepBack, stepForward, type ClockState } from '../timeline/playback-clock';
import { captionHoldDays } from '../story/story-captions';
import { dayNumber } from '../timeline/incident-time';
import { app } from './app-state.svelte';
import { frameSelection } from './camera.svelte';
import { time } from './time-state.svelte';
import type { PlaybackMode } from './url-state';

function clockState(): ClockState {
  const [start, end] = app.rangeDays;
  return {
    t: time.playhead ?? start,
    playing: time.playing,
    speed: time.speed,
    loop: time.loop,
    compressGaps: time.compressGaps,
    start,
    end,
    pauseAtStops: time.pauseAtIncidents,
    // A caption stays readable: the quiet gap after its incident is not skipped before it goes.
    holdDays: time.captions ? captionHoldDays(time.speed) : 0,
  };
}

const clock = new PlaybackClock(clockState(), (state) => {
  time.playhead = state.t;
  if (time.playing !== state.playing) time.playing = state.playing;
});

/**
 * Hands the clock the current range, settings and stops, then applies a change. With no
 * playhead (every incident in its final state) a change of speed, range or loop leaves it
 * so: only a seek or play places the playhead.
 */
function drive(patch: Partial<ClockState> = {}): void {
  clock.setStops(app.selectionMoments);
  const idle = time.playhead === null && patch.t === undefined && !(patch.playing ?? time.playing);
  clock.set({ ...clockState(), ...patch }, !idle);
}

export function play(): void {
  const [start, end] = app.rangeDays;
  // Playing from the end (or from nowhere) starts again at the beginning of the range.
  const t = time.playhead === null || time.playhead >= end || time.playhead < start ? start : time.playhead;
  time.playing = true;
  drive({ t, playing: true });
}

export function pause(): void {
  time.playing = false;
  drive({ playing: false });
}

export function togglePlay(): void {
  if (time.playing) pause();
  else play();
}

export function stepNext(): void {
  const state = clockState();
  if (time.playhead === null) state.t = state.start - 1e-3;
  drive({ t: stepForward(state, app.selectionMoments).t });
}

export function stepPrevious(): void {
  const state = clockState();
  if (time.playhead === null) state.t = state.end;
  drive({ t: stepBack(state, app.selectionMoments).t });
}

export function seekStart(): void {
  drive({ t: app.rangeDays[0] });
}

export function seekEnd(): void {
  drive({ t: app.rangeDays[1], playing: false });
  time.playing = false;
}

export function seek(day: number): void {
  const [start, end] = app.rangeDays;
  drive({ t: Math.min(end, Math.max(start, day)) });
}

/** Leaves playback: every incident in range shown in its final state. */
export function resetPlayback(): void {
  time.playing = false;
  clock.set({ ...clockState(), playing: false });
  time.playhead = null;
}

export function setSpeed(speed: number): void {
  time.speed = clampSpeed(speed);
  drive();
}

export function setLoop(loop: boolean): void {
  time.loop = loop;
  drive();
}

export function setCompressGaps(compress: boolean): void {
  time.compressGaps = compress;
  drive();
}

export function setCaptions(on: boolean): void {
  time.captions = on;
  drive();
}

export function setPauseAtIncidents(on: boolean): void {
  time.pauseAtIncidents = on;
  drive();
}

export function setMode(mode: PlaybackMode, windowDays = time.windowDays): void {
  time.mode = mode;
  time.windowDays = Math.max(1, Math.round(windowDays));
}

/** Sets the date range (inclusive days, null for open ends); the playhead is kept inside it. */
export function setRange(from: string | null, to: string | null): void {
  if (from && to && from > to) [from, to] = [to, from];
  time.from = from;
  time.to = to;
  if (time.playhead !== null) {
    const [start, end] = app.rangeDays;
    time.playhead = Math.min(end, Math.max(start, time.playhead));
  }
  drive();
}

/**
 * The user chose a range (a wave, the brush, the date boxes): its incidents are shown at
 * once in their final state, and the camera frames them. Play then starts at its first day.
 */
export function chooseRange(from: string | null, to: string | null): void {
  setRange(from, to);
  resetPlayback();
  frameSelection();
}

/** Zooms the timeline to [from, to] (inclusive days) or back out to all data with null. */
export function zoomTimeline(from: string | null, to: string | null): void {
  time.zoom = from && to ? [dayNumber(from), dayNumber(to) + 1] : null;
}

export function stopClock(): void {
  clock.dispose();
}
