import { describe, expect, it } from 'vitest';
import type { FramedIncident } from './framing';
import { currentIncidents, FOLLOW, followZoom, leavesView, mayMove } from './follow-camera';

const rect = { left: 0, top: 0, right: 1000, bottom: 600 };

function createFramed(moment: number): FramedIncident {
  return { id: `i${moment}`, moment, targetId: 't', points: [[40, 35]] };
}

describe('currentIncidents', () => {
  const items = [10, 11, 12, 20, 40].map(createFramed);

  it('counts what landed in the last moments and what lands within the next second and a half of playback', () => {
    expect(currentIncidents(items, 11.5, 1).map((i) => i.moment)).toEqual([11, 12]);
  });

  it('looks further ahead at a higher speed, so the camera arrives before the fire', () => {
    expect(currentIncidents(items, 11.5, 16).map((i) => i.moment)).toEqual([11, 12, 20]);
  });
});

describe('leavesView', () => {
  it('is false for points well inside, true near or beyond an edge', () => {
    expect(leavesView([{ x: 500, y: 300 }], rect)).toBe(false);
    expect(leavesView([{ x: 500, y: 300 }, { x: 995, y: 300 }], rect)).toBe(true);
    expect(leavesView([{ x: -50, y: 300 }], rect)).toBe(true);
  });
});

describe('followZoom', () => {
  it('zooms out as far as the action needs', () => {
    expect(followZoom(8, 6.5)).toBe(6.5);
  });

  it('keeps the zoom when a little closer would do: a pan is calmer', () => {
    expect(followZoom(7, 8)).toBe(7);
  });

  it('comes closer only when the action would fit well closer, and by two levels at most', () => {
    expect(followZoom(5, 8)).toBe(7);
    expect(followZoom(6, 7.6)).toBe(7.6);
    expect(followZoom(8, 12)).toBe(FOLLOW.maxZoom);
  });
});

describe('mayMove', () => {
  it('lets the camera move again only after the minimum interval', () => {
    expect(mayMove(1000, -Infinity)).toBe(true);
    expect(mayMove(1000 + FOLLOW.minIntervalMs - 1, 1000)).toBe(false);
    expect(mayMove(1000 + FOLLOW.minIntervalMs, 1000)).toBe(true);
  });
});
