import { beforeAll, describe, expect, it } from 'vitest';
import { loadImportMessages, loadLanguage, locale, t } from './i18n.svelte';
import { ar as pageAr } from './messages-ar';
import { en as pageEn } from './messages-en';
import { importEn } from './messages-import';
import { importAr } from './messages-import-ar';
import { pluralCategories, templatesOf } from './plural';

// Every string of the interface: the page's and the import dialog's.
const en = { ...pageEn, ...importEn };
const ar = { ...pageAr, ...importAr };

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** The placeholders a message uses in any of its forms. */
const allPlaceholders = (message: Parameters<typeof templatesOf>[0]) => [...new Set(templatesOf(message).flatMap(placeholders))].sort();

// Arabic is fetched on first use: here, before any test.
beforeAll(() => loadLanguage('ar'));

describe('interface strings', () => {
  it('exist in both languages, with the same keys, part by part', () => {
    expect(Object.keys(pageAr).sort()).toEqual(Object.keys(pageEn).sort());
    expect(Object.keys(importAr).sort()).toEqual(Object.keys(importEn).sort());
  });

  it('of the import dialog arrive when asked for, in the language in use', async () => {
    locale.lang = 'ar';
    await loadImportMessages();
    expect(t('import.report.rejectedTable')).toBe(importAr['import.report.rejectedTable']);
    locale.lang = 'en';
    expect(t('import.report.rejectedTable')).toBe('Rejected rows');
    expect(t('import.open')).toBe('Import data…');
  });

  it('are never empty', () => {
    for (const [key, message] of [...Object.entries(en), ...Object.entries(ar)]) for (const text of templatesOf(message)) expect(text.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    // An Arabic form may leave the number out ("حادثتان": two incidents), never add one.
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const english = allPlaceholders(en[key]);
      for (const name of allPlaceholders(ar[key])) expect(english, key).toContain(name);
      if (typeof ar[key] === 'string') expect(placeholders(ar[key]), key).toEqual(english);
    }
  });

  it('give every counted message the forms its language needs: English two, Arabic six', () => {
    for (const [dictionary, lang] of [[en, 'en'], [ar, 'ar']] as const)
      for (const [key, message] of Object.entries(dictionary)) {
        if (typeof message === 'string') continue;
        for (const category of pluralCategories(lang)) expect(message.forms[category], `${lang} ${key} ${category}`).toBeDefined();
        expect(typeof en[key as keyof typeof en], `${key} counts in English too`).toBe('object');
      }
  });

  it('are translated: Arabic strings are written in Arabic script', () => {
    // Key names and the name of the other language may stay Latin; everything else must not.
    const latinAllowed = new Set(['app.language', 'panel.countRange']);
    for (const [key, message] of Object.entries(ar))
      for (const value of templatesOf(message)) {
        // Format names and sizes (WebM, MP4, 1920×1080) read the same in both languages.
        if (latinAllowed.has(key) || /^(WebM|MP4|PNG|CSV|GeoJSON|JSON|\d+ ?× ?\d+|\d+×)(\s*\u200f?\s*\([\w. ]+\))?$/.test(value)) continue;
        expect(/[\u0600-\u06FF]/.test(value), `${key}: ${value}`).toBe(true);
      }
  });
});

describe('counts', () => {
  it.each([
    ['ar', 0, 'لا حوادث'],
    ['ar', 1, 'حادثة واحدة'],
    ['ar', 2, 'حادثتان'],
    ['ar', 3, '٣ حوادث'],
    ['ar', 11, '١١ حادثة'],
    ['ar', 100, '١٠٠ حادثة'],
    ['en', 0, '0 incidents'],
    ['en', 1, '1 incident'],
    ['en', 2, '2 incidents'],
  ] as const)('in %s, %i incidents read “%s”', (lang, count, expected) => {
    locale.lang = lang;
    expect(t('app.count', { count })).toBe(expected);
  });

  it('agree with the total in “N of M incidents”', () => {
    locale.lang = 'ar';
    expect(t('app.countOf', { count: 8, total: 35 })).toBe('٨ من أصل ٣٥ حادثة');
    expect(t('app.countOf', { count: 1, total: 3 })).toBe('١ من أصل ٣ حوادث');
    locale.lang = 'en';
    expect(t('app.countOf', { count: 1, total: 35 })).toBe('1 of 35 incidents');
  });
});
