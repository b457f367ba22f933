/**
 * How to cite an incident: who reported it and when, its title, and a link that opens it in
 * the app. Pure: the texts (in the interface language) and the date format come in.
 */
import type { Incident } from '../data/schema';

/**
 * The outlets named in a source's `outlet` field, short: "CENTCOM (Col. Joe Buccino);
 * Middle East Monitor" -> ["CENTCOM", "Middle East Monitor"]. The caveat in brackets stays
 * in the data and the panel; a citation names the outlet.
 */
export function outletNames(outlet: string): string[] {
  return outlet
    .replace(/\s*\([^)]*\)/g, '')
    .split(';')
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '');
}

/** "Al-Souria Net, 13 Jul 2021; al-Mjs agency, 11 Jul 2021": each outlet once, with its report's date when known. */
export function citedReports(incident: Pick<Incident, 'sources'>, formatDate: (iso: string) => string): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const source of incident.sources)
    for (const name of outletNames(source.outlet)) {
      const text = source.date ? `${name}, ${formatDate(source.date)}` : name;
      if (seen.has(text)) continue;
      seen.add(text);
      parts.push(text);
    }
  return parts.join('; ');
}

/** The address that opens an incident in the app (in Arabic when asked): `base` is the app's page, without query or hash. */
export function incidentPermalink(base: string, incidentId: string, lang: 'en' | 'ar'): string {
  const params = new URLSearchParams({ incident: incidentId });
  if (lang === 'ar') params.set('lang', 'ar');
  return `${base}?${params.toString()}`;
}
