import { describe, expect, it } from 'vitest';
import type { ExportScene } from './export-scene';
import { videoPlan } from './video-export';
import { videoCues, vttTimestamp, webVtt } from './webvtt';
import type { CaptionText } from '../story/caption-text';

function caption(id: string): CaptionText {
  return { id, kind: 'attack-on-coalition', status: 'confirmed', heading: '4 Jul 2021 · Confirmed', title: `Rockets <b>${id}</b>`, source: 'Enab Baladi', lines: [{ text: 'Four rockets & a drone', lang: 'en' }, { text: '«أربعة صواريخ»', lang: 'ar' }] };
}

/** A scene of three incidents over twenty days, as the export panel would capture it. */
function createScene(): ExportScene {
  const timeline = [
    { id: 'a', moment: 1002 },
    { id: 'b', moment: 1002 },
    { id: 'c', moment: 1015.5 },
  ];
  return { range: [1000, 1020], stops: timeline.map((m) => m.moment), compressGaps: true, timeline, caption, dir: 'ltr' } as unknown as ExportScene;
}

describe('WebVTT subtitles', () => {
  it('write timestamps as hours, minutes, seconds and milliseconds', () => {
    expect(vttTimestamp(0)).toBe('00:00:00.000');
    expect(vttTimestamp(62.5)).toBe('00:01:02.500');
    expect(vttTimestamp(3723.004)).toBe('01:02:03.004');
  });

  it('have one cue per incident, starting at the first frame that shows it', () => {
    const scene = createScene();
    const options = { fps: 10, speed: 1 };
    const { frames, times } = videoPlan(scene, options);
    const cues = videoCues(scene, options);
    expect(cues.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    for (const cue of cues) {
      const moment = scene.timeline.find((m) => m.id === cue.id)!.moment;
      const first = times.starts.indexOf(cue.start);
      expect(first).toBeGreaterThan(0);
      expect(frames[first]!).toBeGreaterThanOrEqual(moment);
      expect(frames[first - 1]!).toBeLessThan(moment);
      // Each caption stays at least CAPTION_SECONDS (a frame before a skipped gap is held for it).
      expect(cue.end - cue.start).toBeGreaterThanOrEqual(3 - 1e-9);
    }
    // Two incidents of the same moment share their times.
    expect(cues[0]!.start).toBe(cues[1]!.start);
  });

  it('are text: markup in a caption is escaped, and the file starts with WEBVTT', () => {
    const text = webVtt(videoCues(createScene(), { fps: 10, speed: 1 }), 'en');
    expect(text.startsWith('WEBVTT\n')).toBe(true);
    expect(text).toContain('Rockets &lt;b&gt;a&lt;/b&gt;');
    expect(text).toContain('Four rockets &amp; a drone');
    expect(text).not.toContain('<b>');
    expect(text.match(/ --> /g)).toHaveLength(3);
  });
});
