/**
 * Merging a re-imported ACLED file into the rows already stored, by id.
 */
import { addEventType, rowKey, rowText, batchKeys, TextBlocks, type EventBatch } from './event-batch';

export interface MergeResult {
  batch: EventBatch;
  /** Stored rows replaced by a row of the new file with the same id. */
  updated: number;
  /** Rows of the new file whose id was not stored. */
  added: number;
  /** Stored rows the new file does not mention, kept as they were. */
  kept: number;
}

/**
 * Merges a new import into stored rows by id: a stored row whose id the new file has
 * is replaced by the new row, other stored rows are kept, new ids are added. The
 * result's text is rebuilt into fresh blocks (the text of replaced rows is dropped).
 */
export function mergeBatches(stored: EventBatch, incoming: EventBatch): MergeResult {
  const incomingKeys = new Set(batchKeys(incoming));
  const types: string[] = [...stored.eventTypes];
  const typeIndex = new Map(types.map((t, i) => [t, i] as const));
  const remap = incoming.eventTypes.map((t) => {
    let i = typeIndex.get(t);
    if (i === undefined) {
      i = addEventType(types, t);
      typeIndex.set(t, i);
    }
    return i;
  });
  const keep = new Uint8Array(stored.length);
  let keptCount = 0;
  for (let i = 0; i < stored.length; i++) {
    if (!incomingKeys.has(rowKey(stored, i))) {
      keep[i] = 1;
      keptCount++;
    }
  }
  const length = keptCount + incoming.length;
  const text = new TextBlocks();
  const withOrigin = stored.originLon !== null || incoming.originLon !== null;
  const out: EventBatch = {
    length,
    day: new Float32Array(length),
    lon: new Float32Array(length),
    lat: new Float32Array(length),
    eventType: new Uint8Array(length),
    fatalities: new Int32Array(length),
    originLon: withOrigin ? new Float32Array(length).fill(NaN) : null,
    originLat: withOrigin ? new Float32Array(length).fill(NaN) : null,
    eventTypes: types,
    blocks: text.blocks,
    block: new Uint32Array(length),
    start: new Uint32Array(length),
    end: new Uint32Array(length),
  };
  let at = 0;
  const copy = (from: EventBatch, i: number, type: number) => {
    out.day[at] = from.day[i]!;
    out.lon[at] = from.lon[i]!;
    out.lat[at] = from.lat[i]!;
    out.eventType[at] = type;
    out.fatalities[at] = from.fatalities[i]!;
    if (out.originLon && out.originLat && from.originLon && from.originLat) {
      out.originLon[at] = from.originLon[i]!;
      out.originLat[at] = from.originLat[i]!;
    }
    const [block, start, end] = text.addRow(rowText(from, i));
    out.block[at] = block;
    out.start[at] = start;
    out.end[at] = end;
    at++;
  };
  for (let i = 0; i < stored.length; i++) if (keep[i]) copy(stored, i, stored.eventType[i]!);
  for (let i = 0; i < incoming.length; i++) copy(incoming, i, remap[incoming.eventType[i]!]!);
  text.flush();
  const updated = stored.length - keptCount;
  return { batch: out, updated, added: incoming.length - updated, kept: keptCount };
}
