import { describe, expect, it } from 'vitest';
import { advance, PlaybackClock, skipGap, stepBack, stepForward, type ClockDriver, type ClockState } from './playback-clock';

function createState(patch: Partial<ClockState> = {}): ClockState {
  return { t: 100, playing: true, speed: 1, loop: false, compressGaps: false, start: 100, end: 200, ...patch };
}

/** A clock driver whose time and frames the test moves by hand. */
function createManualDriver() {
  let now = 0;
  const frames = new Map<number, () => void>();
  let next = 1;
  const driver: ClockDriver = {
    now: () => now,
    requestFrame: (cb) => {
      frames.set(next, cb);
      return next++;
    },
    cancelFrame: (h) => void frames.delete(h),
  };
  return {
    driver,
    /** Moves time on by `ms` and runs the pending frame. */
    frame(ms: number) {
      now += ms;
      const pending = [...frames.entries()];
      frames.clear();
      for (const [, cb] of pending) cb();
    },
    pendingFrames: () => frames.size,
  };
}

describe('advance', () => {
  it('moves one day per second at 1× and sixteen at 16×', () => {
    expect(advance(createState(), 2, []).t).toBe(102);
    expect(advance(createState({ speed: 16 }), 0.5, []).t).toBe(108);
    expect(advance(createState({ speed: 0.25 }), 4, []).t).toBe(101);
  });

  it('clamps speeds beyond the allowed range', () => {
    expect(advance(createState({ speed: 100 }), 1, []).t).toBe(116);
    expect(advance(createState({ speed: 0 }), 4, []).t).toBe(101);
  });

  it('does nothing while paused', () => {
    const paused = createState({ playing: false });
    expect(advance(paused, 10, [])).toBe(paused);
  });

  it('stops at the end of the range, or loops back to its start', () => {
    expect(advance(createState({ t: 199 }), 5, [])).toMatchObject({ t: 200, playing: false });
    expect(advance(createState({ t: 199, loop: true }), 5, [])).toMatchObject({ t: 100, playing: true });
  });

  it('skips quiet stretches when gaps are compressed', () => {
    const stops = [101, 150];
    // At 103 it is 2 days past the last incident and 47 before the next: jump to 1.5 days before it.
    expect(advance(createState({ t: 102.5, compressGaps: true }), 0.5, stops).t).toBe(148.5);
    expect(advance(createState({ t: 102.5, compressGaps: false }), 0.5, stops).t).toBe(103);
  });

  it('does not skip near an incident', () => {
    expect(skipGap(101.5, [101, 150], 200)).toBe(101.5);
    expect(skipGap(149, [101, 150], 200)).toBe(149);
  });

  it('keeps the days a caption is read after an incident out of a skipped gap', () => {
    // Three days of caption after the incident of day 101: no jump at 103, a jump at 104.5.
    expect(advance(createState({ t: 102.5, compressGaps: true, holdDays: 3 }), 0.5, [101, 150]).t).toBe(103);
    expect(advance(createState({ t: 104, compressGaps: true, holdDays: 3 }), 0.5, [101, 150]).t).toBe(148.5);
  });

  it('stops on each incident reached when asked to, and goes on from it when played again', () => {
    const stops = [101, 101, 103, 150];
    const stopped = advance(createState({ t: 100, pauseAtStops: true }), 2, stops);
    expect(stopped).toMatchObject({ t: 101, playing: false });
    // Played again from there: the incidents of the same moment are not stopped at twice.
    const next = advance({ ...stopped, playing: true }, 3, stops);
    expect(next).toMatchObject({ t: 103, playing: false });
    // Without the option the clock runs through.
    expect(advance(createState({ t: 100 }), 4, stops)).toMatchObject({ t: 104, playing: true });
  });
});

describe('stepping', () => {
  const stops = [110, 120, 130];
  it('steps to the next and previous incident', () => {
    expect(stepForward(createState({ t: 100 }), stops).t).toBe(110);
    expect(stepForward(createState({ t: 110 }), stops).t).toBe(120);
    expect(stepBack(createState({ t: 125 }), stops).t).toBe(120);
    expect(stepBack(createState({ t: 120 }), stops).t).toBe(110);
  });
  it('stays put past the last or before the first', () => {
    expect(stepForward(createState({ t: 130 }), stops).t).toBe(130);
    expect(stepBack(createState({ t: 110 }), stops).t).toBe(110);
  });
  it('does not step outside the range', () => {
    expect(stepForward(createState({ t: 120, end: 125 }), stops).t).toBe(120);
  });
});

describe('PlaybackClock', () => {
  it('advances once per frame from the injected time source', () => {
    const manual = createManualDriver();
    const seen: number[] = [];
    const clock = new PlaybackClock(createState({ playing: false }), (s) => seen.push(s.t), manual.driver);
    clock.set({ playing: true, speed: 2 });
    manual.frame(500);
    manual.frame(500);
    expect(clock.state.t).toBe(102);
    expect(seen).toEqual([100, 101, 102]);
  });

  it('stops requesting frames when paused or at the end', () => {
    const manual = createManualDriver();
    const clock = new PlaybackClock(createState({ playing: false, t: 199 }), () => {}, manual.driver);
    clock.set({ playing: true });
    expect(manual.pendingFrames()).toBe(1);
    manual.frame(2000);
    expect(clock.state).toMatchObject({ t: 200, playing: false });
    expect(manual.pendingFrames()).toBe(0);
  });

  it('takes a change without reporting it when asked to (a speed set while nothing plays leaves no playhead)', () => {
    const manual = createManualDriver();
    const seen: number[] = [];
    const clock = new PlaybackClock(createState({ playing: false }), (s) => seen.push(s.t), manual.driver);
    clock.set({ speed: 4, t: 150 }, false);
    expect(seen).toEqual([]);
    expect(clock.state).toMatchObject({ speed: 4, t: 150 });
    expect(manual.pendingFrames()).toBe(0);
  });
});
