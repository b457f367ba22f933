// The bare comparison pages of the benchmark (bench/bare/): a Vite build of their own, kept
// apart from the app's. `npm run bench` builds them into dist-bench/bare/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./bare'),
  base: './',
  // The offline basemap's GeoJSON files, as the app serves them.
  publicDir: here('../public'),
  logLevel: 'warn',
  build: {
    outDir: here('../dist-bench/bare'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      input: { parse: here('./bare/parse.html'), arcs: here('./bare/arcs.html'), points: here('./bare/points.html') },
    },
  },
});
