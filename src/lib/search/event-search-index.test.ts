import { describe, expect, it } from 'vitest';
import { FIELD_SEPARATOR, TEXT_FIELDS, type TextField } from '../data/event-store';
import { countMatches, EventSearchIndexBuilder, searchRows, wordsHolding } from './event-search-index';

/** A stored row's text: the given fields in TEXT_FIELDS order, the others empty. */
function row(fields: Partial<Record<TextField, string>>): string {
  return TEXT_FIELDS.map((f) => fields[f] ?? '').join(FIELD_SEPARATOR);
}

function indexOf(rows: Partial<Record<TextField, string>>[], order: Uint32Array | null = null) {
  const builder = new EventSearchIndexBuilder();
  for (const r of rows) {
    const text = row(r);
    builder.addRow(text, 0, text.length);
  }
  return builder.finish(order);
}

const matched = (mask: Uint8Array | null) => (mask ? [...mask].flatMap((m, i) => (m ? [i] : [])) : null);

const ROWS: Partial<Record<TextField, string>>[] = [
  { id: 'SYR1', notes: 'Rockets hit the Al-Omar oil field from al-Mayādīn.', actor1: 'Islamic Resistance in Iraq', location: 'Al Omar Oil Field', admin: 'Deir ez-Zor / Al Mayadin' },
  { id: 'SYR2', notes: 'قصفٌ صاروخيّ استهدف حقل العمر من مدينة المَيادين', location: 'الميادين', admin: 'دير الزور' },
  { id: 'SYR3', notes: 'Coalition artillery responded toward launch sites.', actor1: 'Military Forces of the United States', location: 'Conoco Gas Field' },
  { id: 'SYR4', date: '2023-11-01', notes: 'A drone was shot down; no casualties.', weapon: 'one-way drone', origin: 'Hatla', admin: 'Deir ez-Zor / Deir ez-Zor / Khasham' },
];

describe('the search index of imported events', () => {
  it('finds words inside words, case and accents folded, every word of the query required', () => {
    const index = indexOf(ROWS);
    expect(matched(searchRows(index, 'mayadin'))).toEqual([0]);
    expect(matched(searchRows(index, 'OMAR'))).toEqual([0]);
    expect(matched(searchRows(index, 'artill'))).toEqual([2]);
    expect(matched(searchRows(index, 'drone khasham'))).toEqual([3]);
    expect(matched(searchRows(index, 'drone mayadin'))).toEqual([]);
    expect(matched(searchRows(index, 'Deir ez-Zor'))).toEqual([0, 3]);
  });

  it('folds Arabic as the incidents search does: marks, tatweel, alef and ta marbuta forms', () => {
    const index = indexOf(ROWS);
    expect(matched(searchRows(index, 'الميادين'))).toEqual([1]);
    expect(matched(searchRows(index, 'صاروخي'))).toEqual([1]);
    expect(matched(searchRows(index, 'مـديـنـة'))).toEqual([1]);
    expect(matched(searchRows(index, 'مدينه'))).toEqual([1]);
    expect(matched(searchRows(index, 'دير الزور'))).toEqual([1]);
  });

  it('searches notes, actors, places, admin areas, origin and weapon, not ids or dates', () => {
    const index = indexOf(ROWS);
    expect(matched(searchRows(index, 'resistance'))).toEqual([0]);
    expect(matched(searchRows(index, 'hatla'))).toEqual([3]);
    expect(matched(searchRows(index, 'one-way'))).toEqual([3]);
    expect(matched(searchRows(index, 'SYR1'))).toEqual([]);
    expect(matched(searchRows(index, '2023'))).toEqual([]);
  });

  it('answers per stored row through the order the rows were sorted in', () => {
    // Stored row 0 is the fourth row given, and so on.
    const index = indexOf(ROWS, Uint32Array.from([3, 2, 1, 0]));
    expect(matched(searchRows(index, 'drone'))).toEqual([0]);
    expect(matched(searchRows(index, 'omar'))).toEqual([3]);
  });

  it('has no answer for an empty query, and counts what matched', () => {
    const index = indexOf(ROWS);
    expect(searchRows(index, '  ')).toBeNull();
    expect(countMatches(searchRows(index, 'field')!)).toBe(2);
    expect(wordsHolding(index, 'zzz')).toEqual([]);
  });

  it('starts over when reset, and numbers rows of many blocks in order (deltas over one byte)', () => {
    const builder = new EventSearchIndexBuilder();
    const texts = Array.from({ length: 1000 }, (_, i) => row({ notes: i % 300 === 7 ? 'rare word here' : 'common words only' }));
    const block = texts.join(FIELD_SEPARATOR);
    const rowStart = new Uint32Array(texts.length + 1);
    let at = 0;
    texts.forEach((t, i) => {
      rowStart[i] = at;
      at += t.length + 1;
    });
    rowStart[texts.length] = at;
    builder.addBlock(row({ notes: 'a first reading' }), Uint32Array.from([0, row({ notes: 'a first reading' }).length + 1]));
    builder.reset();
    builder.addBlock(block, rowStart);
    builder.addBlock(block, rowStart);
    const index = builder.finish();
    expect(index.rows).toBe(2000);
    expect(matched(searchRows(index, 'rare'))).toEqual([7, 307, 607, 907, 1007, 1307, 1607, 1907]);
    expect(countMatches(searchRows(index, 'common')!)).toBe(1992);
    expect(matched(searchRows(index, 'reading'))).toEqual([]);
  });
});
