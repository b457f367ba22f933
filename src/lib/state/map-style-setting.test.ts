import { describe, expect, it } from 'vitest';
import { readMapStyleSetting } from './map-style-setting';

describe('readMapStyleSetting', () => {
  it('uses the offline basemap when no style is given', () => {
    expect(readMapStyleSetting('')).toEqual({ kind: 'bundled' });
    expect(readMapStyleSetting('?from=2021-01-01')).toEqual({ kind: 'bundled' });
    expect(readMapStyleSetting('?style=bundled')).toEqual({ kind: 'bundled' });
  });

  it('takes an absolute https style URL', () => {
    expect(readMapStyleSetting('?style=https%3A%2F%2Ftiles.example.org%2Fstyle.json')).toEqual({ kind: 'url', url: 'https://tiles.example.org/style.json' });
  });

  it('reports values that are not https URLs instead of using them', () => {
    expect(readMapStyleSetting('?style=http%3A%2F%2Ftiles.example.org%2Fstyle.json')).toEqual({ kind: 'invalid', value: 'http://tiles.example.org/style.json' });
    expect(readMapStyleSetting('?style=nonsense')).toEqual({ kind: 'invalid', value: 'nonsense' });
    expect(readMapStyleSetting('?style=javascript%3Aalert(1)')).toEqual({ kind: 'invalid', value: 'javascript:alert(1)' });
  });

  it('quotes at most 40 characters of an ignored value', () => {
    expect(readMapStyleSetting(`?style=${'s'.repeat(100_000)}`)).toEqual({ kind: 'invalid', value: `${'s'.repeat(40)}…` });
  });
});
