import { describe, expect, it } from 'vitest';
import { matchesQuery, normalizeText } from './normalize-text';

describe('normalizeText (Arabic)', () => {
  it('ignores diacritics and tatweel', () => {
    expect(normalizeText('المَيَادِين')).toBe(normalizeText('الميادين'));
    expect(normalizeText('صـــواريخ')).toBe('صواريخ');
    expect(normalizeText('قُصِفَتْ')).toBe('قصفت');
  });

  it('treats the alef forms alike', () => {
    for (const form of ['أمريكية', 'إمريكية', 'آمريكية', 'ٱمريكية']) expect(normalizeText(form)).toBe('امريكيه');
  });

  it('treats ya and alef maqsura, ta marbuta and ha alike', () => {
    expect(normalizeText('مستشفى')).toBe(normalizeText('مستشفي'));
    expect(normalizeText('القرية الخضراء')).toBe(normalizeText('القريه الخضراء'));
  });

  it('reads Arabic-Indic digits as digits', () => {
    expect(normalizeText('١٠٧ ملم')).toBe('107 ملم');
  });
});

describe('normalizeText (Latin)', () => {
  it('folds case, accents and apostrophes', () => {
    expect(normalizeText("Al-Qa'im")).toBe('al qa im');
    expect(normalizeText('Ālbū Kamāl')).toBe('albu kamal');
    expect(normalizeText('Mu‘ayzila')).toBe('mu ayzila');
  });
});

describe('matchesQuery', () => {
  it('needs every word of the query, in any order', () => {
    const hay = normalizeText('Rocket attack on the al-Omar base from al-Mayadin');
    expect(matchesQuery(hay, 'mayadin rocket')).toBe(true);
    expect(matchesQuery(hay, 'mayadin drone')).toBe(false);
  });

  it('finds Arabic text typed with or without marks and hamza', () => {
    const hay = normalizeText('قصف صاروخي مصدره الميليشيات الإيرانية المتمركزة في مدينة الميادين');
    expect(matchesQuery(hay, 'الايرانيه')).toBe(true);
    expect(matchesQuery(hay, 'المَيادين')).toBe(true);
  });
});

describe('normalizeText (Persian letters and digits)', () => {
  it('folds Persian kaf and ya, and Persian and Arabic-Indic digits', () => {
    expect(normalizeText('کونیکو')).toBe(normalizeText('كونيكو'));
    expect(normalizeText('۱۰۷ ملم')).toBe('107 ملم');
    expect(normalizeText('٢٠٢٤')).toBe('2024');
    expect(matchesQuery(normalizeText('قاعدة كونيكو'), 'کونیکو')).toBe(true);
  });
});
