#!/usr/bin/env node
// Publishes a map from the command line: the same zip as the export panel's "Download site".
//
//   npm run publish-site -- [--import FILE]... [--view ADDRESS] [--title TEXT] [--no-bundled] [--out FILE.zip] [--app-dir dist]
//
//   --import FILE   a file to publish (ACLED CSV, CSV, GeoJSON, the app's JSON, a backup); repeatable
//   --view ADDRESS  the view: an address of the app as its address bar shows it, or its query and
//                   hash, e.g. '?from=2023-10-17&to=2024-02-04&lang=ar#map=7/34.9/40.4'
//   --title TEXT    the map's title (the page's title and the embed's)
//   --no-bundled    leave out the bundled dataset (the curated incidents)
//   --out FILE      the zip to write (default: strikes-map-site.zip)
//   --app-dir DIR   the app's production build (default: dist, built first when missing)
//
// It runs the app's own modules (the import, the backup format, the site writer) through Vite,
// with an IndexedDB in memory (fake-indexeddb). Nothing is fetched from the network.
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';

const { values } = parseArgs({
  options: {
    import: { type: 'string', multiple: true, default: [] },
    view: { type: 'string', default: '' },
    title: { type: 'string', default: 'Eastern Syria: attacks on coalition bases and the strikes in return, 2021–2024' },
    'no-bundled': { type: 'boolean', default: false },
    out: { type: 'string', default: 'strikes-map-site.zip' },
    'app-dir': { type: 'string', default: 'dist' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('npm run publish-site -- [--import FILE]... [--view ADDRESS] [--title TEXT] [--no-bundled] [--out FILE.zip] [--app-dir dist]');
  process.exit(0);
}

const appDir = resolve(values['app-dir']);
if (!existsSync(join(appDir, 'sw.js'))) {
  console.log(`No production build in ${appDir}: building it (vite build)…`);
  execFileSync(process.execPath, [join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', appDir, '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

// The app's modules, run by Vite in Node with the project's configuration (its defines and the bundled dataset).
const vite = await createServer({ server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'error', optimizeDeps: { noDiscovery: true, include: [] } });
try {
  const started = performance.now();
  const { publishFromCommandLine } = await vite.ssrLoadModule('/src/cli/publish-site.ts');
  const site = await publishFromCommandLine({
    appDir,
    imports: values.import.map((f) => resolve(f)),
    bundled: !values['no-bundled'],
    view: values.view,
    title: values.title,
    out: resolve(values.out),
    log: (line) => console.log(line),
  });
  const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
  console.log(`Wrote ${values.out}: ${site.files} files in ${site.folder}/, ${mb(site.zipBytes)} (data ${mb(site.dataBytes)}), in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  console.log(`Unzip it and put ${site.folder}/ on any static host; embed it with <iframe src="https://…/${site.folder}/?embed=1">.`);
} catch (error) {
  console.error(`publish: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await vite.close();
}
