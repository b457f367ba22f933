/**
 * The playback clock: where the playhead is (in days since TIME_ORIGIN) and how it moves.
 * `advance` is a pure function of the clock and the wall time elapsed; `PlaybackClock`
 * drives it with an injectable time source and frame scheduler, so tests need no real time.
 */

/** Cumulative: everything up to the playhead; window: only the last N days. */
export type PlaybackMode = 'cumulative' | 'window';

/** Days of data time per second of wall time at speed 1×. */
export const DAYS_PER_SECOND = 1;
/** With gap compression, quiet stretches longer than twice this are skipped, leaving this much either side. */
export const GAP_PADDING_DAYS = 1.5;
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 16;

export interface ClockState {
  /** Playhead, days since TIME_ORIGIN. */
  t: number;
  playing: boolean;
  speed: number;
  loop: boolean;
  compressGaps: boolean;
  /** Playback range [start, end] in days. */
  start: number;
  end: number;
  /** Stop at each incident moment reached, until play is pressed again. */
  pauseAtStops?: boolean;
  /** Days after an incident that a quiet gap is never skipped (a caption being read). */
  holdDays?: number;
}

export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}

/** First index in sorted `stops` whose value is > t. */
function upperBound(stops: readonly number[], t: number): number {
  let lo = 0;
  let hi = stops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stops[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where the playhead lands when it enters a quiet stretch: the start of the padding
 * before the next incident, if the gap is long enough to be worth skipping.
 */
export function skipGap(t: number, stops: readonly number[], end: number, holdDays = 0): number {
  const i = upperBound(stops, t);
  const previous = i > 0 ? stops[i - 1]! : -Infinity;
  const next = i < stops.length ? stops[i]! : end + GAP_PADDING_DAYS;
  if (t - previous > Math.max(GAP_PADDING_DAYS, holdDays) && next - t > GAP_PADDING_DAYS) return Math.max(t, next - GAP_PADDING_DAYS);
  return t;
}

/** The clock after `seconds` of wall time; `stops` are the incident moments, sorted. */
export function advance(state: ClockState, seconds: number, stops: readonly number[]): ClockState {
  if (!state.playing || seconds <= 0) return state;
  let t = state.t + seconds * DAYS_PER_SECOND * clampSpeed(state.speed);
  if (state.pauseAtStops) {
    // The first incident reached on the way: stop on it.
    const next = stops[upperBound(stops, state.t)];
    if (next !== undefined && next <= t && next <= state.end) return { ...state, t: next, playing: false };
  }
  if (state.compressGaps) t = skipGap(t, stops, state.end, state.holdDays);
  if (t >= state.end) {
    if (state.loop) return { ...state, t: state.start };
    return { ...state, t: state.end, playing: false };
  }
  return { ...state, t };
}

/** The next incident moment after the playhead (or the playhead itself when none). */
export function stepForward(state: ClockState, stops: readonly number[]): ClockState {
  const i = upperBound(stops, state.t + 1e-6);
  const next = stops[i];
  return next === undefined || next > state.end ? state : { ...state, t: next };
}

/** The previous incident moment before the playhead (or the playhead itself when none). */
export function stepBack(state: ClockState, stops: readonly number[]): ClockState {
  const i = upperBound(stops, state.t - 1e-6) - 1;
  const previous = i >= 0 ? stops[i] : undefined;
  return previous === undefined || previous < state.start ? state : { ...state, t: previous };
}

export interface ClockDriver {
  /** Milliseconds from any fixed point (performance.now in the browser). */
  now(): number;
  /** Calls back before the next frame; returns a handle for cancel. */
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
}

export const browserClockDriver: ClockDriver = {
  now: () => performance.now(),
  requestFrame: (callback) => requestAnimationFrame(() => callback()),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
};

/** Runs `advance` once per frame while playing and reports each new state. */
export class PlaybackClock {
  #state: ClockState;
  #stops: readonly number[] = [];
  #frame: number | null = null;
  #last = 0;

  constructor(
    initial: ClockState,
    private readonly onChange: (state: ClockState) => void,
    private readonly driver: ClockDriver = browserClockDriver,
  ) {
    this.#state = initial;
  }

  get state(): ClockState {
    return this.#state;
  }

  setStops(stops: readonly number[]): void {
    this.#stops = stops;
  }

  /**
   * Replaces the state (seek, speed, range, ...) and starts or stops the frame loop to match.
   * `notify: false` keeps the change to the clock (a speed or range set while nothing plays).
   */
  set(patch: Partial<ClockState>, notify = true): void {
    this.#state = { ...this.#state, ...patch };
    if (notify) this.onChange(this.#state);
    this.#sync();
  }

  /** Advances by the wall time since the last frame; called by the frame loop (and by tests). */
  tick(): void {
    const now = this.driver.now();
    const seconds = (now - this.#last) / 1000;
    this.#last = now;
    const next = advance(this.#state, seconds, this.#stops);
    if (next !== this.#state) {
      this.#state = next;
      this.onChange(next);
    }
  }

  dispose(): void {
    if (this.#frame !== null) this.driver.cancelFrame(this.#frame);
    this.#frame = null;
  }

  #sync(): void {
    if (this.#state.playing && this.#frame === null) {
      this.#last = this.driver.now();
      this.#schedule();
    } else if (!this.#state.playing) this.dispose();
  }

  #schedule(): void {
    this.#frame = this.driver.requestFrame(() => {
      this.#frame = null;
      this.tick();
      if (this.#state.playing) this.#schedule();
    });
  }
}
