import { describe, expect, it } from 'vitest';
import { checkRange } from './range-check';
import { weaponRangeOf } from './weapon-ranges';

const mayadin = { lon: 40.45346, lat: 35.02089, uncertaintyKm: 2 };
const omar = { lon: 40.57583, lat: 35.15167, uncertaintyKm: 1 };
const tanf = { lon: 38.61778, lat: 33.50583, uncertaintyKm: 3 };

describe('weaponRangeOf', () => {
  it('knows 107 mm and 122 mm rockets by calibre or by name', () => {
    expect(weaponRangeOf({ weapon: 'rockets', calibreMm: 107, weaponDetail: '' })?.km).toBe(8.5);
    expect(weaponRangeOf({ weapon: 'rockets', weaponDetail: '107 mm rockets' })?.id).toBe('rocket-107');
    expect(weaponRangeOf({ weapon: 'rockets', weaponDetail: 'Grad rockets' })?.id).toBe('rocket-122');
  });
  it('gives unspecified mortars the 120 mm figure', () => {
    expect(weaponRangeOf({ weapon: 'mortar', weaponDetail: 'mortar shells' })?.id).toBe('mortar-120');
  });
  it('has no fixed range for drones, airstrikes or rockets of unknown calibre', () => {
    expect(weaponRangeOf({ weapon: 'drone', weaponDetail: '' })).toBeNull();
    expect(weaponRangeOf({ weapon: 'airstrike', weaponDetail: '' })).toBeNull();
    expect(weaponRangeOf({ weapon: 'rockets', weaponDetail: 'rocket shells' })).toBeNull();
  });
});

describe('checkRange', () => {
  it('accepts a 122 mm launch from al-Mayadin at al-Omar (about 18 km)', () => {
    const check = checkRange({ weapon: 'rockets', calibreMm: 122, weaponDetail: '' }, mayadin, omar)!;
    expect(check.distanceKm).toBeGreaterThan(17);
    expect(check.distanceKm).toBeLessThan(19);
    expect(check.beyondRange).toBe(false);
  });

  it('flags a 107 mm launch from al-Mayadin at al-Omar as beyond range', () => {
    expect(checkRange({ weapon: 'rockets', calibreMm: 107, weaponDetail: '' }, mayadin, omar)?.beyondRange).toBe(true);
  });

  it('gives the benefit of the places\' uncertainty', () => {
    const wide = { ...mayadin, uncertaintyKm: 12 };
    expect(checkRange({ weapon: 'rockets', calibreMm: 107, weaponDetail: '' }, wide, omar)?.beyondRange).toBe(false);
  });

  it('has nothing to say without an origin or a known range', () => {
    expect(checkRange({ weapon: 'rockets', calibreMm: 107, weaponDetail: '' }, undefined, omar)).toBeNull();
    expect(checkRange({ weapon: 'drone', weaponDetail: '' }, mayadin, tanf)).toBeNull();
  });
});
