/** Helpers for the import tests (Node only): fixture files and the bundled gazetteer. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import places from '../../../data/places.json';
import { FIELD_SEPARATOR, TEXT_FIELDS } from '../data/event-store';
import type { ColumnMapping } from './columns';
import { rowText, type EventBatch } from './event-batch';
import type { GazetteerPlace } from './gazetteer';
import { inspectSource, parseImport } from './import-core';
import { type ParsedImport } from './types';
import { bytesSource, type ImportSource } from './import-source';
import type { ImportSession, ImportSessionState } from './import-session';

const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/import/', import.meta.url));

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + name));
}

export function fixtureSource(name: string): ImportSource {
  return bytesSource(name, fixtureBytes(name));
}

export function fixtureFile(name: string): File {
  return new File([fixtureBytes(name) as Uint8Array<ArrayBuffer>], name);
}

export const gazetteerPlaces: GazetteerPlace[] = places.map((p) => ({ id: p.id, name: p.name, altNames: p.altNames, lon: p.lon, lat: p.lat }));

/** Inspects and parses a source as the worker does (dataset id "import-test", the bundled gazetteer). */
export async function importSource(source: ImportSource, mapping?: ColumnMapping, sliceBytes?: number): Promise<ParsedImport> {
  const inspection = await inspectSource(source);
  return parseImport(source, inspection, { datasetId: 'import-test', gazetteer: gazetteerPlaces, mapping, ...(sliceBytes ? { sliceBytes } : {}) });
}

export const importFixture = (name: string, mapping?: ColumnMapping, sliceBytes?: number) => importSource(fixtureSource(name), mapping, sliceBytes);

/** Every row's text fields by name. */
export function eventRows(batch: EventBatch): Record<string, string>[] {
  return Array.from({ length: batch.length }, (_, i) => {
    const parts = rowText(batch, i).split(FIELD_SEPARATOR);
    return Object.fromEntries(TEXT_FIELDS.map((f, k) => [f, parts[k] ?? '']));
  });
}

/** The rejected rows as [row, field, reason]. */
export const rejections = (parsed: ParsedImport) => parsed.rejected.map((r) => [r.row, r.field, r.reason]);

/** Resolves with the session's first state that passes `test` (then stops listening). */
export function untilState(session: ImportSession, test: (s: ImportSessionState) => boolean): Promise<ImportSessionState> {
  return new Promise<ImportSessionState>((resolve) => {
    const stop = session.subscribe((s) => {
      if (test(s)) {
        queueMicrotask(() => stop());
        resolve(s);
      }
    });
  });
}
