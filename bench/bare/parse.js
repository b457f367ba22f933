// The bare side of the import comparison: a worker that reads the chosen file with the
// same papaparse call shape as the app's import worker (src/lib/import/csv-import.ts:
// 4 MB slices, a streaming TextDecoder, text pushed into Papa.parse's stream input with
// header: false) and only counts rows. Reports on window.__bareParse.
const input = document.querySelector('[data-testid="file"]');
const output = document.querySelector('[data-testid="result"]');
window.__bareParse = null;

input.addEventListener('change', () => {
  const file = input.files?.[0];
  if (!file) return;
  const start = performance.now();
  window.__bareParse = { done: false, start };
  const worker = new Worker(new URL('./parse-worker.js', import.meta.url), { type: 'module', name: 'bare-parse' });
  worker.onmessage = (event) => {
    const end = performance.now();
    window.__bareParse = { done: true, start, end, ms: end - start, ...event.data };
    output.textContent = JSON.stringify(window.__bareParse, null, 2);
    worker.terminate();
  };
  worker.onerror = (event) => {
    window.__bareParse = { done: true, error: event.message || 'worker error' };
  };
  worker.postMessage({ file });
});
