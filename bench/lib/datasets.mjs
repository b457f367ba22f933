// Benchmark inputs, cached in node_modules/.cache/bench/ by size and seed:
// - ACLED-format CSVs from scripts/generate-acled.mjs (the project's seeded generator);
// - the app's own JSON (format "eastern-syria-strikes", version 1, the shape of
//   incidentsToAppJson in src/lib/export/data-export.ts) with N synthetic incidents whose
//   arcs run between the bundled places (data/places.json), bases as targets.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { arcsCsv } from '../../scripts/generate-arcs.mjs';
import { seededRandom as rng } from '../../scripts/seeded-random.mjs';

export const CACHE_DIR = resolve('node_modules/.cache/bench');

function cachePath(name) {
  mkdirSync(CACHE_DIR, { recursive: true });
  return join(CACHE_DIR, name);
}

/** Path of `node scripts/generate-acled.mjs --rows N --seed S` output, generated once. */
export async function acledCsv(rows, seed = 1) {
  const file = cachePath(`acled-${rows}-seed${seed}.csv`);
  if (existsSync(file) && statSync(file).size > 0) return { file, generatedMs: 0, bytes: statSync(file).size };
  const partial = `${file}.partial`;
  const started = performance.now();
  const out = createWriteStream(partial);
  const child = spawn(process.execPath, ['scripts/generate-acled.mjs', '--rows', String(rows), '--seed', String(seed)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout.pipe(out); // ends `out` when the generator's output ends
  await Promise.all([
    new Promise((done, fail) => {
      child.on('error', fail);
      child.on('close', (code) => (code === 0 ? done() : fail(new Error(`generate-acled.mjs exited with ${code}`))));
    }),
    new Promise((done, fail) => {
      out.on('finish', done);
      out.on('error', fail);
    }),
  ]);
  renameSync(partial, file);
  return { file, generatedMs: performance.now() - started, bytes: statSync(file).size };
}

export const PLAYBACK_FROM = '2021-01-01';
export const PLAYBACK_TO = '2024-12-31';

/** An app JSON file with `count` incidents, each an arc from a place to a base. */
export function appJson(count, seed = 1) {
  const file = cachePath(`app-incidents-${count}-seed${seed}.json`);
  if (existsSync(file)) return { file, bytes: statSync(file).size };
  const places = JSON.parse(readFileSync('data/places.json', 'utf8'));
  const bases = places.filter((p) => p.kind === 'base');
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const firstDay = Date.UTC(2021, 0, 1);
  const days = (Date.UTC(2024, 11, 31) - firstDay) / 86_400_000 + 1;
  const incidents = [];
  for (let i = 0; i < count; i++) {
    const target = pick(bases);
    let origin;
    // Distinct places, at distinct points (Green Village and its launch sites share one).
    do origin = pick(places);
    while (origin.id === target.id || Math.hypot(origin.lon - target.lon, origin.lat - target.lat) < 0.05);
    const date = new Date(firstDay + Math.floor(random() * days) * 86_400_000).toISOString().slice(0, 10);
    incidents.push({
      id: `bench-${i + 1}`,
      date,
      datePrecision: 'exact',
      dateBasis: 'Synthetic benchmark incident',
      kind: 'attack-on-coalition',
      originId: origin.id,
      originCertainty: 'reported',
      targetId: target.id,
      weapon: 'rockets',
      weaponDetail: 'Synthetic benchmark incident',
      count: { min: null, max: null, figures: [] },
      casualties: '',
      damage: '',
      actor: { name: 'Synthetic benchmark actor', basis: 'unknown' },
      status: 'reported',
      title: { en: 'Synthetic benchmark incident', ar: 'حادث اصطناعي لقياس الأداء' },
      summaryEn: 'Synthetic benchmark incident',
      sources: [{ outlet: 'benchmark', quoteAr: [], summaryEn: 'synthetic' }],
      conflicts: [],
    });
  }
  // Places are the bundled ones, named by id (the importer resolves them in the gazetteer).
  const data = {
    format: 'eastern-syria-strikes',
    version: 1,
    exportedAt: new Date(0).toISOString(),
    places: [],
    incidents,
    sources: [],
  };
  writeFileSync(`${file}.partial`, JSON.stringify(data));
  renameSync(`${file}.partial`, file);
  return { file, bytes: statSync(file).size };
}

/** Path of `node scripts/generate-arcs.mjs --rows N --seed S` output (an analyst's CSV of arcs), generated once. */
export function arcsCsvFile(rows, seed = 1) {
  const file = cachePath(`arcs-${rows}-seed${seed}.csv`);
  if (!existsSync(file) || statSync(file).size === 0) writeFileSync(file, arcsCsv(rows, seed));
  return { file, bytes: statSync(file).size };
}
