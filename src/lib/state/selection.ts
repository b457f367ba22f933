/**
 * What the user has selected, hovered or opened: an incident, a place, an imported event
 * (its text read from IndexedDB on click, never on hover), a source article.
 */
import type { StoredSource } from '../data/db';
import { readEventText } from '../data/event-store';
import { readSource, readSources } from '../data/queries';
import { app, type HoverTarget } from './app-state.svelte';
import { openDatabase } from './database';

export function selectIncident(id: string | null): void {
  app.selectedIncidentId = id;
  app.selectedPlaceId = null;
  app.openArticle = null;
  app.openEvent = null;
}

export function selectPlace(id: string | null): void {
  app.selectedPlaceId = id;
  app.selectedIncidentId = null;
  app.openArticle = null;
  app.openEvent = null;
}

/** Opens an imported event's details, reading its text from IndexedDB (on click, never on hover). */
export async function selectEvent(datasetId: string, row: number): Promise<void> {
  const database = openDatabase();
  if (!database) return;
  const text = await readEventText(database, datasetId, row);
  app.selectedIncidentId = null;
  app.selectedPlaceId = null;
  app.openArticle = null;
  app.openEvent = { datasetId, row, text };
}

export function closeEvent(): void {
  app.openEvent = null;
}

export function setHovered(target: HoverTarget | null): void {
  const current = app.hovered;
  if (current === target) return;
  if (current && target && current.kind === target.kind && current.id === target.id && current.x === target.x && current.y === target.y) return;
  app.hovered = target;
}

/** The source articles with these ids (for exports). */
export async function readSourceArticles(ids: readonly string[]): Promise<StoredSource[]> {
  const database = openDatabase();
  if (!database || ids.length === 0) return [];
  return readSources(database, ids);
}

/** Opens the full text of a source article (or closes it with null). */
export async function showArticle(sourceId: string | null): Promise<void> {
  const database = openDatabase();
  if (!sourceId || !database) {
    app.openArticle = null;
    return;
  }
  app.openArticle = await readSource(database, sourceId);
}
