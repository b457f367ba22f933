import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { BACKUP_STORES, BackupFormatError, decodeBackup, encodeBackup, type BackupRecords } from './backup-format';

function records(blocks: number): BackupRecords {
  const empty = Object.fromEntries(BACKUP_STORES.map((s) => [s, []])) as unknown as BackupRecords;
  return {
    ...empty,
    datasets: [{ id: 'd', kind: 'import', name: 'd', visible: true }],
    eventText: Array.from({ length: blocks }, (_, i) => ({ id: `d:${i}`, datasetId: 'd', chunkIndex: i, length: 1, text: `note ${i} `.repeat(10), rowStart: new Uint32Array([0, 80]) })),
  };
}

describe('the backup file', () => {
  it('keeps a store in one JSON file, as version 1, while it is short', () => {
    const bytes = encodeBackup(records(3), '2026-12-03T00:00:00Z');
    const files = unzipSync(bytes);
    expect(Object.keys(files).filter((f) => f.startsWith('stores/eventText'))).toEqual(['stores/eventText.json']);
    expect(JSON.parse(strFromU8(files['backup.json']!)).version).toBe(1);
    expect(decodeBackup(bytes).records).toEqual(records(3));
  });

  it('writes a long store in parts, each under the limit, and reads every record back in order', () => {
    const original = records(40);
    const bytes = encodeBackup(original, '2026-12-03T00:00:00Z', 1000);
    const files = unzipSync(bytes);
    const parts = Object.keys(files).filter((f) => f.startsWith('stores/eventText'));
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(strFromU8(files[part]!).length).toBeLessThanOrEqual(1000);
    const manifest = JSON.parse(strFromU8(files['backup.json']!));
    expect(manifest).toMatchObject({ version: 2, parts: { eventText: parts.length } });
    expect(decodeBackup(bytes).records).toEqual(original);
  });

  it('names the part that is missing', () => {
    const files = unzipSync(encodeBackup(records(40), '2026-12-03T00:00:00Z', 1000));
    delete files['stores/eventText.2.json'];
    expect(() => decodeBackup(zipSync(files))).toThrow(new BackupFormatError('bad-entry', 'stores/eventText.2.json', 'stores/eventText.2.json is missing'));
  });
});
