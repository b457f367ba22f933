import { describe, expect, it } from 'vitest';
import { createChunkDecoder, describeEncoding, detectEncoding, utf8CompleteLength } from './encoding';
import { fixtureBytes } from './test-fixtures';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('encoding detection', () => {
  it('follows a byte-order mark', () => {
    expect(detectEncoding(fixtureBytes('acled-bom.csv'), true)).toMatchObject({ encoding: 'utf-8', bom: true });
    expect(detectEncoding(fixtureBytes('acled-utf16le.csv'), true)).toMatchObject({ encoding: 'utf-16le', bom: true });
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]), true)).toMatchObject({ encoding: 'utf-16be', bom: true });
  });

  it('reads valid UTF-8 as UTF-8, Arabic included', () => {
    expect(detectEncoding(fixtureBytes('acled-valid.csv'), true)).toMatchObject({ encoding: 'utf-8', bom: false });
    expect(detectEncoding(fixtureBytes('generic-origins.csv'), true)).toMatchObject({ encoding: 'utf-8' });
  });

  it('does not take a character cut at the end of a sample for bad UTF-8', () => {
    const bytes = utf8('date,place\n2023-01-01,الميادين');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1), false).encoding).toBe('utf-8');
  });

  it('falls back to windows-1256 for Arabic bytes and windows-1252 for Western ones', () => {
    expect(detectEncoding(fixtureBytes('acled-windows-1256.csv'), true)).toMatchObject({ encoding: 'windows-1256', bom: false });
    expect(detectEncoding(fixtureBytes('acled-windows-1252.csv'), true)).toMatchObject({ encoding: 'windows-1252' });
  });

  it('recognises UTF-16 without a byte-order mark by its zero bytes', () => {
    const text = 'event_id_cnty,event_date\nSYR1,2023-01-01\n';
    const le = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) le[2 * i] = text.charCodeAt(i);
    expect(detectEncoding(le, true)).toMatchObject({ encoding: 'utf-16le', bom: false });
  });

  it('describes what it chose', () => {
    expect(describeEncoding({ encoding: 'utf-8', bom: true, reason: '', reasonCode: 'bom' })).toBe('UTF-8 with BOM');
    expect(describeEncoding({ encoding: 'windows-1256', bom: false, reason: '', reasonCode: 'arabic-fallback' })).toBe('windows-1256 (Arabic)');
  });
});

describe('decoding a file in slices', () => {
  it('finds where the last whole UTF-8 character ends', () => {
    const bytes = utf8('aé😀');
    expect(utf8CompleteLength(bytes)).toBe(bytes.length);
    expect(utf8CompleteLength(bytes.subarray(0, bytes.length - 1))).toBe(3);
    expect(utf8CompleteLength(bytes.subarray(0, 2))).toBe(1);
  });

  it('gives the same text whatever the slice size, and drops only a leading BOM', () => {
    const text = '\ufeffالميادين,Conoco\n\ufeff😀 café,دير الزور\n';
    const bytes = utf8(text);
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const decoder = createChunkDecoder('utf-8');
      let out = '';
      for (let i = 0; i < bytes.length; i += size) out += decoder.decode(bytes.subarray(i, i + size));
      out += decoder.end();
      expect(out).toBe(text.slice(1));
    }
  });

  it('throws on bytes that are not UTF-8', () => {
    expect(() => createChunkDecoder('utf-8').decode(new Uint8Array([0x61, 0xe9, 0x20]))).toThrow();
  });
});
