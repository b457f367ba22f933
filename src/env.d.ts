/// <reference types="svelte" />
/// <reference types="vite/client" />

/** Content hash of data/*.json, injected at build time by vite.config.ts. */
declare const __BUNDLED_DATASET_HASH__: string;

/** Names the build (STRIKES_MAP_BUILD_ID, else the package version), injected by vite.config.ts. */
declare const __BUILD_ID__: string;

/** data/ as one dataset, validated with the schema at build time (scripts/bundled-dataset-plugin.ts). */
declare module 'virtual:bundled-dataset' {
  const dataset: import('./lib/data/schema').BundledDataset;
  export default dataset;
}
