/** A file to import as the importer reads it: by slices, from a Blob or from bytes. */

/** A file as the parser reads it: in slices, so a big file is never read whole. */
export interface ImportSource {
  name: string;
  size: number;
  slice(start: number, end: number): Promise<Uint8Array>;
}

export function blobSource(blob: Blob, name: string): ImportSource {
  return {
    name,
    size: blob.size,
    slice: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
  };
}

export function bytesSource(name: string, bytes: Uint8Array): ImportSource {
  return { name, size: bytes.length, slice: async (start, end) => bytes.subarray(start, Math.min(end, bytes.length)) };
}
