import { describe, expect, it } from 'vitest';
import { arcPath, fanCurvature } from './arc-path';

describe('arcPath', () => {
  it('starts at the origin and ends at the target', () => {
    const path = arcPath([40.45, 35.02], [40.58, 35.15], 0.2);
    expect(path[0]).toEqual([40.45, 35.02]);
    expect(path.at(-1)![0]).toBeCloseTo(40.58, 10);
    expect(path.at(-1)![1]).toBeCloseTo(35.15, 10);
  });

  it('bends fire and return fire between two places to opposite sides', () => {
    const there = arcPath([40, 35], [41, 35], 0.3);
    const back = arcPath([41, 35], [40, 35], 0.3);
    const mid = there.length >> 1;
    expect(there[mid]![1]).toBeGreaterThan(35);
    expect(back[mid]![1]).toBeLessThan(35);
  });

  it('fans several arcs between the same places apart', () => {
    const first = arcPath([40, 35], [41, 35], fanCurvature(0));
    const second = arcPath([40, 35], [41, 35], fanCurvature(1));
    const mid = first.length >> 1;
    expect(second[mid]![1] - first[mid]![1]).toBeGreaterThan(0.03);
  });
});
