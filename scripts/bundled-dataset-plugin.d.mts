import type { Plugin } from 'vite';
export function readBundledDataset(dataDir?: string): unknown;
export function bundledDatasetPlugin(options?: { dataDir?: string }): Plugin;
