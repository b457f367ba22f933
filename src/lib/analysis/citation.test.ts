import { describe, expect, it } from 'vitest';
import { citedReports, incidentPermalink, outletNames } from './citation';

const source = (outlet: string, date?: string) => ({ outlet, date, quoteAr: [], summaryEn: '' }) as never;

describe('outletNames', () => {
  it('keeps the outlets, without the caveats in brackets', () => {
    expect(outletNames('CENTCOM (Col. Joe Buccino); Middle East Monitor')).toEqual(['CENTCOM', 'Middle East Monitor']);
    expect(outletNames('Enab Baladi (probable; house style, not confirmed by a found copy)')).toEqual(['Enab Baladi']);
  });
});

describe('citedReports', () => {
  it('names each outlet once with its report\'s date', () => {
    const incident = { sources: [source('Al-Souria Net', '2021-07-13'), source('al-Mjs agency (وكالة المجس)', '2021-07-11'), source('Al-Souria Net', '2021-07-13'), source('SOHR')] };
    expect(citedReports(incident, (iso) => `[${iso}]`)).toBe('Al-Souria Net, [2021-07-13]; al-Mjs agency, [2021-07-11]; SOHR');
  });
});

describe('incidentPermalink', () => {
  it('opens the incident, in Arabic when the citation is Arabic', () => {
    expect(incidentPermalink('https://maps.example/syria/', '2021-07-10-conoco-mortars', 'en')).toBe('https://maps.example/syria/?incident=2021-07-10-conoco-mortars');
    expect(incidentPermalink('https://maps.example/', 'x', 'ar')).toBe('https://maps.example/?incident=x&lang=ar');
  });
});
