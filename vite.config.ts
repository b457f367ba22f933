/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { bundledDatasetHash } from './scripts/dataset-hash.mjs';
import { offlinePlugin } from './scripts/offline-plugin.mjs';
import { bundledDatasetPlugin } from './scripts/bundled-dataset-plugin.mjs';
import { fontPreloadPlugin } from './scripts/font-preload-plugin.mjs';
import { contentSecurityHeaders, contentSecurityPolicyPlugin } from './scripts/content-security-policy.mjs';
import { readFileSync } from 'node:fs';
import packageJson from './package.json' with { type: 'json' };

export default defineConfig({
  // Relative asset URLs so the build works from any path (file server, sub-folder).
  base: './',
  plugins: [svelte(), bundledDatasetPlugin(), fontPreloadPlugin(), offlinePlugin(), contentSecurityPolicyPlugin()],
  // `npm start` sends the page's policy as headers too (the inline scripts of index.html are
  // copied into the build as they are, so their hashes are the same).
  preview: { headers: contentSecurityHeaders(readFileSync('index.html', 'utf8')) },
  define: {
    // Content hash of data/: the app re-seeds IndexedDB when it changes.
    __BUNDLED_DATASET_HASH__: JSON.stringify(bundledDatasetHash()),
    // Names the build on <html data-build>: set STRIKES_MAP_BUILD_ID when deploying (a commit id).
    __BUILD_ID__: JSON.stringify(process.env['STRIKES_MAP_BUILD_ID'] || packageJson.version),
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
