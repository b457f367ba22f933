/**
 * The data exports as files: the selection as CSV, GeoJSON or the app's JSON (with the
 * source articles the incidents cite, read from IndexedDB). Loaded on demand.
 */
import type { StoredIncident, StoredPlace, StoredSource } from '../data/db';
import { citedSourceIds, incidentsToAppJson, incidentsToCsv, incidentsToGeoJson, type Cite } from './data-export';
import { exportFileName } from './export-geometry';

export type DataFormat = 'csv' | 'geojson' | 'json';

export interface DataSelection {
  incidents: readonly StoredIncident[];
  places: ReadonlyMap<string, StoredPlace>;
  /** [first day, day after the last]: for the file name. */
  range: readonly [number, number];
  /** Reads the source articles the incidents cite (the app state owns the database). */
  readSources: (ids: readonly string[]) => Promise<StoredSource[]>;
  /** Each incident's citation, for a column of the CSV and a property of the GeoJSON. */
  cite: Cite;
}

export async function exportData(format: DataFormat, selection: DataSelection): Promise<{ blob: Blob; fileName: string }> {
  const { incidents, places, range } = selection;
  switch (format) {
    case 'csv':
      return { blob: new Blob([incidentsToCsv(incidents, places, selection.cite)], { type: 'text/csv;charset=utf-8' }), fileName: exportFileName(range, 'csv') };
    case 'geojson':
      return {
        blob: new Blob([JSON.stringify(incidentsToGeoJson(incidents, places, selection.cite), null, 1)], { type: 'application/geo+json' }),
        fileName: exportFileName(range, 'geojson'),
      };
    case 'json': {
      const sources = await selection.readSources(citedSourceIds(incidents));
      return {
        blob: new Blob([JSON.stringify(incidentsToAppJson(incidents, places, sources), null, 1)], { type: 'application/json' }),
        fileName: exportFileName(range, 'json'),
      };
    }
  }
}
