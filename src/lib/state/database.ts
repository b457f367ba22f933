/**
 * The app's IndexedDB handle, opened by startApp (app-state.svelte.ts). Only modules of
 * lib/state read it: components ask them (dataset actions, the import session, exports'
 * sources) and never hold the database themselves (a boundary test checks this).
 */
import type { IncidentDatabase } from '../data/db';

let database: IncidentDatabase | null = null;

export function setDatabase(db: IncidentDatabase | null): void {
  database = db;
}

/** The open database, or null before the app started (or after another tab took it over). */
export function openDatabase(): IncidentDatabase | null {
  return database;
}
