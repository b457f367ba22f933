/**
 * The dataset shipped in data/, validated with the project's schema. This module is
 * imported on demand (dynamic import) so a returning visitor whose IndexedDB already
 * holds the current data never downloads it.
 */
import incidentsFile from '../../../data/incidents.json';
import places from '../../../data/places.json';
import { bundledDatasetSchema, type BundledDataset } from './schema';

const sourceFiles = import.meta.glob<unknown>('../../../data/sources/*.json', { eager: true, import: 'default' });

export function loadBundledDataset(): BundledDataset {
  return bundledDatasetSchema.parse({
    version: incidentsFile.version,
    places,
    incidents: incidentsFile.incidents,
    sources: Object.values(sourceFiles),
  });
}
