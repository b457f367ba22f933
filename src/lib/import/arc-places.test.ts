import { describe, expect, it } from 'vitest';
import { ArcPlaceTally, MAX_ARC_PLACES } from './arc-places';

describe('the named ends of imported arcs', () => {
  it('makes one place per name, at the mean of its points, the most used first', () => {
    const tally = new ArcPlaceTally();
    tally.add('Conoco', 40.3, 35.3, 'target');
    tally.add(' conoco ', 40.32, 35.32, 'target');
    tally.add('al-Mayadin', 40.45, 35.02, 'origin');
    expect(tally.list()).toEqual([
      { name: { en: 'Conoco', ar: 'Conoco' }, lon: 40.31, lat: 35.31, role: 'target', arcs: 2 },
      { name: { en: 'al-Mayadin', ar: 'al-Mayadin' }, lon: 40.45, lat: 35.02, role: 'origin', arcs: 1 },
    ].map((p) => ({ ...p, lon: expect.closeTo(p.lon, 5), lat: expect.closeTo(p.lat, 5) })));
  });

  it('keeps no coordinate without a name, and tells two far-apart places of one name apart', () => {
    const tally = new ArcPlaceTally();
    tally.add('', 40.3, 35.3, 'target');
    tally.add('   ', 40.3, 35.3, 'origin');
    tally.add('Hajin', 40.8, 34.7, 'target');
    tally.add('Hajin', 36.0, 36.0, 'origin');
    expect(tally.list().map((p) => [p.name.en, p.role])).toEqual([
      ['Hajin', 'target'],
      ['Hajin', 'origin'],
    ]);
  });

  it('names a gazetteer place in both languages, and keeps the most used at most', () => {
    const tally = new ArcPlaceTally();
    const omar = { id: 'al-omar', name: { en: 'al-Omar oil field', ar: 'حقل العمر' }, altNames: [], lon: 40.57, lat: 35.15 };
    tally.add('العمر', 40.57, 35.15, 'target', omar);
    for (let i = 0; i < MAX_ARC_PLACES + 10; i++) tally.add(`site ${i}`, 38 + i * 0.3, 35, 'origin');
    const list = tally.list();
    expect(list).toHaveLength(MAX_ARC_PLACES);
    expect(list.find((p) => p.placeId === 'al-omar')).toMatchObject({ name: { en: 'al-Omar oil field', ar: 'حقل العمر' }, role: 'target' });
  });
});
