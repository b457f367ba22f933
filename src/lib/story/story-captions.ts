/**
 * Which incidents are captioned at a playhead, and the running tally: pure functions of the
 * playhead and the playback speed, so the screen and a video export (which moves the
 * playhead itself, frame by frame) show the same captions at the same moments. No timer.
 *
 * A caption appears when its incident happens and stays for CAPTION_SECONDS of playback
 * (so longer in data days at a higher speed). Several at once are stacked, the newest
 * first, at most MAX_CAPTIONS; the rest are counted ("2 more").
 */
import { clampSpeed, DAYS_PER_SECOND } from '../timeline/playback-clock';
import type { IncidentKind, Status } from '../data/vocabulary';

/** Seconds of playback a caption stays on screen. */
export const CAPTION_SECONDS = 3;
/** Captions shown at once; older ones are counted. */
export const MAX_CAPTIONS = 3;

/** How long a caption stays, in data days, at a playback speed. */
export function captionHoldDays(speed: number): number {
  return CAPTION_SECONDS * DAYS_PER_SECOND * clampSpeed(speed);
}

/** An incident as the captions need it: its moment (days since TIME_ORIGIN). */
export interface Moment {
  id: string;
  moment: number;
}

export interface CaptionStack {
  /** Ids of the incidents captioned, the newest first. */
  ids: string[];
  /** Incidents of the same stretch left out (older than those shown). */
  more: number;
}

/** First index in `timeline` (sorted by moment) whose moment is > t. */
function after(timeline: readonly Moment[], t: number): number {
  let lo = 0;
  let hi = timeline.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timeline[mid]!.moment <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sorts incidents' moments for `captionsAt` and `tallyAt` (ties keep their order). */
export function storyTimeline<T extends Moment>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.moment - b.moment);
}

/** The captions at playhead `t` (null: no playback, no caption). */
export function captionsAt(timeline: readonly Moment[], t: number | null, speed: number): CaptionStack {
  if (t === null) return { ids: [], more: 0 };
  const hold = captionHoldDays(speed);
  const end = after(timeline, t);
  let start = end;
  while (start > 0 && timeline[start - 1]!.moment > t - hold) start--;
  const live = timeline.slice(start, end).reverse();
  return { ids: live.slice(0, MAX_CAPTIONS).map((m) => m.id), more: Math.max(0, live.length - MAX_CAPTIONS) };
}

/** When each frame of a video starts and how long it shows, in seconds. */
export interface FrameTimes {
  starts: number[];
  durations: number[];
  /** Seconds of all the frames. */
  total: number;
}

/**
 * The timing of a video's frames (frame i at playhead frames[i]): 1/fps each, except a frame
 * after which a caption would go before it has been read for CAPTION_SECONDS (a quiet gap
 * skipped, or the end): that frame is held until it has. The playhead does not move while
 * held, so the hold costs one encoded frame, not a run of frames of empty days.
 */
export function frameTimes(frames: readonly number[], fps: number, timeline: readonly Moment[], speed: number): FrameTimes {
  const step = 1 / fps;
  const starts: number[] = [];
  const durations: number[] = [];
  const shownFrom = new Map<string, number>();
  let now = 0;
  let current = new Set(captionsAt(timeline, frames[0] ?? null, speed).ids);
  for (let i = 0; i < frames.length; i++) {
    starts.push(now);
    for (const id of current) if (!shownFrom.has(id)) shownFrom.set(id, now);
    const next = i + 1 < frames.length ? new Set(captionsAt(timeline, frames[i + 1]!, speed).ids) : new Set<string>();
    let duration = step;
    for (const id of current)
      if (!next.has(id)) duration = Math.max(duration, CAPTION_SECONDS - (now - shownFrom.get(id)!));
    durations.push(duration);
    now += duration;
    current = next;
  }
  return { starts, durations, total: now };
}

/** When a caption is shown in a video with these frame times: [start, end] in seconds, or null if never. */
export function captionCueTimes(frames: readonly number[], times: FrameTimes, moment: number, speed: number): [number, number] | null {
  const hold = captionHoldDays(speed);
  let first = -1;
  let last = -1;
  for (let i = 0; i < frames.length; i++) {
    const t = frames[i]!;
    if (t >= moment && t < moment + hold) {
      if (first < 0) first = i;
      last = i;
    } else if (first >= 0) break;
  }
  if (first < 0) return null;
  return [times.starts[first]!, times.starts[last]! + times.durations[last]!];
}

/** An incident as the tally counts it. */
export interface Tallied extends Moment {
  kind: IncidentKind;
  status: Status;
}

export interface Tally {
  /** Attacks on US or coalition bases (reported or claimed) by the playhead. */
  attacks: number;
  /** US or coalition strikes by the playhead. */
  strikes: number;
  /** Of those, how many are only claimed, disputed or denied. */
  uncertain: number;
}

/** Running counts over a story timeline, so that the tally at any playhead is one binary search. */
export interface TallyIndex {
  moments: Float64Array;
  /** Counts up to and including each incident. */
  attacks: Int32Array;
  strikes: Int32Array;
  uncertain: Int32Array;
}

const UNCERTAIN: ReadonlySet<Status> = new Set(['claimed', 'disputed', 'denied']);

export function tallyIndex(timeline: readonly Tallied[]): TallyIndex {
  const n = timeline.length;
  const index: TallyIndex = { moments: new Float64Array(n), attacks: new Int32Array(n), strikes: new Int32Array(n), uncertain: new Int32Array(n) };
  let attacks = 0;
  let strikes = 0;
  let uncertain = 0;
  timeline.forEach(({ moment, kind, status }, i) => {
    const attack = kind === 'attack-on-coalition' || kind === 'claimed-attack';
    const strike = kind === 'coalition-strike';
    if (attack) attacks++;
    if (strike) strikes++;
    if ((attack || strike) && (kind === 'claimed-attack' || UNCERTAIN.has(status))) uncertain++;
    index.moments[i] = moment;
    index.attacks[i] = attacks;
    index.strikes[i] = strikes;
    index.uncertain[i] = uncertain;
  });
  return index;
}

/** The running tally at playhead `t`: what has happened by then. */
export function tallyAt(index: TallyIndex, t: number): Tally {
  let lo = 0;
  let hi = index.moments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.moments[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return { attacks: 0, strikes: 0, uncertain: 0 };
  return { attacks: index.attacks[lo - 1]!, strikes: index.strikes[lo - 1]!, uncertain: index.uncertain[lo - 1]! };
}
