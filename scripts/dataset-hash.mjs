// Content hash of the bundled dataset (every file under data/ except docs), computed at build
// time so the app can tell whether IndexedDB holds the current bundled data without loading it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const dataDir = fileURLToPath(new URL('../data/', import.meta.url));

function listJson(dir) {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return listJson(path);
      return name.endsWith('.json') ? [path] : [];
    })
    .sort();
}

export function bundledDatasetHash() {
  const hash = createHash('sha256');
  for (const path of listJson(dataDir)) {
    hash.update(relative(dataDir, path));
    hash.update('\0');
    hash.update(readFileSync(path));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
