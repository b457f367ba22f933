// 6. Bytes, gzipped with zlib at level 9: JS and CSS loaded on first load (the entry and its
// static imports, from Vite's manifest when the build wrote one, else from index.html and the
// `import ... from "./x.js"` statements of the built files), the MapLibre worker (fetched at
// start-up too), every other JS chunk (loaded on demand), fonts; and, from the cold-start run,
// what the browser actually fetched.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

function staticGraphFromManifest(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8'));
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry && chunk.src === 'index.html');
  if (!entry) throw new Error('manifest has no index.html entry');
  const js = new Set();
  const css = new Set();
  const walk = (key) => {
    const chunk = manifest[key];
    if (!chunk || js.has(chunk.file)) return;
    js.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const next of chunk.imports ?? []) walk(next);
  };
  walk(entry[0]);
  return { js, css, source: 'manifest' };
}

function staticGraphFromFiles(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const js = new Set();
  const css = new Set();
  const attr = (tag, name) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
  for (const tag of html.match(/<script[^>]*type="module"[^>]*>/g) ?? []) js.add(attr(tag, 'src').replace(/^\.?\//, ''));
  for (const tag of html.match(/<link[^>]*rel="modulepreload"[^>]*>/g) ?? []) js.add(attr(tag, 'href').replace(/^\.?\//, ''));
  for (const tag of html.match(/<link[^>]*rel="stylesheet"[^>]*>/g) ?? []) css.add(attr(tag, 'href').replace(/^\.?\//, ''));
  const queue = [...js];
  while (queue.length) {
    const file = queue.pop();
    const text = readFileSync(join(dir, file), 'utf8');
    // Static imports only: `import x from"./a.js"`, `import"./a.js"`, `export * from"./a.js"`; never `import("./a.js")`.
    for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.\/[^"']+\.js)["']/g)) {
      const next = join(file, '..', match[1]);
      if (!js.has(next)) {
        js.add(next);
        queue.push(next);
      }
    }
  }
  return { js, css, source: 'index.html and static imports' };
}

function sum(dir, files) {
  const list = [...files].map((file) => ({ file, bytes: statSync(join(dir, file)).size, gzip: gz(join(dir, file)) }));
  return { files: list.sort((a, b) => b.gzip - a.gzip), bytes: list.reduce((n, f) => n + f.bytes, 0), gzip: list.reduce((n, f) => n + f.gzip, 0) };
}

/**
 * `requests`: what the browser fetched during a cold start, `{ url, byServiceWorker }` (may be
 * empty): the page's own requests and a service worker's (its precache) are counted apart.
 */
export function measureBytes(appDir, requests = []) {
  const fetched = requests.filter((r) => !r.byServiceWorker).map((r) => r.url);
  const precached = requests.filter((r) => r.byServiceWorker).map((r) => r.url);
  const dir = resolve(appDir);
  const graph = existsSync(join(dir, '.vite/manifest.json')) ? staticGraphFromManifest(dir) : staticGraphFromFiles(dir);
  const assets = readdirSync(join(dir, 'assets')).map((f) => `assets/${f}`);
  const isWorker = (f) => /maplibre-gl-worker[^/]*\.m?js$/.test(f);
  const onDemand = assets.filter((f) => /\.m?js$/.test(f) && !graph.js.has(f) && !isWorker(f));
  const fonts = assets.filter((f) => /\.(woff2?|ttf|otf)$/.test(f));
  const filesOf = (urls) => new Set(
    urls
      .map((url) => {
        try {
          return decodeURIComponent(new URL(url).pathname).replace(/^\//, '');
        } catch {
          return null;
        }
      })
      .map((f) => (f === '' || f?.endsWith('/') ? `${f ?? ''}index.html` : f))
      .filter((f) => f && existsSync(join(dir, f)) && statSync(join(dir, f)).isFile()),
  );
  const fetchedFiles = filesOf(fetched);
  const precachedFiles = filesOf(precached);
  const fetchedJs = [...fetchedFiles].filter((f) => /\.m?js$/.test(f) && !isWorker(f));
  const fetchedData = [...fetchedFiles].filter((f) => /\.(json|geojson)$/.test(f));
  return {
    graphSource: graph.source,
    firstLoadJs: sum(dir, graph.js),
    firstLoadCss: sum(dir, graph.css),
    maplibreWorker: sum(dir, assets.filter(isWorker)),
    onDemandJs: sum(dir, onDemand),
    fontsShipped: sum(dir, fonts),
    fetchedAtColdStart: fetchedFiles.size
      ? {
          js: sum(dir, fetchedJs),
          jsBeyondStaticGraph: sum(dir, fetchedJs.filter((f) => !graph.js.has(f))),
          css: sum(dir, [...fetchedFiles].filter((f) => f.endsWith('.css'))),
          fonts: sum(dir, [...fetchedFiles].filter((f) => /\.(woff2?|ttf|otf)$/.test(f))),
          data: sum(dir, fetchedData),
        }
      : null,
    serviceWorkerPrecache: precachedFiles.size
      ? {
          all: sum(dir, precachedFiles),
          js: sum(dir, [...precachedFiles].filter((f) => /\.m?js$/.test(f))),
          fonts: sum(dir, [...precachedFiles].filter((f) => /\.(woff2?|ttf|otf)$/.test(f))),
        }
      : null,
  };
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
export { basename };
