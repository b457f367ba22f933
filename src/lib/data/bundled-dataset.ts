/**
 * The dataset shipped in data/. It is validated with the project's schema when the app is
 * built (scripts/bundled-dataset-plugin.ts: a build whose data does not validate fails), so
 * the browser neither loads zod nor parses it twice. This module is imported on demand
 * (dynamic import) so a returning visitor whose IndexedDB already holds the current data
 * never downloads it.
 */
import dataset from 'virtual:bundled-dataset';
import type { BundledDataset } from './schema';

export function loadBundledDataset(): BundledDataset {
  return dataset;
}
