/**
 * Streaming CSV: the file is read in slices, decoded (streaming TextDecoder, so a
 * character cut between two slices is never broken), and fed to papaparse's streaming
 * parser, which carries a row cut between slices (or spanning lines, inside quotes)
 * over to the next. Rows are handed on as they come: no whole-file string.
 */
import Papa from 'papaparse';
import { createChunkDecoder, NotUtf8, type EncodingGuess } from './encoding';
import { hasSeparator } from './event-batch';
import { type ImportSource } from './import-source';
import { ImportCancelled, ImportError } from './import-errors';

/** Bytes read per slice: big enough for speed, small enough for ~100 ms of work. */
export const SLICE_BYTES = 4 * 1024 * 1024;
/** No honest row is this long; past it, a quote was left open. */
const MAX_ROW_CHARS = 16_000_000;

interface StreamListeners {
  data?: (chunk: string) => void;
  end?: () => void;
  error?: (error: unknown) => void;
}

/**
 * The smallest object papaparse takes as a Node readable stream. It only listens to
 * `data` and `end`; we push decoded text into it ourselves, synchronously.
 */
function createPushStream() {
  const listeners: StreamListeners = {};
  const stream = {
    readable: true,
    read() {},
    pause() {},
    resume() {},
    on(event: keyof StreamListeners, fn: never) {
      listeners[event] = fn;
    },
    removeListener(event: keyof StreamListeners) {
      delete listeners[event];
    },
  };
  return {
    stream,
    push(text: string) {
      listeners.data?.(text);
    },
    end() {
      listeners.end?.();
    },
  };
}

export interface CsvReadOptions {
  delimiter: string;
  encoding: EncodingGuess;
  signal?: AbortSignal | undefined;
  sliceBytes?: number;
  /** Called with the rows of each parsed piece; `first` is the 0-based record index of rows[0]. */
  onRows(rows: string[][], errors: Papa.ParseError[], first: number): void;
  onBytes?(bytesRead: number): void;
  /** Called once, before the rows of the first text holding U+001E or U+001F. */
  onSeparatorSeen?(): void;
}

/** Reads the whole source through papaparse. Throws NotUtf8 when a UTF-8 read meets bad bytes. */
export async function readCsv(source: ImportSource, options: CsvReadOptions): Promise<void> {
  const decoder = createChunkDecoder(options.encoding.encoding);
  const push = createPushStream();
  let records = 0;
  let failure: unknown = null;
  // Text pushed since papaparse last completed a row: a quote never closed makes it
  // hold the rest of the file as one row, re-reading it at every slice. Stop early.
  let pendingText = 0;
  let separatorSeen = false;
  // papaparse's typings only know DOM Files and Node streams; it takes any object with on/read.
  const parseStream = Papa.parse as unknown as (input: unknown, config: Papa.ParseConfig<string[]> & { chunk(results: Papa.ParseResult<string[]>): void }) => void;
  parseStream(push.stream, {
    header: false,
    delimiter: options.delimiter,
    skipEmptyLines: false,
    chunk(results: Papa.ParseResult<string[]>) {
      if (results.data.length > 0) pendingText = 0;
      try {
        options.onRows(results.data, results.errors, records);
      } catch (error) {
        failure ??= error;
      }
      records += results.data.length;
    },
  });
  const sliceBytes = options.sliceBytes ?? SLICE_BYTES;
  const read = (offset: number) => {
    if (offset >= source.size) return null;
    const bytes = source.slice(offset, Math.min(source.size, offset + sliceBytes));
    bytes.catch(() => undefined); // awaited below; no unhandled rejection if we stop first
    return bytes;
  };
  // The next slice is read while this one is parsed.
  let next = read(0);
  for (let offset = 0; offset < source.size; offset += sliceBytes) {
    if (options.signal?.aborted) throw new ImportCancelled();
    const bytes = await next!;
    next = read(offset + sliceBytes);
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw new NotUtf8(bytes);
    }
    pendingText += text.length;
    if (!separatorSeen && hasSeparator(text)) {
      separatorSeen = true;
      options.onSeparatorSeen?.();
    }
    if (text) push.push(text);
    if (failure) throw failure;
    if (pendingText > MAX_ROW_CHARS)
      throw new ImportError(
        `${source.name}, row ${records + 1}: a quoted field is never closed (or one row is over ${MAX_ROW_CHARS / 1_000_000} million characters long): check the quotes of that row.`,
        'unclosed-quote',
        { file: source.name, row: String(records + 1), limit: MAX_ROW_CHARS / 1_000_000 },
      );
    options.onBytes?.(Math.min(source.size, offset + sliceBytes));
  }
  let tail: string;
  try {
    tail = decoder.end();
  } catch {
    throw new NotUtf8(new Uint8Array());
  }
  if (tail && !separatorSeen && hasSeparator(tail)) options.onSeparatorSeen?.();
  if (tail) push.push(tail);
  push.end();
  if (failure) throw failure;
}
