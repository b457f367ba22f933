import { describe, expect, it } from 'vitest';
import { captionCueTimes, captionHoldDays, captionsAt, CAPTION_SECONDS, MAX_CAPTIONS, storyTimeline, tallyAt, tallyIndex, type Tallied } from './story-captions';
import { shorten } from './caption-text';

const timeline = storyTimeline<Tallied>([
  { id: 'c', moment: 110, kind: 'coalition-strike', status: 'confirmed' },
  { id: 'a', moment: 100, kind: 'attack-on-coalition', status: 'confirmed' },
  { id: 'b', moment: 104.5, kind: 'attack-on-coalition', status: 'disputed' },
  { id: 'd1', moment: 120, kind: 'attack-on-coalition', status: 'reported' },
  { id: 'd2', moment: 120, kind: 'claimed-attack', status: 'claimed' },
  { id: 'd3', moment: 120, kind: 'other-strike', status: 'reported' },
  { id: 'd4', moment: 120.2, kind: 'attack-on-coalition', status: 'denied' },
]);

describe('story captions', () => {
  it('show an incident from its moment for CAPTION_SECONDS of playback, longer in days at a higher speed', () => {
    expect(captionHoldDays(1)).toBe(CAPTION_SECONDS);
    expect(captionHoldDays(4)).toBe(CAPTION_SECONDS * 4);
    expect(captionsAt(timeline, 99.9, 1).ids).toEqual([]);
    expect(captionsAt(timeline, 100, 1).ids).toEqual(['a']);
    expect(captionsAt(timeline, 102.9, 1).ids).toEqual(['a']);
    expect(captionsAt(timeline, 103.1, 1).ids).toEqual([]);
    expect(captionsAt(timeline, 103.1, 2).ids).toEqual(['a']);
  });

  it('stack the incidents of one stretch, the newest first, and count those that do not fit', () => {
    expect(captionsAt(timeline, 105, 2).ids).toEqual(['b', 'a']);
    const busy = captionsAt(timeline, 120.5, 1);
    expect(busy.ids).toHaveLength(MAX_CAPTIONS);
    expect(busy.ids[0]).toBe('d4');
    expect(busy.more).toBe(1);
  });

  it('show nothing without a playhead', () => {
    expect(captionsAt(timeline, null, 1)).toEqual({ ids: [], more: 0 });
  });

  it('time a cue from the first video frame at or after the incident until its caption goes', () => {
    // Frames every 0.25 days at 4 fps (1 day per second): the incident of day 101 first shows in frame 4.
    const frames = Array.from({ length: 40 }, (_, i) => 100 + i * 0.25);
    expect(captionCueTimes(frames, 4, 101, 1)).toEqual([1, 4]);
    expect(captionCueTimes(frames, 4, 500, 1)).toBeNull();
  });
});

describe('running tally', () => {
  const index = tallyIndex(timeline);
  it('counts attacks on bases and strikes in return by the playhead, and how many of them are uncertain', () => {
    expect(tallyAt(index, 99)).toEqual({ attacks: 0, strikes: 0, uncertain: 0 });
    expect(tallyAt(index, 105)).toEqual({ attacks: 2, strikes: 0, uncertain: 1 });
    expect(tallyAt(index, 110)).toEqual({ attacks: 2, strikes: 1, uncertain: 1 });
    // Another party's strike is neither; a claim and a denial are attacks, and uncertain.
    expect(tallyAt(index, 121)).toEqual({ attacks: 5, strikes: 1, uncertain: 3 });
  });
});

describe('shorten', () => {
  it('cuts at a word boundary with an ellipsis, and leaves short text alone', () => {
    expect(shorten('  a short   text ', 40)).toBe('a short text');
    const cut = shorten('قال مصدر محلي إن أربعة صواريخ سقطت قرب حقل العمر النفطي مساء السبت', 30);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut).not.toMatch(/\s…$/);
  });
});
