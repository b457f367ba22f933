/// <reference types="svelte" />
/// <reference types="vite/client" />

/** Content hash of data/*.json, injected at build time by vite.config.ts. */
declare const __BUNDLED_DATASET_HASH__: string;
