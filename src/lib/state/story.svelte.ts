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
  // The playhead moves every frame; what is captioned changes a few times a playback. The same
  // captions (and tally) are handed on as the same object, so nothing downstream redraws meanwhile.
  #captions: CaptionStack = { ids: [], more: 0 };
  #tally: Tally | null = null;
  /** The captions at the playhead, the newest first. */
  captions = $derived.by<CaptionStack>(() => {
    const next = time.captions ? captionsAt(this.timeline, time.playhead, time.speed) : { ids: [], more: 0 };
    const last = this.#captions;
    if (next.more === last.more && next.ids.length === last.ids.length && next.ids.every((id, i) => id === last.ids[i])) return last;
    return (this.#captions = next);
  });
  tally = $derived.by<Tally | null>(() => {
    const next = time.captions && time.playhead !== null ? tallyAt(this.#index, time.playhead) : null;
    const last = this.#tally;
    if (next && last && next.attacks === last.attacks && next.strikes === last.strikes && next.uncertain === last.uncertain) return last;
    return (this.#tally = next);
  });

  incident(id: string): StoredIncident | undefined {
    return this.#byId.get(id);
  }
}

export const story = new StoryView();
