/**
 * Timing of the import core in Node on a generated file; skipped unless asked for:
 *
 *   node scripts/generate-acled.mjs --rows 1000000 --seed 1 > /tmp/acled-1m.csv
 *   IMPORT_BENCH=/tmp/acled-1m.csv npx vitest run src/lib/import/import-benchmark.test.ts
 *
 * Prints the figures (no assertion on them): a bare papaparse pass over the file, the
 * importer's parse + mapping, cutting into chunk records, and a commit to
 * fake-indexeddb (IMPORT_BENCH_DB=1; slow, fake-indexeddb is not a browser).
 */
import 'fake-indexeddb/auto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { IncidentDatabase } from '../data/db';
import { readEventColumns } from '../data/event-store';
import { commitImport } from './commit-import';
import { buildEventRecords } from './event-records';
import { inspectSource, parseImport } from './import-core';
import { gazetteerPlaces } from './test-fixtures';
import type { ImportSource } from './import-source';

const path = process.env.IMPORT_BENCH;

function fileSource(file: string): ImportSource {
  const fd = openSync(file, 'r');
  const size = statSync(file).size;
  return {
    name: file.split('/').pop()!,
    size,
    async slice(start, end) {
      const buffer = new Uint8Array(end - start);
      readSync(fd, buffer, 0, end - start, start);
      return buffer;
    },
  };
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(2);
}

describe.skipIf(!path)('import benchmark', () => {
  it('times a bare parse, the import core and the writes', { timeout: 1_800_000 }, async () => {
    const file = path!;
    let t = performance.now();
    let bareRows = 0;
    await new Promise<void>((resolve, reject) => {
      Papa.parse(createReadStream(file, { encoding: 'utf8', highWaterMark: 4 << 20 }) as unknown as File, {
        header: false,
        chunk: (r: Papa.ParseResult<unknown>) => void (bareRows += r.data.length),
        complete: () => resolve(),
        error: reject,
      } as Papa.ParseLocalConfig<unknown, File>);
    });
    const bare = seconds(t);
    console.log(`bare papaparse (Node stream, header:false): ${bare} s for ${bareRows - 1} rows`);

    const source = fileSource(file);
    t = performance.now();
    const inspection = await inspectSource(source);
    const parsed = await parseImport(source, inspection, { datasetId: 'import-bench', gazetteer: gazetteerPlaces });
    const parse = seconds(t);
    console.log(`import core (decode + papaparse + map + validate): ${parse} s, ${parsed.events?.length} accepted, ${parsed.rejectedCount} rejected`);
    expect(parsed.events?.length).toBeGreaterThan(0);

    t = performance.now();
    const records = buildEventRecords(parsed.events!, 'import-bench');
    console.log(`sort by day + cut into ${records.chunks.length} chunk records: ${seconds(t)} s`);
    console.log(`memory: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB heap, ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB rss`);

    if (process.env.IMPORT_BENCH_DB) {
      const db = new IncidentDatabase(`bench-${Math.random()}`);
      t = performance.now();
      await commitImport(db, parsed);
      console.log(`commit to fake-indexeddb (one transaction): ${seconds(t)} s`);
      t = performance.now();
      const columns = await readEventColumns(db, 'import-bench');
      console.log(`readEventColumns from fake-indexeddb: ${seconds(t)} s for ${columns.length} rows`);
      await db.delete();
    }
    closeSync(openSync(file, 'r'));
  });
});
