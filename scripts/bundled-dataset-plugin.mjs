// Vite plugin: the bundled dataset (data/) as the module `virtual:bundled-dataset`, validated
// with the project's schema (src/lib/data/schema.ts) when the app is built or served. A build
// whose data does not validate fails, naming the field. The browser then receives records
// already checked (with the schema's trimming applied) and seeds IndexedDB without loading
// zod or parsing the data twice.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const VIRTUAL_ID = 'virtual:bundled-dataset';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
const defaultDataDir = fileURLToPath(new URL('../data/', import.meta.url));
const schemaFile = fileURLToPath(new URL('../src/lib/data/schema.ts', import.meta.url));

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** data/ as the schema's input: { version, places, incidents, sources }. */
export function readBundledDataset(dataDir = defaultDataDir) {
  const incidentsFile = readJson(join(dataDir, 'incidents.json'));
  const sourcesDir = join(dataDir, 'sources');
  return {
    version: incidentsFile.version,
    places: readJson(join(dataDir, 'places.json')),
    incidents: incidentsFile.incidents,
    sources: readdirSync(sourcesDir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => readJson(join(sourcesDir, name))),
  };
}

export function bundledDatasetPlugin({ dataDir = defaultDataDir } = {}) {
  return {
    name: 'strikes-map:bundled-dataset',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return null;
      this.addWatchFile(join(dataDir, 'incidents.json'));
      this.addWatchFile(join(dataDir, 'places.json'));
      // The schema is TypeScript: loaded through Vite itself, without this config.
      const { module } = await runnerImport(schemaFile, { configFile: false, logLevel: 'error' });
      const { z } = await import('zod');
      const parsed = module.bundledDatasetSchema.safeParse(readBundledDataset(dataDir));
      if (!parsed.success) this.error(`data/ does not validate (see data/FORMAT.md):\n${z.prettifyError(parsed.error)}`);
      // The browser parses a JSON string faster than the same data written as JavaScript.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(parsed.data))});`;
    },
  };
}
