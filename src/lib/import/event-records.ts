/**
 * A batch of events sorted by day and cut into the stored records of
 * src/lib/data/event-store.ts (column chunks, their ids, the text blocks as they are),
 * and stored records back into a batch (for a merge).
 */
import type { EventChunkRecord, EventKeyRecord, EventTextRecord } from '../data/db';
import { chunkRecordId, EVENT_CHUNK_ROWS, FIELD_SEPARATOR } from '../data/event-store';
import type { EventBatch } from './event-batch';

/** Row order sorted by day, stable (rows of one day keep their file order). */
export function sortOrderByDay(day: Float32Array, length = day.length): Uint32Array {
  const order = new Uint32Array(length);
  if (length === 0) return order;
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let i = 0; i < length; i++) {
    const d = day[i]!;
    if (d < min) min = d;
    if (d > max) max = d;
    if (integral && d !== Math.floor(d)) integral = false;
  }
  if (integral && max - min < 1_000_000) {
    // Counting sort: whole days over a bounded span, O(n).
    const span = max - min + 1;
    const starts = new Uint32Array(span + 1);
    for (let i = 0; i < length; i++) starts[day[i]! - min + 1]!++;
    for (let k = 1; k <= span; k++) starts[k]! += starts[k - 1]!;
    for (let i = 0; i < length; i++) order[starts[day[i]! - min]!++] = i;
    return order;
  }
  for (let i = 0; i < length; i++) order[i] = i;
  order.sort((a, b) => day[a]! - day[b]! || a - b);
  return order;
}

export interface StoredEventRecords {
  chunks: EventChunkRecord[];
  keys: EventKeyRecord[];
  texts: EventTextRecord[];
  dayRange: [number, number] | null;
  /** Stored (sorted) row -> batch row. */
  order: Uint32Array;
}

/** The first row of each block (rows of a block are consecutive); throws if they are not. */
function blockFirstRows(batch: EventBatch): number[] {
  const first: number[] = new Array<number>(batch.blocks.length).fill(-1);
  for (let i = 0; i < batch.length; i++) {
    const b = batch.block[i]!;
    if (first[b] === -1) first[b] = i;
    else if (i > 0 && batch.block[i - 1] !== b) throw new Error('the rows of a text block are not consecutive');
  }
  return first;
}

/**
 * Sorts a batch by day into column chunks of `chunkRows` rows, with their key records;
 * the text blocks are stored as they are (file order), the key records saying where
 * each sorted row's text is.
 */
/** `texts: false`: the text records are left out (written while the file was read: staged-events.ts). */
export function buildEventRecords(batch: EventBatch, datasetId: string, chunkRows = EVENT_CHUNK_ROWS, options: { texts?: boolean } = {}): StoredEventRecords {
  const order = sortOrderByDay(batch.day, batch.length);
  const firstRow = blockFirstRows(batch);
  const { blocks } = batch;
  const chunks: EventChunkRecord[] = [];
  const keys: EventKeyRecord[] = [];
  for (let chunkIndex = 0, first = 0; first < batch.length; chunkIndex++, first += chunkRows) {
    const n = Math.min(chunkRows, batch.length - first);
    const id = chunkRecordId(datasetId, chunkIndex);
    const chunk: EventChunkRecord = {
      id,
      datasetId,
      chunkIndex,
      length: n,
      day: new Float32Array(n),
      lon: new Float32Array(n),
      lat: new Float32Array(n),
      eventType: new Uint8Array(n),
      fatalities: new Int32Array(n),
    };
    const { originLon, originLat } = batch;
    if (originLon && originLat) {
      chunk.originLon = new Float32Array(n);
      chunk.originLat = new Float32Array(n);
    }
    const textBlock = new Uint32Array(n);
    const textIndex = new Uint32Array(n);
    const rowKeys = new Array<string>(n);
    for (let j = 0; j < n; j++) {
      const i = order[first + j]!;
      chunk.day[j] = batch.day[i]!;
      chunk.lon[j] = batch.lon[i]!;
      chunk.lat[j] = batch.lat[i]!;
      chunk.eventType[j] = batch.eventType[i]!;
      chunk.fatalities[j] = batch.fatalities[i]!;
      if (chunk.originLon && chunk.originLat) {
        chunk.originLon[j] = originLon![i]!;
        chunk.originLat[j] = originLat![i]!;
      }
      const b = batch.block[i]!;
      textBlock[j] = b;
      textIndex[j] = i - firstRow[b]!;
      const text = blocks[b]!;
      const start = batch.start[i]!;
      const cut = text.indexOf(FIELD_SEPARATOR, start);
      const end = batch.end[i]!;
      rowKeys[j] = text.slice(start, cut < 0 || cut > end ? end : cut);
    }
    chunks.push(chunk);
    keys.push({ id, datasetId, chunkIndex, keys: rowKeys.join(FIELD_SEPARATOR), textBlock, textIndex });
  }
  const texts: EventTextRecord[] = options.texts === false ? [] : blocks.map((text, b) => {
    const first = firstRow[b]!;
    let n = 0;
    while (first >= 0 && first + n < batch.length && batch.block[first + n] === b) n++;
    const rowStart = new Uint32Array(n + 1);
    for (let k = 0; k < n; k++) rowStart[k] = batch.start[first + k]!;
    rowStart[n] = n === 0 ? 0 : batch.end[first + n - 1]! + 1;
    return { id: chunkRecordId(datasetId, b), datasetId, chunkIndex: b, length: n, text, rowStart };
  });
  const firstSorted = order[0];
  const lastSorted = order[batch.length - 1];
  const dayRange: [number, number] | null =
    firstSorted === undefined || lastSorted === undefined ? null : [batch.day[firstSorted]!, batch.day[lastSorted]!];
  return { chunks, keys, texts, dayRange, order };
}

/**
 * The stored records of a dataset back into one batch, in stored (day) order, its
 * text pointing into the stored blocks (for a merge).
 */
export function batchFromRecords(
  chunks: readonly EventChunkRecord[],
  keys: readonly EventKeyRecord[],
  texts: readonly EventTextRecord[],
  eventTypes: string[],
): EventBatch {
  const byIndex = <T extends { chunkIndex: number }>(list: readonly T[]) => [...list].sort((a, b) => a.chunkIndex - b.chunkIndex);
  const sortedChunks = byIndex(chunks);
  const sortedKeys = byIndex(keys);
  const blocks: string[] = [];
  const rowStarts: Uint32Array[] = [];
  for (const t of texts) {
    blocks[t.chunkIndex] = t.text;
    rowStarts[t.chunkIndex] = t.rowStart;
  }
  const length = sortedChunks.reduce((n, c) => n + c.length, 0);
  const withOrigin = sortedChunks.some((c) => c.originLon !== undefined);
  const batch: EventBatch = {
    length,
    day: new Float32Array(length),
    lon: new Float32Array(length),
    lat: new Float32Array(length),
    eventType: new Uint8Array(length),
    fatalities: new Int32Array(length),
    originLon: withOrigin ? new Float32Array(length).fill(NaN) : null,
    originLat: withOrigin ? new Float32Array(length).fill(NaN) : null,
    eventTypes: [...eventTypes],
    blocks,
    block: new Uint32Array(length),
    start: new Uint32Array(length),
    end: new Uint32Array(length),
  };
  let at = 0;
  sortedChunks.forEach((c, k) => {
    const kr = sortedKeys[k];
    if (!kr || kr.chunkIndex !== c.chunkIndex || kr.textBlock.length !== c.length)
      throw new Error(`the stored ids of event chunk ${c.chunkIndex} do not match its rows`);
    batch.day.set(c.day.subarray(0, c.length), at);
    batch.lon.set(c.lon.subarray(0, c.length), at);
    batch.lat.set(c.lat.subarray(0, c.length), at);
    batch.eventType.set(c.eventType.subarray(0, c.length), at);
    batch.fatalities.set(c.fatalities.subarray(0, c.length), at);
    if (c.originLon && c.originLat) {
      batch.originLon!.set(c.originLon.subarray(0, c.length), at);
      batch.originLat!.set(c.originLat.subarray(0, c.length), at);
    }
    for (let j = 0; j < c.length; j++) {
      const b = kr.textBlock[j]!;
      const index = kr.textIndex[j]!;
      const rowStart = rowStarts[b];
      if (!rowStart || index + 1 >= rowStart.length) throw new Error(`the stored text of event chunk ${c.chunkIndex} is missing`);
      batch.block[at + j] = b;
      batch.start[at + j] = rowStart[index]!;
      batch.end[at + j] = rowStart[index + 1]! - 1;
    }
    at += c.length;
  });
  return batch;
}
