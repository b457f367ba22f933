/**
 * The text of a JSON or GeoJSON file, for json-import.ts. JSON is parsed whole (there is
 * no streaming JSON parser here), so before JSON.parse sees anything the text is held to
 * what a browser tab survives: a size limit checked before a byte is read, strict
 * decoding (the same UTF-8 fallback as CSV: bytes that are not UTF-8 anywhere in the file
 * make it read again in windows-1256/1252, never a silent U+FFFD), and a nesting depth
 * measured while the slices are decoded (json-nesting.ts).
 */
import { SLICE_BYTES } from './csv-stream';
import { createChunkDecoder, NotUtf8, readWithFallback, type EncodingGuess, type TextEncodingName } from './encoding';
import { createNestingGauge, MAX_JSON_DEPTH } from './json-nesting';
import { type ImportProgress } from './types';
import { type ImportSource } from './import-source';
import { ImportCancelled, ImportError } from './import-errors';

const MB = 1024 * 1024;

/**
 * The largest JSON or GeoJSON file read: 256 MB. Such a file decodes to at most 268
 * million characters, half of V8's longest string (2^29 - 24), so the text always fits;
 * its parsed objects take about 1.3 times the text again (measured on ACLED-like GeoJSON
 * points), so text and objects together stay within one to two GB at the peak (two-byte
 * Arabic text costs double), under the 4 GB a 64-bit Chromium's V8 heap can hold. It is
 * generous: GeoJSON of 100,000 ACLED-like events is about 42 MB. Point sets larger than
 * this belong in CSV, which is read in slices and has no such limit.
 */
export const MAX_JSON_BYTES = 256 * MB;

export interface JsonTextOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  /** Tests set small limits instead of allocating hundreds of MB. */
  maxBytes?: number;
  maxDepth?: number;
  sliceBytes?: number;
}

export interface JsonText {
  /** Without a byte-order mark. */
  text: string;
  /** The encoding the text was read in: the inspection's guess, or the fallback after a reread. */
  encoding: EncodingGuess;
}

/** Megabytes as the messages show them, rounded up to a tenth so a file just over the limit reads as over it. */
const megabytes = (bytes: number) => Math.ceil((bytes / MB) * 10) / 10;

/** Reads a JSON file's text. Throws ImportError ('json-too-large', 'json-too-deep', 'not-text') or ImportCancelled. */
export async function readJsonText(source: ImportSource, guess: EncodingGuess, options: JsonTextOptions = {}): Promise<JsonText> {
  const maxBytes = options.maxBytes ?? MAX_JSON_BYTES;
  if (source.size > maxBytes) {
    const size = megabytes(source.size);
    const limit = megabytes(maxBytes);
    throw new ImportError(
      `${source.name} is ${size} MB: JSON and GeoJSON files over ${limit} MB are not read, as the browser would run out of memory. Save large point sets as CSV (read in slices) or split the file.`,
      'json-too-large',
      { file: source.name, size, limit },
    );
  }
  return readWithFallback(source.name, guess, async (encoding) => ({ text: await readOnce(source, encoding.encoding, options), encoding }));
}

async function readOnce(source: ImportSource, encoding: TextEncodingName, options: JsonTextOptions): Promise<string> {
  const decoder = createChunkDecoder(encoding);
  const gauge = createNestingGauge();
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  const sliceBytes = options.sliceBytes ?? SLICE_BYTES;
  const parts: string[] = [];
  const take = (text: string) => {
    if (gauge(text) > maxDepth)
      throw new ImportError(
        `${source.name} nests its lists or objects more than ${maxDepth} levels deep, which no GeoJSON or app JSON file needs: it was not read.`,
        'json-too-deep',
        { file: source.name, limit: maxDepth },
      );
    parts.push(text);
  };
  for (let offset = 0; offset < source.size; offset += sliceBytes) {
    if (options.signal?.aborted) throw new ImportCancelled();
    const end = Math.min(source.size, offset + sliceBytes);
    const bytes = await source.slice(offset, end);
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw new NotUtf8(bytes);
    }
    take(text);
    options.onProgress?.({ bytesRead: end, totalBytes: source.size, rows: 0, accepted: 0, rejected: 0 });
  }
  let tail: string;
  try {
    tail = decoder.end();
  } catch {
    throw new NotUtf8(new Uint8Array());
  }
  take(tail);
  return parts.join('').replace(/^\ufeff/, '');
}
