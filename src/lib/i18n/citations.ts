/**
 * Citations in the interface language: an incident's (for the panel's "Copy citation" and
 * the CSV and GeoJSON exports) and the app's (for the about panel).
 */
import type { Incident } from '../data/schema';
import { citedReports, incidentPermalink } from '../analysis/citation';
import { formatDate, locale, t } from './i18n.svelte';

/** This page's address without query or hash: what every permalink starts from. */
export function appAddress(): string {
  return `${location.origin}${location.pathname}`;
}

export function incidentLink(incidentId: string): string {
  return incidentPermalink(appAddress(), incidentId, locale.lang);
}

export function incidentCitation(incident: Pick<Incident, 'id' | 'sources' | 'title' | 'date'>, accessed = new Date()): string {
  return t('cite.incident', {
    reports: citedReports(incident, (iso) => formatDate(iso)),
    title: locale.lang === 'ar' ? incident.title.ar : incident.title.en,
    date: formatDate(incident.date),
    link: incidentLink(incident.id),
    accessed: formatDate(accessed.toISOString().slice(0, 10)),
  });
}

export function appCitation(version: string, accessed = new Date()): string {
  return t('cite.app', { version, link: appAddress(), accessed: formatDate(accessed.toISOString().slice(0, 10)) });
}
