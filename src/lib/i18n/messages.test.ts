import { describe, expect, it } from 'vitest';
import { ar } from './messages-ar';
import { en } from './messages-en';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface strings', () => {
  it('exist in both languages, with the same keys', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
  });

  it('are never empty', () => {
    for (const [key, value] of [...Object.entries(en), ...Object.entries(ar)]) expect(value.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(placeholders(ar[key]), key).toEqual(placeholders(en[key]));
  });

  it('are translated: Arabic strings are written in Arabic script', () => {
    // Key names and the name of the other language may stay Latin; everything else must not.
    const latinAllowed = new Set(['app.language', 'panel.countRange']);
    for (const [key, value] of Object.entries(ar)) {
      // Format names and sizes (WebM, MP4, 1920×1080) read the same in both languages.
      if (latinAllowed.has(key) || /^(WebM|MP4|PNG|CSV|GeoJSON|JSON|\d+ ?× ?\d+|\d+×)(\s*\u200f?\s*\([\w. ]+\))?$/.test(value)) continue;
      expect(/[\u0600-\u06FF]/.test(value), `${key}: ${value}`).toBe(true);
    }
  });
});
