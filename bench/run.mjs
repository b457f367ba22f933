#!/usr/bin/env node
// `npm run bench`: the app's performance in headless Chromium against its production build.
// See bench/README.md. Options:
//   --smoke                 small sizes (2,000 rows, 200 arcs): a quick check that it all still runs
//   --only=a,b              sections: coldstart, import, playback, bytes, arcs (reload and brush run with import)
//   --out=FILE              JSON results (default bench-results/latest.json, or bench-results/smoke.json)
//   --repeat=N              run the import and playback sections N times (each figure quoted per round)
//   --rows=100000,1000000   import sizes; --arcs=1000,10000,100000 playback sizes; --runs=3 cold starts
//   --imported=1000,10000   sizes of the "imported arcs" section (an analyst's CSV of arcs)
//   --app-dir=DIR           the app's production build (default dist-bench/app, built by `npm run bench`)
//   --bare-dir=DIR          the bare pages' build (default dist-bench/bare)
//   --strict                exit 1 when a target is missed (default: only when a measurement fails)
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { openBrowser, shareBrowser } from './lib/browser.mjs';
import { kb, measureBytes } from './lib/bytes.mjs';
import { measureColdStart } from './lib/coldstart.mjs';
import { acledCsv, appJson, arcsCsvFile } from './lib/datasets.mjs';
import { measureImportedArcs } from './lib/imported-arcs.mjs';
import { measureImport, SEARCH_QUERIES } from './lib/import.mjs';
import { measurePlayback } from './lib/playback.mjs';
import { startMonitor } from './lib/monitor.mjs';
import { serve } from './lib/servers.mjs';
import { median, round } from './lib/stats.mjs';
import { fmt, printTable } from './lib/table.mjs';

const argv = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, ...rest] = arg.replace(/^--/, '').split('=');
    return [key, rest.length ? rest.join('=') : 'true'];
  }),
);
const known = ['smoke', 'only', 'out', 'repeat', 'rows', 'arcs', 'imported', 'runs', 'app-dir', 'bare-dir', 'strict'];
for (const key of argv.keys())
  if (!known.includes(key)) {
    console.error(`unknown option --${key}; options: ${known.map((k) => `--${k}`).join(' ')}`);
    process.exit(2);
  }
const smoke = argv.get('smoke') === 'true';
// A smoke run checks that every measurement runs: its sessions share one browser (lib/browser.mjs).
if (smoke) shareBrowser();
const list = (value, fallback) => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : fallback);
const numbers = (value, fallback) => list(value, fallback).map(Number);
const SECTIONS = ['coldstart', 'import', 'playback', 'bytes', 'arcs'];
const only = list(argv.get('only'), SECTIONS);
for (const s of only)
  if (!SECTIONS.includes(s)) {
    console.error(`unknown section ${s}; sections: ${SECTIONS.join(', ')}`);
    process.exit(2);
  }
const config = {
  smoke,
  sections: only,
  coldRuns: Number(argv.get('runs') ?? (smoke ? 1 : 3)),
  importRows: numbers(argv.get('rows'), smoke ? ['2000'] : ['100000', '1000000']),
  brushMoves: smoke ? 4 : 10,
  searchQueries: smoke ? SEARCH_QUERIES.slice(0, 2) : SEARCH_QUERIES,
  playbackArcs: numbers(argv.get('arcs'), smoke ? ['200'] : ['1000', '10000', '100000']),
  importedArcs: numbers(argv.get('imported'), smoke ? ['200'] : ['1000', '10000']),
  // Frames sampled per side: at least minMs and minFrames, at most maxMs, after warmFrames.
  // Software WebGL takes about 1 ms per arc per frame here (10k arcs: ~12 s a frame), so 100k
  // arcs get one warm-up frame and 2 frame intervals (about two minutes each).
  sample: (n) =>
    smoke
      ? { minMs: 1000, minFrames: 3, maxMs: 20_000, warmFrames: 1 }
      : n >= 50_000
        ? { minMs: 4000, minFrames: 2, maxMs: 900_000, warmFrames: 1 }
        : n >= 5_000
          ? { minMs: 4000, minFrames: 6, maxMs: 300_000, warmFrames: 2 }
          : { minMs: 4000, minFrames: 10, maxMs: 150_000, warmFrames: 3 },
  repeat: Number(argv.get('repeat') ?? 1),
  appDir: argv.get('app-dir') ?? 'dist-bench/app',
  bareDir: argv.get('bare-dir') ?? 'dist-bench/bare',
  out: argv.get('out') ?? (smoke ? 'bench-results/smoke.json' : 'bench-results/latest.json'),
  strict: argv.get('strict') === 'true',
};

const log = (line) => console.log(line);
const started = Date.now();
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: round(totalmem() / 2 ** 30, 1),
  os: `${platform()} ${release()}`,
  node: process.version,
  chromium: null,
  loadAverageAtStart: loadavg().map((l) => round(l, 2)),
  date: new Date().toISOString(),
};

/** Rows of the table: values per round, a target, and how to print them. */
const rows = [];
function row(section, label, values, { unit = 'ms', target = null, digits = 0, note = '' } = {}) {
  rows.push({ section, label, values: values.map((v) => (v === null || v === undefined ? null : Number(v))), unit, target, digits, note });
}
const results = { config, machine, coldstart: null, import: [], playback: [], bytes: null, importedArcs: [], failures: [] };

const monitor = startMonitor();
results.disturbance = {};
async function section(name, fn) {
  if (!only.includes(name)) return;
  log(`\n== ${name}`);
  const sectionStart = Date.now();
  const limitS = smoke ? 180 : 75 * 60;
  let timer;
  try {
    await Promise.race([
      fn(),
      new Promise((_, fail) => {
        timer = setTimeout(() => fail(new Error(`section ${name} took over ${limitS} s: stopped`)), limitS * 1000);
      }),
    ]);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`  FAILED: ${message}`);
    results.failures.push({ section: name, error: message });
  } finally {
    clearTimeout(timer);
    const seen = monitor.between(sectionStart, Date.now());
    results.disturbance[name] = seen;
    if (seen.disturbedShare > 0)
      log(`  (disturbed: ${seen.foreign.join(', ')} of someone else running during ${Math.round(seen.disturbedShare * 100)} % of this section; load up to ${seen.maxLoad.toFixed(1)})`);
  }
}

let app;
let bare;
try {
  app = await serve(config.appDir, 'the app');
  bare = await serve(config.bareDir, 'the bare pages');
  log(`app ${app.url} (${config.appDir}), bare pages ${bare.url} (${config.bareDir})${smoke ? ', smoke run' : ''}`);
  {
    const probe = await openBrowser();
    machine.chromium = await probe.version();
    await probe.close();
  }
  log(`${machine.cpu} ×${machine.cores}, ${machine.memoryGiB} GiB, ${machine.chromium}, Node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}`);

  await section('coldstart', async () => {
    const r = await measureColdStart({ appUrl: app.url, bareUrl: bare.url, runs: config.coldRuns, log });
    results.coldstart = r;
    row('1. Cold start', `navigation → arcs rendered, fresh profile (median of ${config.coldRuns})`, [r.coldMs], {
      target: { op: '<', value: 1500 },
      note: `frame issued at ${fmt(r.coldIssuedMs, 'ms', 0)}`,
    });
    row('1. Cold start', 'navigation → impacts and target halos rendered too (they follow the arcs)', [r.completeMs]);
    row('1. Cold start', 'warm start (second visit, same profile)', [r.warmMs]);
    row('1. Cold start', `bare page: MapLibre + deck.gl, same basemap and arcs (median of ${config.coldRuns})`, [r.bareMs], {
      note: `frame issued at ${fmt(r.bareIssuedMs, 'ms', 0)}`,
    });
    row('1. Cold start', 'ratio app / bare page', [r.coldMs / r.bareMs], { unit: 'x' });
  });

  await section('import', async () => {
    const files = new Map();
    for (const n of config.importRows) {
      const csv = await acledCsv(n, 1);
      if (csv.generatedMs) log(`  generated ${n} rows (${(csv.bytes / 2 ** 20).toFixed(0)} MB) in ${round(csv.generatedMs, 0)} ms`);
      files.set(n, csv);
    }
    const largest = Math.max(...config.importRows);
    for (let round_ = 0; round_ < config.repeat; round_++)
      for (const n of config.importRows) {
        if (config.repeat > 1) log(`  round ${round_ + 1}/${config.repeat}`);
        results.import.push({
          round: round_ + 1,
          ...(await measureImport({ appUrl: app.url, bareUrl: bare.url, csv: files.get(n), rows: n, reloadAndBrush: n === largest, brushMoves: config.brushMoves, searchQueries: config.searchQueries, log })),
        });
      }
    for (const n of config.importRows) {
      const runs = results.import.filter((r) => r.rows === n);
      const label = n.toLocaleString('en-US');
      const big = n >= 1_000_000;
      row('2. Import', `${label} rows: end to end (file chosen → done)`, runs.map((r) => r.app.endToEndMs), { target: big ? { op: '<', value: 20_000 } : null });
      row('2. Import', `${label} rows: parse (→ report) / commit (confirm → done)`, runs.map((r) => r.app.parseMs), {
        note: `commit ${runs.map((r) => fmt(r.app.commitMs, 'ms', 0)).join(' / ')}`,
      });
      row('2. Import', `${label} rows: rows per second`, runs.map((r) => r.rowsPerSecond), { unit: 'rows/s' });
      row('2. Import', `${label} rows: file chosen → first frame with them rendered`, runs.map((r) => r.app.toEventsDrawnMs));
      row('2. Import', `${label} rows: longest main-thread task (file chosen → drawn)`, runs.map((r) => Math.max(r.app.longTasksDuringImport.longestMs ?? 0, r.app.longTasksUntilDrawn?.longestMs ?? 0)), {
        target: { op: '<=', value: 100 },
        note: `until done ${runs.map((r) => fmt(r.app.longTasksDuringImport.longestMs, 'ms', 0)).join(' / ')}; 0 = no task over 50 ms`,
      });
      row('2. Import', `${label} rows: bare parse of the same file (worker, papaparse)`, runs.map((r) => r.bare.ms));
      row('2. Import', `${label} rows: ratio app end to end / bare parse`, runs.map((r) => r.ratio), { unit: 'x', target: big ? { op: '<=', value: 2.5 } : null });
      const searched = runs.filter((r) => r.search?.length);
      if (searched.length) {
        row('2. Import', `${label} rows: search, slowest answer in the search worker`, searched.map((r) => Math.max(...r.search.map((q) => q.searchMs))), {
          digits: 1,
          target: big ? { op: '<', value: 100 } : null,
          note: `${searched[0].search.length} queries (${searched[0].search.map((q) => q.query).join(', ')}); first search reads the index: ${searched.map((r) => fmt(r.search[0].loadMs, 'ms', 0)).join(' / ')}`,
        });
        row('2. Import', `${label} rows: search, request → answer in the page (median)`, searched.map((r) => median(r.search.slice(1).map((q) => q.answerMs))), {
          digits: 1,
          note: `the first, index read: ${searched.map((r) => fmt(r.search[0].answerMs, 'ms', 0)).join(' / ')}`,
        });
      }
    }
    const withReload = results.import.filter((r) => r.reload);
    if (withReload.length) {
      const label = largest.toLocaleString('en-US');
      row('3. Reload', `${label} rows stored: navigation → first frame with them rendered`, withReload.map((r) => r.reload.firstEventFrameMs), {
        target: largest >= 1_000_000 ? { op: '<', value: 2000 } : null,
        note: `frame issued at ${withReload.map((r) => fmt(r.reload.firstEventIssuedMs, 'ms', 0)).join(' / ')}`,
      });
      if (withReload.every((r) => r.barePoints)) {
        row('3. Reload', `bare page drawing ${label} points: navigation → first frame rendered`, withReload.map((r) => r.barePoints.firstFrame.renderedMs), {
          note: `frame issued at ${withReload.map((r) => fmt(r.barePoints.firstFrame.issuedMs, 'ms', 0)).join(' / ')}`,
        });
        row('3. Reload', 'ratio app / bare page', withReload.map((r) => r.reload.firstEventFrameMs / r.barePoints.firstFrame.renderedMs), { unit: 'x' });
      }
      row('4. Brush', `${label} rows: input → next frame rendered (median)`, withReload.map((r) => r.brush.medianMs), {
        digits: 1,
        target: largest >= 1_000_000 ? { op: '<', value: 50 } : null,
        note: `frame issued: median ${withReload.map((r) => fmt(r.brush.issuedMedianMs, 'ms', 1)).join(' / ')}`,
      });
      row('4. Brush', `${label} rows: slowest of ${config.brushMoves} moves`, withReload.map((r) => r.brush.maxMs), {
        digits: 1,
        target: largest >= 1_000_000 ? { op: '<', value: 50 } : null,
        note: `frame issued: max ${withReload.map((r) => fmt(r.brush.issuedMaxMs, 'ms', 1)).join(' / ')}; longest app task ${withReload.map((r) => fmt(r.brush.longTasks?.longestMs ?? null, 'ms', 0)).join(' / ')}`,
      });
      if (withReload.every((r) => r.brushWithout)) {
        row('4. Brush', 'the same brush before the import (no imported data): median', withReload.map((r) => r.brushWithout.medianMs), {
          digits: 1,
          note: `max ${withReload.map((r) => fmt(r.brushWithout.maxMs, 'ms', 1)).join(' / ')}`,
        });
        row('4. Brush', `ratio with ${label} rows / without (medians)`, withReload.map((r) => r.brush.medianMs / r.brushWithout.medianMs), { unit: 'x', target: { op: '<=', value: 1.2 } });
      }
      if (withReload.every((r) => r.barePoints)) {
        row('4. Brush', `bare page, ${label} points: range change → frame rendered (median)`, withReload.map((r) => r.barePoints.brush.medianMs), {
          digits: 1,
          note: `max ${withReload.map((r) => fmt(r.barePoints.brush.maxMs, 'ms', 1)).join(' / ')}`,
        });
        row('4. Brush', 'ratio app / bare page (medians)', withReload.map((r) => r.brush.medianMs / r.barePoints.brush.medianMs), { unit: 'x' });
      }
    }
  });

  await section('playback', async () => {
    const files = new Map(config.playbackArcs.map((n) => [n, appJson(n, 1)]));
    for (let round_ = 0; round_ < config.repeat; round_++)
      for (const n of config.playbackArcs) {
        log(`  ${n} arcs${config.repeat > 1 ? `, round ${round_ + 1}/${config.repeat}` : ''}`);
        results.playback.push({ round: round_ + 1, ...(await measurePlayback({ appUrl: app.url, bareUrl: bare.url, count: n, json: files.get(n), sample: config.sample(n), log })) });
      }
    for (const n of config.playbackArcs) {
      const runs = results.playback.filter((r) => r.count === n);
      const label = n.toLocaleString('en-US');
      row('5. Playback', `${label} arcs: app, ms per frame`, runs.map((r) => r.app.msPerFrame), {
        digits: 1,
        note: `${runs.map((r) => r.app.frames).join(' / ')} frames; interval p95 ${runs.map((r) => fmt(r.app.p95Ms, 'ms', 1)).join(' / ')}`,
      });
      row('5. Playback', `${label} arcs: bare page, ms per frame`, runs.map((r) => r.bare.msPerFrame), {
        digits: 1,
        note: `${runs.map((r) => r.bare.frames).join(' / ')} frames; interval p95 ${runs.map((r) => fmt(r.bare.p95Ms, 'ms', 1)).join(' / ')}`,
      });
      const few = runs.some((r) => r.app.frames < 6 || r.bare.frames < 6);
      row('5. Playback', `${label} arcs: ratio app / bare`, runs.map((r) => r.ratio), {
        unit: 'x',
        target: { op: '<=', value: 1.15 },
        note: few ? 'few frames, each minutes long: a rough figure' : '',
      });
      row('5. Playback', `${label} arcs: app JSON import through the UI`, runs.map((r) => r.app.import.endToEndMs));
    }
  });

  await section('arcs', async () => {
    for (let round_ = 0; round_ < config.repeat; round_++)
      for (const n of config.importedArcs) {
        log(`  ${n} imported arcs${config.repeat > 1 ? `, round ${round_ + 1}/${config.repeat}` : ''}`);
        results.importedArcs.push({
          round: round_ + 1,
          ...(await measureImportedArcs({ appUrl: app.url, bareUrl: bare.url, count: n, csv: arcsCsvFile(n, 1), sample: config.sample(n), log })),
        });
      }
    for (const n of config.importedArcs) {
      const runs = results.importedArcs.filter((r) => r.count === n);
      const label = n.toLocaleString('en-US');
      const MB = (v) => `${round(v, 1)} MB`;
      row('7. Imported arcs', `${label} arcs: ready, app (file chosen → drawn) / bare page (opened → drawn)`, runs.map((r) => r.ratios.ready), {
        unit: 'x',
        target: { op: '<=', value: n >= 10_000 ? 1.5 : 1 },
        note: runs.map((r) => `${fmt(r.app.readyMs, 'ms', 0)} / ${fmt(r.bare.readyMs, 'ms', 0)}`).join('; '),
      });
      row('7. Imported arcs', `${label} arcs: playback frame (30-day window), app / bare`, runs.map((r) => r.ratios.frame), {
        unit: 'x',
        target: { op: '<=', value: 1.3 },
        note: runs.map((r) => `${fmt(r.app.msPerFrame, 'ms', 1)} / ${fmt(r.bare.msPerFrame, 'ms', 1)}, ${r.app.frames} / ${r.bare.frames} frames`).join('; '),
      });
      row('7. Imported arcs', `${label} arcs: JS heap the import adds / bare page's heap`, runs.map((r) => r.ratios.heap), {
        unit: 'x',
        target: { op: '<=', value: 3 },
        note: runs.map((r) => `${MB(r.app.heap.addedMB)} / ${MB(r.bare.heap.usedMB)}`).join('; '),
      });
      row('7. Imported arcs', `${label} arcs: JS heap peak, app (added) / bare page`, runs.map((r) => r.ratios.heapPeak), {
        unit: 'x',
        target: { op: '<=', value: 3 },
        note: runs.map((r) => `${MB(r.app.heap.peakAddedMB)} / ${MB(r.bare.heap.peakMB)}`).join('; '),
      });
    }
  });

  await section('bytes', async () => {
    const b = measureBytes(config.appDir, results.coldstart?.requests ?? []);
    results.bytes = b;
    const KB = (n) => n / 1024;
    row('6. Bytes', `first-load JS, gzip (${b.firstLoadJs.files.length} files)`, [KB(b.firstLoadJs.gzip)], { unit: 'KB', target: { op: '<', value: 450 }, note: `${kb(b.firstLoadJs.bytes)} raw` });
    row('6. Bytes', `first-load CSS, gzip (${b.firstLoadCss.files.length} files)`, [KB(b.firstLoadCss.gzip)], { unit: 'KB', note: `${kb(b.firstLoadCss.bytes)} raw` });
    row('6. Bytes', 'MapLibre worker (fetched at start-up), gzip', [KB(b.maplibreWorker.gzip)], { unit: 'KB' });
    row('6. Bytes', `JS chunks on demand, gzip (${b.onDemandJs.files.length} files)`, [KB(b.onDemandJs.gzip)], {
      unit: 'KB',
      note: b.onDemandJs.files.slice(0, 4).map((f) => `${f.file.replace(/^assets\//, '').replace(/-[\w-]{8}\.m?js$/, '')} ${kb(f.gzip)}`).join(', '),
    });
    if (b.fetchedAtColdStart) {
      row('6. Bytes', `  of which the page fetched during a cold start, gzip`, [KB(b.fetchedAtColdStart.jsBeyondStaticGraph.gzip)], {
        unit: 'KB',
        note: b.fetchedAtColdStart.jsBeyondStaticGraph.files.map((f) => f.file.replace(/^assets\//, '').replace(/-[\w-]{8}\.m?js$/, '')).join(', '),
      });
      row('6. Bytes', `fonts the page fetched during a cold start (${b.fetchedAtColdStart.fonts.files.length} files)`, [KB(b.fetchedAtColdStart.fonts.bytes)], {
        unit: 'KB',
        note: `woff2 is compressed already; ${b.fontsShipped.files.length} font files shipped, ${kb(b.fontsShipped.bytes)}`,
      });
      row('6. Bytes', 'basemap data the page fetched during a cold start, gzip', [KB(b.fetchedAtColdStart.data.gzip)], { unit: 'KB', note: `${kb(b.fetchedAtColdStart.data.bytes)} raw` });
      if (b.serviceWorkerPrecache)
        row('6. Bytes', `service worker precache during a cold start (${b.serviceWorkerPrecache.all.files.length} files), gzip`, [KB(b.serviceWorkerPrecache.all.gzip)], {
          unit: 'KB',
          note: `JS ${kb(b.serviceWorkerPrecache.js.gzip)} gzip, fonts ${kb(b.serviceWorkerPrecache.fonts.bytes)}; ${kb(b.serviceWorkerPrecache.all.bytes)} raw`,
        });
    } else row('6. Bytes', `fonts shipped (${b.fontsShipped.files.length} files)`, [KB(b.fontsShipped.bytes)], { unit: 'KB' });
  });
} catch (error) {
  results.failures.push({ section: 'setup', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  log(`FAILED: ${error instanceof Error ? error.message : error}`);
} finally {
  await app?.close();
  await bare?.close();
}

// The table.
machine.loadAverageAtEnd = loadavg().map((l) => round(l, 2));
machine.durationS = round((Date.now() - started) / 1000, 0);
const table = printTable(rows, { smoke, machine, repeat: config.repeat, disturbance: results.disturbance, failures: results.failures });
results.table = table.map(({ section: s, label, values, unit, value, targetText, status, note }) => ({ section: s, label, values, unit, value, target: targetText, status, note }));
mkdirSync(dirname(config.out), { recursive: true });
writeFileSync(config.out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nJSON: ${config.out} (${machine.durationS} s)`);
const missed = table.filter((r) => r.status === 'MISS' || r.status === 'mixed').length;
// Exit now: a section stopped by its time limit may have left a browser behind.
process.exit(results.failures.length ? 1 : config.strict && missed ? 1 : 0);
