// Parses a File exactly as the app's import worker feeds papaparse, and does nothing with
// the rows but count them.
import Papa from 'papaparse';

const SLICE_BYTES = 4 * 1024 * 1024; // as csv-import.ts

function createPushStream() {
  const listeners = {};
  return {
    stream: {
      readable: true,
      read() {},
      pause() {},
      resume() {},
      on(event, fn) {
        listeners[event] = fn;
      },
      removeListener(event) {
        delete listeners[event];
      },
    },
    push: (text) => listeners.data?.(text),
    end: () => listeners.end?.(),
  };
}

self.onmessage = async (event) => {
  const file = event.data.file;
  const start = performance.now();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const push = createPushStream();
  let rows = 0;
  let errors = 0;
  let fields = 0;
  Papa.parse(push.stream, {
    header: false,
    delimiter: ',',
    skipEmptyLines: false,
    chunk(results) {
      rows += results.data.length;
      errors += results.errors.length;
      const last = results.data[results.data.length - 1];
      if (last) fields = last.length;
    },
  });
  const read = (offset) => (offset >= file.size ? null : file.slice(offset, Math.min(file.size, offset + SLICE_BYTES)).arrayBuffer());
  let next = read(0);
  for (let offset = 0; offset < file.size; offset += SLICE_BYTES) {
    const bytes = new Uint8Array(await next);
    next = read(offset + SLICE_BYTES);
    const text = decoder.decode(bytes, { stream: true });
    if (text) push.push(text);
  }
  const tail = decoder.decode();
  if (tail) push.push(tail);
  push.end();
  self.postMessage({ rows, errors, fields, workerMs: performance.now() - start, bytes: file.size });
};
