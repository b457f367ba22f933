import { describe, expect, it } from 'vitest';
import { edgeMarkers, onBorder, type OffscreenTarget } from './edge-markers';

const rect = { left: 0, top: 0, right: 1000, bottom: 500 };

function createTarget(placeId: string, x: number, y: number, count = 1): OffscreenTarget {
  return { placeId, x, y, count };
}

describe('onBorder', () => {
  it('puts a point beyond the right edge on the right edge, along the ray from the centre', () => {
    expect(onBorder(rect, 2000, 250)).toEqual({ x: 1000, y: 250, side: 'right' });
    const above = onBorder(rect, 500, -1000);
    expect(above.side).toBe('top');
    expect(above.y).toBe(0);
  });
});

describe('edgeMarkers', () => {
  it('points each marker towards its incidents', () => {
    const [northEast] = edgeMarkers([createTarget('rmelan', 1400, -300)], rect);
    expect(northEast!.angle).toBeCloseTo(Math.atan2(-550, 900), 5);
    const [south] = edgeMarkers([createTarget('tanf', 500, 1500)], rect);
    expect(south!.side).toBe('bottom');
    expect(south!.angle).toBeCloseTo(Math.PI / 2, 5);
    expect(south!.x).toBeCloseTo(500, 5);
  });

  it('groups targets that land near each other on the border, most incidents first', () => {
    const markers = edgeMarkers([createTarget('rmelan', 1400, -300, 1), createTarget('malikiyah', 1450, -320, 2), createTarget('tanf', 300, 1500, 1)], rect);
    expect(markers).toHaveLength(2);
    const north = markers.find((m) => m.placeIds.includes('rmelan'))!;
    expect(north.placeIds).toEqual(['malikiyah', 'rmelan']);
    expect(north.count).toBe(3);
  });

  it('joins a group across a corner of the border', () => {
    // Just above and just right of the top-right corner: one direction, two sides.
    const markers = edgeMarkers([createTarget('a', 1010, -20), createTarget('b', 1030, 5)], rect);
    expect(markers).toHaveLength(1);
  });

  it('keeps targets in opposite directions apart', () => {
    expect(edgeMarkers([createTarget('w', -500, 250), createTarget('e', 1500, 250)], rect)).toHaveLength(2);
  });

  it('gives no marker when nothing is outside', () => {
    expect(edgeMarkers([], rect)).toEqual([]);
  });
});
