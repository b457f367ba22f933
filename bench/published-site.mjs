#!/usr/bin/env node
// The size and the load time of a published map (issue 21), with the bundled data alone and
// with imported ACLED-like events (scripts/generate-acled.mjs). For each: publish from the
// command line (scripts/publish.mjs, the same zip as the export panel's), unzip, serve the
// folder with a plain static server, then in a fresh Chromium profile time a reader's first
// visit (the data file fetched and restored into IndexedDB by the import worker) and a
// return visit (a reload: IndexedDB read, the files from the offline cache), from navigation
// to the first frame with the data rendered on the map's canvas.
//
//   node bench/published-site.mjs [--rows=100000,1000000] [--app-dir=dist]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { unzipSync } from 'fflate';
import { openBrowser } from './lib/browser.mjs';
import { acledCsv } from './lib/datasets.mjs';
import { serveStaticFolder } from './lib/static-folder.mjs';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000,1000000' }, 'app-dir': { type: 'string', default: 'dist' } } });
const cases = [0, ...values.rows.split(',').filter(Boolean).map(Number)];
const work = mkdtempSync(join(tmpdir(), 'strikes-published-bench-'));
const mb = (n) => (n / 1e6).toFixed(1);
const results = [];

/** Navigation -> the first frame with the data (imported events, else the incidents) rendered. */
async function visit(page, url, events, reload) {
  if (reload) await page.reload({ waitUntil: 'commit' });
  else await page.goto(url, { waitUntil: 'commit' });
  const mark = events ? 'firstEventFrame' : 'firstIncidentFrame';
  await page.waitForFunction((m) => window.__strikesMapPerf?.rendered?.[m] != null, mark, { timeout: 600_000, polling: 100 });
  return page.evaluate((m) => Math.round(window.__strikesMapPerf.rendered[m]), mark);
}

try {
  for (const rows of cases) {
    const zip = join(work, `site-${rows}.zip`);
    const args = ['scripts/publish.mjs', '--app-dir', values['app-dir'], '--out', zip];
    if (rows > 0) args.push('--import', (await acledCsv(rows)).file);
    const started = performance.now();
    execFileSync(process.execPath, ['--max-old-space-size=16000', ...args], { stdio: 'pipe' });
    const publishS = (performance.now() - started) / 1000;
    const folder = join(work, `site-${rows}`);
    let top = '';
    let dataBytes = 0;
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
      if (name.endsWith('/')) continue;
      top = name.split('/')[0];
      if (name.endsWith('site/data.zip')) dataBytes = bytes.byteLength;
      mkdirSync(dirname(join(folder, name)), { recursive: true });
      writeFileSync(join(folder, name), bytes);
    }
    const server = await serveStaticFolder(folder);
    const session = await openBrowser();
    try {
      const url = `${server.url}${top}/`;
      const first = await visit(session.page, url, rows > 0, false);
      // The worker has cached the site once it controls the page: the return visit is the offline one.
      await session.page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      });
      const again = await visit(session.page, url, rows > 0, true);
      const row = { events: rows, zipMB: mb(statSync(zip).size), dataMB: mb(dataBytes), publishS: publishS.toFixed(1), firstVisitMs: first, returnVisitMs: again, errors: session.errors.length };
      results.push(row);
      console.log(JSON.stringify(row));
    } finally {
      await session.close();
      await server.close();
      rmSync(folder, { recursive: true, force: true });
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log('\n| imported events | zip | data file | publish (CLI) | first visit: first frame with the data | return visit |');
console.log('|---|---|---|---|---|---|');
for (const r of results)
  console.log(`| ${r.events ? r.events.toLocaleString('en') : 'none (bundled only)'} | ${r.zipMB} MB | ${r.dataMB} MB | ${r.publishS} s | ${(r.firstVisitMs / 1000).toFixed(1)} s | ${(r.returnVisitMs / 1000).toFixed(1)} s |`);
