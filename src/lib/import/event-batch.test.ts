import { describe, expect, it } from 'vitest';
import type { EventTextRecord } from '../data/db';
import { concatEventChunks, decodeTextRow, FIELD_SEPARATOR } from '../data/event-store';
import { batchKeys, EventAccumulator, MAX_EVENT_TYPES, rowText, type EventBatch } from './event-batch';
import { mergeBatches } from './event-merge';
import { batchFromRecords, buildEventRecords, sortOrderByDay } from './event-records';

function batchOf(rows: [id: string, day: number, type: string, notes?: string][]): EventBatch {
  const acc = new EventAccumulator(2);
  for (const [id, day, type, notes = ''] of rows) acc.add(day, 40 + day / 100, 35, type, day % 3 === 0 ? -1 : day, [id, `d${day}`, type, '', '', '', '', notes, '', '', '']);
  return acc.finish();
}

describe('event columns', () => {
  it('sorts rows by day, keeping file order within a day', () => {
    expect([...sortOrderByDay(new Float32Array([5, 1, 5, 0, 1]))]).toEqual([3, 1, 4, 0, 2]);
    expect([...sortOrderByDay(new Float32Array([2.5, 1.25, 2.5, -3]))]).toEqual([3, 1, 0, 2]);
    expect([...sortOrderByDay(new Float32Array([]))]).toEqual([]);
  });

  it('cuts a batch into sorted chunk records that read back identical', () => {
    const rows: [string, number, string, string][] = Array.from({ length: 23 }, (_, i) => [`E${i}`, (i * 7) % 10, i % 2 ? 'A' : 'B', `note ${i} with\nnewline`]);
    const batch = batchOf(rows);
    const records = buildEventRecords(batch, 'ds', 5);
    expect(records.chunks.map((c) => [c.id, c.length])).toEqual([['ds:0', 5], ['ds:1', 5], ['ds:2', 5], ['ds:3', 5], ['ds:4', 3]]);
    expect(records.dayRange).toEqual([0, 9]);
    // The text stays in file order, in the blocks the reader made.
    expect(records.texts.map((t) => t.text)).toEqual(batch.blocks);
    expect(records.texts.reduce((n, t) => n + t.length, 0)).toBe(23);
    const columns = concatEventChunks('ds', records.chunks, batch.eventTypes);
    expect(columns.length).toBe(23);
    expect([...columns.day]).toEqual([...columns.day].sort((a, b) => a - b));
    // Each row's numbers, id and text travel together.
    const blocks = new Map<number, EventTextRecord>(records.texts.map((t) => [t.chunkIndex, t]));
    for (let chunk = 0; chunk < records.chunks.length; chunk++) {
      const c = records.chunks[chunk]!;
      const k = records.keys[chunk]!;
      const ids = k.keys.split(FIELD_SEPARATOR);
      for (let j = 0; j < c.length; j++) {
        const text = decodeTextRow(blocks.get(k.textBlock[j]!)!, k.textIndex[j]!);
        const original = rows.find((r) => r[0] === text.id)!;
        expect(ids[j]).toBe(text.id);
        expect(c.day[j]).toBe(original[1]);
        expect(text.notes).toBe(original[3]);
        expect(batch.eventTypes[c.eventType[j]!]).toBe(original[2]);
      }
    }
    const back = batchFromRecords(records.chunks, records.keys, records.texts, batch.eventTypes);
    expect(back.length).toBe(23);
    expect(batchKeys(back)).toEqual(records.keys.flatMap((k) => k.keys.split(FIELD_SEPARATOR)));
    expect(rowText(back, 0).split(FIELD_SEPARATOR)[7]).toBe(rows.find((r) => r[0] === batchKeys(back)[0])![3]);
  });

  it('turns separator characters inside fields into spaces when told the input has some', () => {
    const acc = new EventAccumulator();
    acc.cleanFields = true;
    acc.add(1, 40, 35, 'T', 0, ['id\u001f1', '', 'T', '', '', '', '', 'a\u001eb', '', '', '']);
    const batch = acc.finish();
    expect(rowText(batch, 0).split(FIELD_SEPARATOR)).toEqual(['id 1', '', 'T', '', '', '', '', 'a b', '', '', '']);
  });

  it('puts event types past the 255th under "Other"', () => {
    const acc = new EventAccumulator();
    for (let i = 0; i < 300; i++) acc.add(i, 40, 35, `type ${i}`, 0, [`e${i}`]);
    const batch = acc.finish();
    expect(batch.eventTypes).toHaveLength(MAX_EVENT_TYPES);
    expect(batch.eventTypes.at(-1)).toBe('Other');
    expect(batch.eventType[299]).toBe(255);
    expect(batch.eventTypes[batch.eventType[254]!]).toBe('type 254');
  });

  it('merges by id: replaces rows the new file has, keeps the others, adds new ones', () => {
    const stored = batchOf([['A', 1, 'x', 'old a'], ['B', 2, 'y', 'old b'], ['C', 3, 'x', 'old c']]);
    const incoming = batchOf([['B', 5, 'z', 'new b'], ['D', 4, 'x', 'new d']]);
    const { batch, updated, added, kept } = mergeBatches(stored, incoming);
    expect({ updated, added, kept }).toEqual({ updated: 1, added: 1, kept: 2 });
    const merged = Array.from({ length: batch.length }, (_, i) => {
      const parts = rowText(batch, i).split(FIELD_SEPARATOR);
      return [parts[0], batch.day[i], batch.eventTypes[batch.eventType[i]!], parts[7]];
    });
    expect(merged).toEqual([['A', 1, 'x', 'old a'], ['C', 3, 'x', 'old c'], ['B', 5, 'z', 'new b'], ['D', 4, 'x', 'new d']]);
    expect(batch.eventTypes).toEqual(['x', 'y', 'z']);
  });
});
