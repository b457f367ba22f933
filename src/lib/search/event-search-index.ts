/**
 * Searching imported events (issue 22): an inverted index of the words of their text,
 * folded as the incidents' search folds them (normalize-text.ts), built in the import
 * worker while the file is read and stored with the dataset.
 *
 * - The vocabulary: every distinct folded word, joined by '\n' into one string, so that a
 *   query word is found inside words ("mayadin" in "almayadin") by a few indexOf calls
 *   over a few megabytes rather than a call per word.
 * - The postings: for each word, the rows holding it, ascending, as variable-length
 *   deltas (one byte for most), all in one Uint8Array.
 *
 * Rows are numbered as the builder was given them; `order` (when not null) maps a row
 * of the stored dataset (sorted by day) to that number. A query marks the rows holding
 * every one of its words and answers a 0/1 byte per stored row.
 */
import { normalizeText } from '../analysis/normalize-text';
import { FIELD_SEPARATOR, TEXT_FIELDS, type TextField } from '../data/event-store';

/** The fields searched: what an analyst would look for (who, where, what was said), not ids or dates. */
export const SEARCHED_FIELDS: readonly TextField[] = ['eventType', 'subEventType', 'actor1', 'actor2', 'location', 'admin', 'notes', 'source', 'origin', 'weapon'];

export interface EventSearchIndex {
  /** Rows indexed. */
  rows: number;
  /** Folded words joined by '\n'. */
  vocabulary: string;
  /** Where word k starts in `vocabulary` (words + 1 entries; the last is vocabulary.length + 1). */
  wordStart: Uint32Array;
  /** Per word, its rows as deltas from the previous (the first from -1), 7 bits per byte, high bit: more. */
  postings: Uint8Array;
  /** Where word k's postings start (words + 1 entries). */
  postingStart: Uint32Array;
  /** Stored row -> indexed row; null when they are the same. */
  order: Uint32Array | null;
}

const SEPARATOR_CODE = FIELD_SEPARATOR.charCodeAt(0);
const SEARCHED = new Uint8Array(TEXT_FIELDS.length);
for (const field of SEARCHED_FIELDS) SEARCHED[TEXT_FIELDS.indexOf(field)] = 1;

/** Characters that part words besides ASCII ones other than letters and digits (normalizeText makes them spaces). */
const NON_ASCII_BREAKS = new Set([...'\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u3000«»“”‘’ʿʾ،؛؟'].map((c) => c.charCodeAt(0)));

function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return !NON_ASCII_BREAKS.has(c);
}
/** Word characters, looked up by code for the first 0x800 (Latin, Arabic): the builder's inner loop. */
const WORD_CODES = new Uint8Array(0x800);
for (let c = 0; c < WORD_CODES.length; c++) WORD_CODES[c] = isWordCode(c) ? 1 : 0;

/** Grows a byte buffer to hold at least `need` bytes. */
function grown(buffer: Uint8Array, need: number): Uint8Array {
  const next = new Uint8Array(Math.max(need, buffer.length * 2));
  next.set(buffer);
  return next;
}

export class EventSearchIndexBuilder {
  /** Rows added so far: the next row's number. */
  rows = 0;
  /** Folded word -> word number. */
  private readonly wordIds = new Map<string, number>();
  private readonly words: string[] = [];
  /**
   * Raw words as written (spellings), each folded once: an open-addressing table keyed by a
   * hash computed while the characters are scanned, so that the 45 million words of a
   * million ACLED rows are looked up without making a string of each.
   */
  private slots = new Int32Array(1 << 12).fill(-1);
  private spellingHash: number[] = [];
  private spellingText: string[] = [];
  private spellingIds: (number | number[])[] = [];
  private postings: Uint8Array[] = [];
  private postingLength = new Int32Array(1024);
  private lastRow = new Int32Array(1024);

  /** Starts again from row 0 (a file read again with another encoding). */
  reset(): void {
    this.rows = 0;
    this.wordIds.clear();
    this.words.length = 0;
    this.slots = new Int32Array(1 << 12).fill(-1);
    this.spellingHash = [];
    this.spellingText = [];
    this.spellingIds = [];
    this.postings = [];
    this.postingLength = new Int32Array(1024);
    this.lastRow = new Int32Array(1024);
  }

  /** Indexes the next row: its fields (TEXT_FIELDS order) joined by FIELD_SEPARATOR in text[start, end). */
  addRow(text: string, start: number, end: number): void {
    const row = this.rows++;
    let field = 0;
    let wordStart = -1;
    let hash = 0;
    for (let i = start; i <= end; i++) {
      const c = i < end ? text.charCodeAt(i) : SEPARATOR_CODE;
      const word = c < 0x800 ? WORD_CODES[c] === 1 : isWordCode(c);
      if (word) {
        if (wordStart < 0) {
          wordStart = i;
          hash = 0x811c9dc5;
        }
        hash = Math.imul(hash ^ c, 0x01000193);
        continue;
      }
      if (wordStart >= 0) {
        if (SEARCHED[field]) this.addWord(text, wordStart, i, hash, row);
        wordStart = -1;
      }
      if (c === SEPARATOR_CODE) field++;
    }
  }

  /** Indexes the rows of a stored text block (rowStart: where each row starts, plus one past the end). */
  addBlock(text: string, rowStart: Uint32Array): void {
    for (let k = 0; k + 1 < rowStart.length; k++) this.addRow(text, rowStart[k]!, rowStart[k + 1]! - 1);
  }

  private addWord(text: string, start: number, end: number, hash: number, row: number): void {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const spelling = this.slots[slot]!;
      if (spelling < 0) {
        this.newSpelling(slot, text.slice(start, end), hash, row);
        return;
      }
      if (this.spellingHash[spelling] !== hash) continue;
      const known = this.spellingText[spelling]!;
      if (known.length !== length) continue;
      let same = true;
      for (let k = 0; k < length; k++) {
        if (known.charCodeAt(k) !== text.charCodeAt(start + k)) {
          same = false;
          break;
        }
      }
      if (!same) continue;
      const ids = this.spellingIds[spelling]!;
      if (typeof ids === 'number') this.post(ids, row);
      else for (const id of ids) this.post(id, row);
      return;
    }
  }

  private newSpelling(slot: number, raw: string, hash: number, row: number): void {
    const spelling = this.spellingText.length;
    const ids = this.foldedIds(raw);
    this.spellingText.push(raw);
    this.spellingHash.push(hash);
    this.spellingIds.push(ids);
    this.slots[slot] = spelling;
    if (typeof ids === 'number') this.post(ids, row);
    else for (const id of ids) this.post(id, row);
    // At most half full: a probe stays short.
    if (this.spellingText.length * 2 > this.slots.length) {
      const slots = new Int32Array(this.slots.length * 2).fill(-1);
      const mask = slots.length - 1;
      this.spellingHash.forEach((h, k) => {
        let s = h & mask;
        while (slots[s] !== -1) s = (s + 1) & mask;
        slots[s] = k;
      });
      this.slots = slots;
    }
  }

  private foldedIds(raw: string): number | number[] {
    const ids: number[] = [];
    for (const word of normalizeText(raw).split(' ')) {
      if (word === '') continue;
      let id = this.wordIds.get(word);
      if (id === undefined) {
        id = this.words.length;
        this.words.push(word);
        this.wordIds.set(word, id);
        if (id >= this.lastRow.length) {
          const lastRow = new Int32Array(this.lastRow.length * 2);
          lastRow.set(this.lastRow);
          this.lastRow = lastRow;
          const length = new Int32Array(this.postingLength.length * 2);
          length.set(this.postingLength);
          this.postingLength = length;
        }
        this.lastRow[id] = -1;
        this.postingLength[id] = 0;
        this.postings.push(new Uint8Array(4));
      }
      if (!ids.includes(id)) ids.push(id);
    }
    return ids.length === 1 ? ids[0]! : ids;
  }

  private post(id: number, row: number): void {
    const last = this.lastRow[id]!;
    if (last === row) return;
    this.lastRow[id] = row;
    let delta = row - last;
    let length = this.postingLength[id]!;
    let buffer = this.postings[id]!;
    if (length + 5 > buffer.length) buffer = this.postings[id] = grown(buffer, length + 5);
    while (delta >= 0x80) {
      buffer[length++] = (delta & 0x7f) | 0x80;
      delta >>>= 7;
    }
    buffer[length++] = delta;
    this.postingLength[id] = length;
  }

  /** The index of the rows added; `order`: stored row -> added row (null when the same). */
  finish(order: Uint32Array | null = null): EventSearchIndex {
    const count = this.words.length;
    const wordStart = new Uint32Array(count + 1);
    let at = 0;
    for (let k = 0; k < count; k++) {
      wordStart[k] = at;
      at += this.words[k]!.length + 1;
    }
    wordStart[count] = at;
    const postingStart = new Uint32Array(count + 1);
    let bytes = 0;
    for (let k = 0; k < count; k++) {
      postingStart[k] = bytes;
      bytes += this.postingLength[k]!;
    }
    postingStart[count] = bytes;
    const postings = new Uint8Array(bytes);
    for (let k = 0; k < count; k++) postings.set(this.postings[k]!.subarray(0, this.postingLength[k]!), postingStart[k]!);
    return { rows: this.rows, vocabulary: this.words.join('\n'), wordStart, postings, postingStart, order };
  }
}

/** The number of the word whose text holds position `at` of the vocabulary. */
function wordAt(index: EventSearchIndex, at: number): number {
  const starts = index.wordStart;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The numbers of the words that hold `part` (folded). */
export function wordsHolding(index: EventSearchIndex, part: string): number[] {
  const found: number[] = [];
  if (part === '') return found;
  const { vocabulary, wordStart } = index;
  let from = 0;
  for (;;) {
    const at = vocabulary.indexOf(part, from);
    if (at < 0) break;
    const word = wordAt(index, at);
    found.push(word);
    from = wordStart[word + 1]!;
  }
  return found;
}

/** The words of a query, folded as the index's are. */
export function queryWords(query: string): string[] {
  return [...new Set(normalizeText(query).split(' ').filter(Boolean))];
}

/**
 * 1 for each stored row whose searched text holds every word of `query` (inside a word,
 * as the incidents' search); null for an empty query (every row matches).
 */
export function searchRows(index: EventSearchIndex, query: string): Uint8Array | null {
  const words = queryWords(query);
  if (words.length === 0) return null;
  // hits[row]: how many of the query's words the row holds so far, in the query's order.
  const hits = new Uint8Array(index.rows);
  const { postings, postingStart } = index;
  for (let w = 0; w < words.length && w < 255; w++) {
    for (const word of wordsHolding(index, words[w]!)) markRows(postings, postingStart[word]!, postingStart[word + 1]!, hits, w);
  }
  const all = Math.min(words.length, 255);
  const { order } = index;
  if (!order) {
    for (let r = 0; r < hits.length; r++) hits[r] = hits[r] === all ? 1 : 0;
    return hits;
  }
  const out = new Uint8Array(order.length);
  for (let r = 0; r < order.length; r++) out[r] = hits[order[r]!] === all ? 1 : 0;
  return out;
}

/** Adds word `w` to the rows of one posting list that hold words 0..w-1 (one-byte deltas first: most are). */
function markRows(postings: Uint8Array, start: number, end: number, hits: Uint8Array, w: number): void {
  let row = -1;
  for (let at = start; at < end; ) {
    let byte = postings[at++]!;
    if (byte < 0x80) {
      row += byte;
    } else {
      let delta = byte & 0x7f;
      let shift = 7;
      do {
        byte = postings[at++]!;
        delta |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      row += delta;
    }
    if (hits[row] === w) hits[row] = w + 1;
  }
}

/** Rows matching (the count shown next to the search). */
export function countMatches(matches: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < matches.length; i++) n += matches[i]!;
  return n;
}
