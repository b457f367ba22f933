import { describe, expect, it } from 'vitest';
import { FIELD_SEPARATOR, TEXT_FIELDS } from '../data/event-store';
import { rowText } from './event-batch';
import { inspectSource, parseImport } from './import-core';
import { jsonNestingDepth, createNestingGauge, MAX_JSON_DEPTH } from './json-nesting';
import { MAX_JSON_BYTES, readJsonText } from './json-text';
import { gazetteerPlaces } from './test-fixtures';
import { type ParsedImport } from './types';
import { bytesSource, type ImportSource } from './import-source';
import { ImportError } from './import-errors';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function importSource(source: ImportSource): Promise<ParsedImport> {
  return parseImport(source, await inspectSource(source), { datasetId: 'import-test', gazetteer: gazetteerPlaces });
}

/** The error an import stopped with, or a failure when it did not stop. */
async function importError(source: ImportSource): Promise<ImportError> {
  const error = await importSource(source).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

function pointFeature(id: string, notes: string): string {
  return JSON.stringify({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [40.4535, 35.0208] }, properties: { date: '2023-06-12', notes } });
}

const collection = (...features: string[]) => `{"type":"FeatureCollection","features":[${features.join(',')}]}`;

function notesOf(parsed: ParsedImport): string[] {
  const notes = TEXT_FIELDS.indexOf('notes');
  return Array.from({ length: parsed.events!.length }, (_, i) => rowText(parsed.events!, i).split(FIELD_SEPARATOR)[notes]!);
}

/** Text as windows-1256 (Arabic Windows) bytes, the way Excel on an Arabic system saves it. */
function windows1256(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1256');
  const byteOf = new Map<string, number>();
  for (let b = 0; b < 256; b++) byteOf.set(decoder.decode(new Uint8Array([b])), b);
  return new Uint8Array([...text].map((c) => byteOf.get(c)!));
}

describe('JSON nested too deep', () => {
  it('is refused with a message naming the file, however deep it goes', async () => {
    const million = 1_000_000;
    const error = await importError(bytesSource('nested.json', utf8(`${'['.repeat(million)}${']'.repeat(million)}`)));
    expect(error.code).toBe('json-too-deep');
    expect(error.params).toEqual({ file: 'nested.json', limit: MAX_JSON_DEPTH });
    expect(error.message).toBe(
      `nested.json nests its lists or objects more than ${MAX_JSON_DEPTH} levels deep, which no GeoJSON or app JSON file needs: it was not read.`,
    );
  });

  it('is refused in GeoJSON too, even when the brackets never close', async () => {
    const coordinates = '['.repeat(100_000);
    const error = await importError(bytesSource('deep.geojson', utf8(`{"type":"Feature","geometry":{"type":"Point","coordinates":${coordinates}`)));
    expect([error.code, error.params['file']]).toEqual(['json-too-deep', 'deep.geojson']);
  });

  it(`reads a file nested exactly ${MAX_JSON_DEPTH} levels deep`, async () => {
    const text = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    const guess = (await inspectSource(bytesSource('edge.json', utf8(text)))).encoding;
    await expect(readJsonText(bytesSource('edge.json', utf8(text)), guess)).resolves.toMatchObject({ text });
    await expect(readJsonText(bytesSource('edge.json', utf8(`[${text}]`)), guess)).rejects.toMatchObject({ code: 'json-too-deep' });
  });

  it('ignores brackets inside strings, escaped quotes included', async () => {
    const notes = `${'['.repeat(200)} "quoted \\" ${'{'.repeat(200)}`;
    const parsed = await importSource(bytesSource('brackets.geojson', utf8(collection(pointFeature('b1', notes)))));
    expect(notesOf(parsed)).toEqual([notes]);
    expect(jsonNestingDepth('{"a": "[[[\\"]]]", "b": ["\\\\", {"c": "}}"}]}')).toBe(3);
  });

  it('measures the same depth when the text comes cut into pieces anywhere', () => {
    const text = '{"a": "x\\"[", "b": [[{"c": "\\\\"}]], "d": "]]"}';
    for (let cut = 0; cut <= text.length; cut++) {
      const gauge = createNestingGauge();
      gauge(text.slice(0, cut));
      expect(gauge(text.slice(cut)), `cut at ${cut}`).toBe(4);
    }
  });
});

describe('JSON files over the size limit', () => {
  it('are refused with a message naming the file, its size and the limit', async () => {
    const limit = 1024 * 1024;
    const big = bytesSource('big.geojson', utf8(collection(pointFeature('x', 'x'.repeat(1.5 * limit)))));
    const guess = (await inspectSource(big)).encoding;
    const error = await readJsonText(big, guess, { maxBytes: limit }).catch((e: unknown) => e as ImportError);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'json-too-large', params: { file: 'big.geojson', size: 1.6, limit: 1 } });
    expect((error as ImportError).message).toMatch(/^big\.geojson is 1\.6 MB: JSON and GeoJSON files over 1 MB are not read/);
  });

  it('are read up to the limit, byte for byte', async () => {
    const text = collection(pointFeature('x', 'x'.repeat(1000)));
    const source = bytesSource('edge.geojson', utf8(text));
    const guess = (await inspectSource(source)).encoding;
    await expect(readJsonText(source, guess, { maxBytes: source.size })).resolves.toMatchObject({ text });
  });

  it(`stop at ${MAX_JSON_BYTES / 1024 / 1024} MB without reading the file`, async () => {
    // A file that says it is one byte over the limit; only its first bytes exist.
    const start = utf8(collection(pointFeature('x', 'x')));
    let readPastInspection = false;
    let inspected = false;
    const huge: ImportSource = {
      name: 'huge.geojson',
      size: MAX_JSON_BYTES + 1,
      slice: async (from, to) => {
        if (inspected) readPastInspection = true;
        return start.subarray(from, Math.min(to, start.length));
      },
    };
    const inspection = await inspectSource(huge);
    inspected = true;
    const error = await parseImport(huge, inspection, { datasetId: 'import-test', gazetteer: gazetteerPlaces }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'json-too-large', params: { file: 'huge.geojson', size: 256.1, limit: 256 } });
    expect(readPastInspection).toBe(false);
  });
});

describe('JSON that stops being UTF-8 after the first 256 KB', () => {
  it('is read again in the fallback, with no character replaced by U+FFFD', async () => {
    const padding = pointFeature('p1', 'x'.repeat(300 * 1024));
    const [before, after] = collection(padding, pointFeature('p2', '@ARABIC@')).split('@ARABIC@') as [string, string];
    // The Arabic notes of the second feature, in windows-1256, start past 300 KB.
    const bytes = new Uint8Array([...utf8(before), ...windows1256('قصف صاروخي على حقل العمر'), ...utf8(after)]);
    expect(utf8(before).length).toBeGreaterThan(300 * 1024);
    const source = bytesSource('arabic.geojson', bytes);
    expect((await inspectSource(source)).encoding.encoding).toBe('utf-8');
    const parsed = await importSource(source);
    expect(parsed.encoding).toMatchObject({ encoding: 'windows-1256', reasonCode: 'reread' });
    expect(notesOf(parsed)[1]).toBe('قصف صاروخي على حقل العمر');
    expect(notesOf(parsed).join('')).not.toContain('\ufffd');
  });

  it("is read again in the app's JSON too", async () => {
    const text = `{"incidents": [], "places": [], "note": "${'x'.repeat(300 * 1024)}@"}`;
    const [before, after] = text.split('@') as [string, string];
    const source = bytesSource('western.json', new Uint8Array([...utf8(before), 0x43, 0x61, 0x66, 0xe9, ...utf8(after)]));
    const { text: read, encoding } = await readJsonText(source, (await inspectSource(source)).encoding);
    expect(encoding).toMatchObject({ encoding: 'windows-1252', reasonCode: 'reread' });
    expect(read.endsWith('Café"}')).toBe(true);
  });
});
