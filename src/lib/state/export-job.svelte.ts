/**
 * One export at a time: which is running, its progress, its cancel, and what became of it
 * (saved in so many seconds, cancelled, or failed with the reason). The export panel shows it.
 */
import { formatNumber, t } from '../i18n/i18n.svelte';
import type { DataFormat } from '../export/data-download';
import { downloadBlob } from '../export/download';

export type ExportKind = 'png' | 'video' | 'vtt' | 'site' | DataFormat;

export class ExportJob {
  running = $state<ExportKind | null>(null);
  progress = $state<{ done: number; total: number } | null>(null);
  message = $state<{ text: string; error: boolean } | null>(null);
  /** How long the last export took from click to download, in ms (for the benchmark). */
  lastMs = $state<number | null>(null);
  #abort: AbortController | null = null;

  cancel(): void {
    this.#abort?.abort();
  }

  /** Runs `work` unless another export is running, and hands its file to the browser. */
  async run(kind: ExportKind, work: (signal: AbortSignal) => Promise<{ blob: Blob; fileName: string; note?: string }>): Promise<void> {
    if (this.running) return;
    this.running = kind;
    this.message = null;
    this.#abort = new AbortController();
    const started = performance.now();
    try {
      const result = await work(this.#abort.signal);
      downloadBlob(result.blob, result.fileName);
      this.lastMs = Math.round(performance.now() - started);
      const saved = t('export.saved', { file: result.fileName, seconds: formatNumber(this.lastMs / 1000, { maximumFractionDigits: 1 }) });
      this.message = { text: result.note ? `${saved} ${result.note}` : saved, error: false };
    } catch (error) {
      const cancelled = error instanceof Error && error.name === 'ExportCancelled';
      const reason = error instanceof Error ? error.message : String(error);
      this.message = cancelled ? { text: t('export.cancelled'), error: false } : { text: t('export.failed', { error: reason }), error: true };
      if (!cancelled) console.warn('export failed', error);
    } finally {
      this.running = null;
      this.progress = null;
      this.#abort = null;
    }
  }
}
