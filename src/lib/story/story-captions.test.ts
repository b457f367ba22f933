import { describe, expect, it } from 'vitest';
import { captionCueTimes, captionHoldDays, captionsAt, CAPTION_SECONDS, frameTimes, MAX_CAPTIONS, storyTimeline, tallyAt, tallyIndex, type Tallied } from './story-captions';
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

  it('hold a video frame after which a caption would go unread, and time its cue from its first frame', () => {
    // Frames every 0.25 days at 4 fps (1 day a second); after day 101.5 the playhead jumps to 110.
    const frames = [...Array.from({ length: 7 }, (_, i) => 100 + i * 0.25), 110, 110.25];
    const one = [{ id: 'x', moment: 101 }];
    const times = frameTimes(frames, 4, one, 1);
    // Frame 4 (day 101) shows the caption first; frame 6 (101.5) is the last before the jump: held
    // until the caption has been read for CAPTION_SECONDS.
    expect(times.starts.slice(0, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(times.durations[6]).toBeCloseTo(CAPTION_SECONDS - 0.5, 9);
    expect(times.durations.filter((d, i) => i !== 6).every((d) => d === 0.25)).toBe(true);
    expect(captionCueTimes(frames, times, 101, 1)).toEqual([1, 1 + CAPTION_SECONDS]);
    expect(captionCueTimes(frames, times, 500, 1)).toBeNull();
    // No caption to read: every frame lasts 1/fps.
    expect(frameTimes(frames, 4, [], 1).total).toBe(frames.length / 4);
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
