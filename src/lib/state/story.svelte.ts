/**
 * The story of the playback, derived from the selection and the playhead: the incidents
 * captioned now and the running tally (lib/story/story-captions.ts). Nothing when no
 * playhead is placed or when the reader turned captions off.
 */
import type { StoredIncident } from '../data/db';
import { captionsAt, storyTimeline, tallyAt, tallyIndex, type CaptionStack, type Tally } from '../story/story-captions';
import { incidentMoment } from '../timeline/incident-time';
import { app } from './app-state.svelte';
import { time } from './time-state.svelte';

class StoryView {
  timeline = $derived(storyTimeline(app.selection.map((i) => ({ id: i.id, moment: incidentMoment(i), kind: i.kind, status: i.status }))));
  #index = $derived(tallyIndex(this.timeline));
  #byId = $derived(new Map(app.selection.map((i) => [i.id, i] as const)));
  /** The captions at the playhead, the newest first. */
  captions = $derived<CaptionStack>(time.captions ? captionsAt(this.timeline, time.playhead, time.speed) : { ids: [], more: 0 });
  tally = $derived<Tally | null>(time.captions && time.playhead !== null ? tallyAt(this.#index, time.playhead) : null);

  incident(id: string): StoredIncident | undefined {
    return this.#byId.get(id);
  }
}

export const story = new StoryView();
