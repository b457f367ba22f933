/**
 * Which text encoding a file is in. A byte-order mark decides (UTF-8, UTF-16 LE/BE);
 * without one the file is read as UTF-8 when its bytes are valid UTF-8, otherwise as
 * windows-1256 (Arabic Windows, what Excel writes on an Arabic system) when most of its
 * non-ASCII bytes decode to Arabic letters there, else windows-1252 (Western Windows).
 * UTF-16 without a mark is recognised by its zero bytes. The guess is made on the start of
 * the file; a file that stops being UTF-8 further on is read again in the fallback
 * (readWithFallback: the one rule for CSV, GeoJSON and JSON alike).
 */
import { ImportError } from './import-errors';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'windows-1252';

export interface EncodingGuess {
  encoding: TextEncodingName;
  /** The file starts with a byte-order mark (the decoder drops it). */
  bom: boolean;
  /** Why, in English. */
  reason: string;
  /** Why, as a code (the UI shows 'import.encodingReason.<code>' in the interface language). */
  reasonCode: EncodingReasonCode;
}

/**
 * 'bom': a byte-order mark; 'utf16-zeros': UTF-16 recognised by its zero bytes;
 * 'valid-utf8'; 'arabic-fallback' / 'western-fallback': not UTF-8, read as windows-1256
 * / windows-1252; 'reread': not UTF-8 further into the file, read again in the fallback.
 */
export type EncodingReasonCode = 'bom' | 'utf16-zeros' | 'valid-utf8' | 'arabic-fallback' | 'western-fallback' | 'reread';

export function bomOf(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * Valid UTF-8 up to the end of the sample. `complete` is false when the sample is the
 * start of a longer file: a multi-byte character cut at its end is then not an error.
 */
export function isValidUtf8(bytes: Uint8Array, complete: boolean): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    decoder.decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

function guessUtf16WithoutBom(bytes: Uint8Array): TextEncodingName | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Share of the non-ASCII characters of `text` that are Arabic letters. */
function arabicShare(text: string): number {
  let nonAscii = 0;
  let arabic = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c >= 0x0600 && c <= 0x06ff) arabic++;
  }
  return nonAscii === 0 ? 0 : arabic / nonAscii;
}

/**
 * Guesses the encoding from the first bytes of a file (`complete`: the sample is the
 * whole file). A file that turns out not to be UTF-8 further on is read again with
 * the fallback (see csv-import.ts).
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): EncodingGuess {
  const bom = bomOf(sample);
  if (bom) return { encoding: bom.encoding, bom: true, reason: `byte-order mark (${bom.encoding.toUpperCase()})`, reasonCode: 'bom' };
  const utf16 = guessUtf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bom: false, reason: `${utf16.toUpperCase()} without a byte-order mark (zero bytes)`, reasonCode: 'utf16-zeros' };
  if (isValidUtf8(sample, complete)) return { encoding: 'utf-8', bom: false, reason: 'valid UTF-8', reasonCode: 'valid-utf8' };
  return fallbackEncoding(sample);
}

/** For bytes that are not UTF-8: windows-1256 when they read as Arabic there, else windows-1252. */
export function fallbackEncoding(sample: Uint8Array): EncodingGuess {
  const asArabic = new TextDecoder('windows-1256').decode(sample);
  if (arabicShare(asArabic) >= 0.5)
    return { encoding: 'windows-1256', bom: false, reason: 'not valid UTF-8; its bytes read as Arabic in windows-1256', reasonCode: 'arabic-fallback' };
  return { encoding: 'windows-1252', bom: false, reason: 'not valid UTF-8; read as windows-1252 (Western)', reasonCode: 'western-fallback' };
}

/** Bytes that are not UTF-8, met in a file read as UTF-8; `bytes`: the slice they are in. */
export class NotUtf8 extends Error {
  constructor(readonly bytes: Uint8Array) {
    super('not UTF-8');
  }
}

/**
 * Reads a whole file with `read` in the encoding guessed from its start. When a UTF-8 read
 * meets bytes that are not UTF-8 further on (`read` throws NotUtf8), the file is read again
 * from the start, once, in the fallback those bytes suggest: never a silent U+FFFD.
 */
export async function readWithFallback<T>(fileName: string, guess: EncodingGuess, read: (encoding: EncodingGuess) => Promise<T>): Promise<T> {
  try {
    return await read(guess);
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error;
    const fallback: EncodingGuess = { ...fallbackEncoding(error.bytes), reason: 'not valid UTF-8 further into the file; read again', reasonCode: 'reread' };
    try {
      return await read(fallback);
    } catch (again) {
      if (again instanceof NotUtf8) throw new ImportError(`${fileName} is not valid text in any encoding tried.`, 'not-text', { file: fileName });
      throw again;
    }
  }
}

export function describeEncoding(guess: EncodingGuess): string {
  const names: Record<TextEncodingName, string> = {
    'utf-8': 'UTF-8',
    'utf-16le': 'UTF-16 LE',
    'utf-16be': 'UTF-16 BE',
    'windows-1256': 'windows-1256 (Arabic)',
    'windows-1252': 'windows-1252 (Western)',
  };
  return `${names[guess.encoding]}${guess.bom ? ' with BOM' : ''}`;
}

/** Where the last complete UTF-8 character of `bytes` ends (a character cut at the end starts there). */
export function utf8CompleteLength(bytes: Uint8Array): number {
  const n = bytes.length;
  let k = n - 1;
  while (k >= 0 && k > n - 4 && (bytes[k]! & 0xc0) === 0x80) k--;
  if (k < 0) return n;
  const lead = bytes[k]!;
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return k + size <= n ? n : k;
}

export interface ChunkDecoder {
  /** Text of the next bytes; a character cut at their end is kept for the next call. Throws on bad UTF-8. */
  decode(bytes: Uint8Array): string;
  /** The end of the input. */
  end(): string;
}

/**
 * A decoder for a file read in slices. For UTF-8 it cuts at character boundaries itself
 * and decodes each piece whole rather than with `stream: true`, which in V8 yields
 * compact one-byte strings for Latin text (half the memory of a million rows); a
 * byte-order mark is dropped only at the very start of the file.
 */
export function createChunkDecoder(encoding: TextEncodingName): ChunkDecoder {
  if (encoding !== 'utf-8') {
    const decoder = new TextDecoder(encoding);
    return { decode: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
  }
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let carry: Uint8Array | null = null;
  let first = true;
  return {
    decode(bytes) {
      let input = bytes;
      if (carry) {
        input = new Uint8Array(carry.length + bytes.length);
        input.set(carry);
        input.set(bytes, carry.length);
        carry = null;
      }
      if (first && input.length >= 3) {
        first = false;
        if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) input = input.subarray(3);
      } else if (first && input.length < 3) {
        carry = input;
        return '';
      }
      const complete = utf8CompleteLength(input);
      if (complete < input.length) carry = input.slice(complete);
      return decoder.decode(input.subarray(0, complete));
    },
    end() {
      const rest = carry;
      carry = null;
      if (!rest || rest.length === 0) return '';
      if (first && rest[0] === 0xef && rest[1] === 0xbb && rest[2] === 0xbf) return decoder.decode(rest.subarray(3));
      return decoder.decode(rest);
    },
  };
}
