/**
 * The backup file: every record of every store, in one zip that any unzip tool opens.
 *
 *   backup.json         what the file is: format, version, when, and how many records per store
 *   stores/<store>.json the store's records as JSON, each typed array replaced by {"$bin": "bin/<n>", "type": …};
 *                       a store whose JSON is longer than PART_CHARS goes on in stores/<store>.1.json, .2.json…
 *                       (version 2; a browser's strings end at about 512 million characters, and the text of
 *                       a million ACLED rows comes close)
 *   bin/<n>             that typed array's bytes (little-endian, as every browser stores them)
 *
 * Records go back exactly as they were: same fields, same typed array types and bytes.
 * Pure: bytes in, records out, and back (fflate zips; nothing here touches IndexedDB).
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export const BACKUP_FORMAT = 'eastern-syria-strikes-map-backup';
/** 1: one JSON file per store; 2: a store may be in parts (written only when one is). */
export const BACKUP_VERSION = 2;
/** The most characters of JSON in one entry (a part of a store). */
export const PART_CHARS = 64 * 1024 * 1024;
/** The stores a backup holds, in the order they are written and restored. */
export const BACKUP_STORES = ['datasets', 'incidents', 'places', 'sources', 'eventChunks', 'eventText', 'eventKeys'] as const;
export type BackupStore = (typeof BACKUP_STORES)[number];

export type BackupRecords = Record<BackupStore, Record<string, unknown>[]>;

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  counts: Record<BackupStore, number>;
  /** Version 2: how many JSON files a store is in, where more than one. */
  parts?: Partial<Record<BackupStore, number>>;
}

const TYPED_ARRAYS = {
  Float32Array,
  Float64Array,
  Int8Array,
  Int16Array,
  Int32Array,
  Uint8Array,
  Uint16Array,
  Uint32Array,
  Uint8ClampedArray,
} as const;
type TypedArrayName = keyof typeof TYPED_ARRAYS;

/** Why a file is not a backup this app can restore; `where` names the entry and field. */
export class BackupFormatError extends Error {
  constructor(
    readonly code: 'not-zip' | 'not-backup' | 'newer-version' | 'bad-entry',
    readonly where: string,
    message: string,
  ) {
    super(message);
  }
}

/** True when the bytes start like a zip file (a backup, or some other zip). */
export function looksLikeZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

export function encodeBackup(records: BackupRecords, createdAt = new Date().toISOString(), partChars = PART_CHARS): Uint8Array {
  const files: Zippable = {};
  let next = 0;
  const encode = (value: unknown): unknown => {
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const name = value.constructor.name;
      if (!(name in TYPED_ARRAYS)) throw new Error(`cannot back up a ${name}`);
      const path = `bin/${next++}`;
      // Binary columns hardly compress: stored as they are, which is also the fastest.
      files[path] = [new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength)), { level: 0 }];
      return { $bin: path, type: name };
    }
    if (Array.isArray(value)) return value.map(encode);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
    return value;
  };
  const counts = {} as Record<BackupStore, number>;
  const parts: Partial<Record<BackupStore, number>> = {};
  for (const store of BACKUP_STORES) {
    counts[store] = records[store].length;
    // The records as JSON, one record at a time, in parts of at most partChars characters.
    const texts: string[] = [];
    let part: string[] = [];
    let chars = 2;
    for (const record of records[store]) {
      const json = JSON.stringify(encode(record));
      if (part.length > 0 && chars + json.length + 1 > partChars) {
        texts.push(`[${part.join(',')}]`);
        part = [];
        chars = 2;
      }
      part.push(json);
      chars += json.length + 1;
    }
    texts.push(`[${part.join(',')}]`);
    texts.forEach((text, i) => (files[i === 0 ? `stores/${store}.json` : `stores/${store}.${i}.json`] = [strToU8(text), { level: 1 }]));
    if (texts.length > 1) parts[store] = texts.length;
  }
  // Version 1 when no store is in parts: what every earlier version of the app reads.
  const split = Object.keys(parts).length > 0;
  const manifest: BackupManifest = { format: BACKUP_FORMAT, version: split ? BACKUP_VERSION : 1, createdAt, counts, ...(split ? { parts } : {}) };
  files['backup.json'] = strToU8(JSON.stringify(manifest, null, 2));
  return zipSync(files);
}

export function decodeBackup(bytes: Uint8Array): { manifest: BackupManifest; records: BackupRecords } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    throw new BackupFormatError('not-zip', '', `not a readable zip file (${error instanceof Error ? error.message : String(error)})`);
  }
  const manifestBytes = files['backup.json'];
  if (!manifestBytes) throw new BackupFormatError('not-backup', 'backup.json', 'no backup.json: not a backup of this app');
  const manifest = parseJson(manifestBytes, 'backup.json') as Partial<BackupManifest>;
  if (manifest.format !== BACKUP_FORMAT) throw new BackupFormatError('not-backup', 'backup.json: format', 'not a backup of this app');
  if (typeof manifest.version !== 'number' || manifest.version > BACKUP_VERSION)
    throw new BackupFormatError('newer-version', 'backup.json: version', `made by a newer version of the app (backup version ${String(manifest.version)})`);
  const decode = (value: unknown, where: string): unknown => {
    if (Array.isArray(value)) return value.map((v, i) => decode(v, `${where}[${i}]`));
    if (value !== null && typeof value === 'object') {
      const bin = value as { $bin?: unknown; type?: unknown };
      if (typeof bin.$bin === 'string') {
        const data = files[bin.$bin];
        const Type = typeof bin.type === 'string' && bin.type in TYPED_ARRAYS ? TYPED_ARRAYS[bin.type as TypedArrayName] : null;
        if (!data || !Type) throw new BackupFormatError('bad-entry', where, `missing or unknown binary entry ${bin.$bin}`);
        if (data.byteLength % Type.BYTES_PER_ELEMENT !== 0) throw new BackupFormatError('bad-entry', where, `${bin.$bin} is not a whole number of ${bin.type} elements`);
        const copy = data.slice().buffer;
        return new Type(copy);
      }
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v, `${where}.${k}`)]));
    }
    return value;
  };
  const records = {} as BackupRecords;
  for (const store of BACKUP_STORES) {
    const count = manifest.parts?.[store] ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new BackupFormatError('bad-entry', `backup.json: parts.${store}`, 'not a count of files');
    records[store] = [];
    for (let part = 0; part < count; part++) {
      const path = part === 0 ? `stores/${store}.json` : `stores/${store}.${part}.json`;
      const entry = files[path];
      if (!entry) throw new BackupFormatError('bad-entry', path, `${path} is missing`);
      const list = parseJson(entry, path);
      if (!Array.isArray(list)) throw new BackupFormatError('bad-entry', path, `${path} is not a list of records`);
      list.forEach((record, i) => {
        if (record === null || typeof record !== 'object' || Array.isArray(record)) throw new BackupFormatError('bad-entry', `${path} record ${i + 1}`, 'not a record');
        records[store].push(decode(record, `${path} record ${i + 1}`) as Record<string, unknown>);
      });
    }
  }
  return { manifest: manifest as BackupManifest, records };
}

function parseJson(bytes: Uint8Array, where: string): unknown {
  try {
    return JSON.parse(strFromU8(bytes));
  } catch (error) {
    throw new BackupFormatError('bad-entry', where, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
