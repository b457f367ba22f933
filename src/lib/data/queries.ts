/** Reads from IndexedDB for the views. The only module that queries incidents. */
import type { IncidentDatabase, StoredIncident, StoredPlace } from './db';

export interface IncidentSnapshot {
  incidents: StoredIncident[];
  places: Map<string, StoredPlace>;
}

/** Every incident of the visible datasets, in date order, with the places they use. */
export async function readVisibleIncidents(db: IncidentDatabase): Promise<IncidentSnapshot> {
  return db.transaction('r', [db.incidents, db.places, db.datasets], async () => {
    const visible = (await db.datasets.toArray()).filter((d) => d.visible).map((d) => d.id);
    const incidents = visible.length === 0 ? [] : await db.incidents.where('datasetId').anyOf(visible).sortBy('date');
    const places = new Map((await db.places.toArray()).map((p) => [p.id, p] as const));
    return { incidents, places };
  });
}
