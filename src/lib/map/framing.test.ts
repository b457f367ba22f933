import { describe, expect, it } from 'vitest';
import type { LonLat } from './incident-geometry';
import { boundsOf, distanceKm, framePaddings, incidentsBetween, NO_COVER, theatreBounds, type FramedIncident } from './framing';

const AL_OMAR: LonLat = [40.576, 35.152];
const AL_MAYADIN: LonLat = [40.453, 35.021];
const CONOCO: LonLat = [40.309, 35.336];
const AL_TANF: LonLat = [38.618, 33.506];
const RMELAN: LonLat = [41.998, 36.898];

function createFramed(id: string, target: LonLat, origin: LonLat | null = null, moment = 0, targetId = target.join(',')): FramedIncident {
  return { id, moment, targetId, points: origin ? [origin, target] : [target] };
}

describe('boundsOf', () => {
  it('spans the points, and is null for none', () => {
    expect(boundsOf([AL_OMAR, AL_TANF])).toEqual([38.618, 33.506, 40.576, 35.152]);
    expect(boundsOf([])).toBeNull();
  });
});

describe('distanceKm', () => {
  it('measures al-Mayadin to al-Omar at about 18 km', () => {
    expect(distanceKm(AL_MAYADIN, AL_OMAR)).toBeGreaterThan(17);
    expect(distanceKm(AL_MAYADIN, AL_OMAR)).toBeLessThan(19.5);
  });
});

describe('theatreBounds', () => {
  it('frames the dense cluster and leaves out the incidents far from it', () => {
    const items = [
      createFramed('a', AL_OMAR, AL_MAYADIN),
      createFramed('b', AL_OMAR, AL_MAYADIN),
      createFramed('c', CONOCO),
      createFramed('d', AL_TANF),
      createFramed('e', RMELAN),
    ];
    const [west, south, east, north] = theatreBounds(items)!;
    expect(west).toBeCloseTo(CONOCO[0]);
    expect(north).toBeCloseTo(CONOCO[1]);
    expect(east).toBeCloseTo(AL_OMAR[0]);
    expect(south).toBeCloseTo(AL_MAYADIN[1]);
  });

  it('keeps an incident out when any of its points lies beyond the radius', () => {
    const items = [createFramed('a', AL_OMAR), createFramed('b', AL_OMAR), createFramed('c', AL_OMAR, AL_TANF)];
    expect(theatreBounds(items)).toEqual([AL_OMAR[0], AL_OMAR[1], AL_OMAR[0], AL_OMAR[1]]);
  });

  it('is null with no incident', () => {
    expect(theatreBounds([])).toBeNull();
  });
});

describe('incidentsBetween', () => {
  it('finds the incidents of a time window in a list sorted by moment', () => {
    const items = [0, 1, 2, 3, 4, 5].map((m) => createFramed(`i${m}`, AL_OMAR, null, m));
    expect(incidentsBetween(items, 1.5, 4).map((i) => i.moment)).toEqual([2, 3, 4]);
    expect(incidentsBetween(items, 9, 10)).toEqual([]);
  });
});

describe('framePaddings', () => {
  it('keeps the date at the top clear, and shrinks on a small map', () => {
    const [large] = framePaddings(1000, 600);
    expect(large!.top).toBeGreaterThan(large!.bottom);
    const [small] = framePaddings(360, 300);
    expect(small!.left + small!.right).toBeLessThan(360 / 3);
    expect(small!.top + small!.bottom).toBeLessThan(300 / 2);
  });

  it('adds a panel covering one side to that side', () => {
    const [plain] = framePaddings(1000, 600);
    const [covered] = framePaddings(1000, 600, { ...NO_COVER, right: 384 });
    expect(covered!.right - plain!.right).toBe(384);
    expect(covered!.left).toBe(plain!.left);
  });

  it('offers to keep clear of an open legend either above it or beside it', () => {
    const options = framePaddings(1000, 600, { left: 0, right: 0, legend: { width: 420, height: 200, side: 'right' } });
    expect(options).toHaveLength(2);
    const [above, beside] = options;
    expect(above!.bottom).toBeGreaterThanOrEqual(200);
    expect(beside!.right).toBeGreaterThanOrEqual(420);
    expect(beside!.bottom).toBeLessThan(200);
  });
});
