import { describe, expect, it } from 'vitest';
import { SHEET_BAR, sheetHeights, snapSheet, tapSheet } from './sheet-snap';

describe('sheetHeights', () => {
  it('keeps a bar when closed, a peek under half the map, and full height below the top', () => {
    const h = sheetHeights(640);
    expect(h.closed).toBe(SHEET_BAR);
    expect(h.peek).toBeGreaterThan(SHEET_BAR);
    expect(h.peek).toBeLessThan(320);
    expect(h.full).toBe(632);
  });
  it('never has a peek taller than full on a short map', () => {
    const h = sheetHeights(150);
    expect(h.peek).toBeLessThanOrEqual(h.full);
  });
});

describe('snapSheet', () => {
  const stage = 640;
  const h = sheetHeights(stage);
  it('goes to the nearest state on a slow release', () => {
    expect(snapSheet(h.peek + 20, 0, stage, 'peek')).toBe('peek');
    expect(snapSheet(h.full - 30, 0.1, stage, 'peek')).toBe('full');
    expect(snapSheet(SHEET_BAR + 10, -0.1, stage, 'peek')).toBe('closed');
  });
  it('goes one state on when flicked, in the flick direction', () => {
    expect(snapSheet(h.peek + 10, 1.2, stage, 'peek')).toBe('full');
    expect(snapSheet(h.peek - 10, -1.2, stage, 'peek')).toBe('closed');
    expect(snapSheet(h.closed + 5, 1, stage, 'closed')).toBe('peek');
  });
  it('does not go past the ends', () => {
    expect(snapSheet(h.full, 2, stage, 'full')).toBe('full');
    expect(snapSheet(h.closed, -2, stage, 'closed')).toBe('closed');
  });
});

describe('tapSheet', () => {
  it('opens a closed sheet to the peek and toggles between peek and full', () => {
    expect(tapSheet('closed')).toBe('peek');
    expect(tapSheet('peek')).toBe('full');
    expect(tapSheet('full')).toBe('peek');
  });
});
