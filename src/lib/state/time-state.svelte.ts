/**
 * Time as the user controls it: the date range (brush), the playhead and how it moves,
 * and how far the timeline is zoomed. Plain state; actions live in playback.svelte.ts.
 */
import type { PlaybackMode } from './url-state';

class TimeState {
  /** Selected range, inclusive YYYY-MM-DD days; null ends mean "from the first" / "to the last". */
  from = $state<string | null>(null);
  to = $state<string | null>(null);
  /** Playhead in days since TIME_ORIGIN; null before any playback (everything in its final state). */
  playhead = $state<number | null>(null);
  playing = $state(false);
  speed = $state(1);
  mode = $state<PlaybackMode>('cumulative');
  windowDays = $state(14);
  loop = $state(false);
  compressGaps = $state(true);
  /** Story captions and the running tally during playback (on by default). */
  captions = $state(true);
  /** Playback stops at each incident until the reader goes on. */
  pauseAtIncidents = $state(false);
  /** Days shown by the timeline, or null for the whole data. */
  zoom = $state.raw<[number, number] | null>(null);
}

export const time = new TimeState();
