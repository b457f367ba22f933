/**
 * A file as the browser downloads it after a click or a tap: its suggested name and bytes.
 * Set EXPORT_E2E_OUT=folder to keep every downloaded file there for a look.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export interface Downloaded {
  name: string;
  bytes: Buffer;
}

const keep = process.env['EXPORT_E2E_OUT'];
let kept = 0;

export async function download(page: Page, action: () => Promise<void>, timeout = 60_000): Promise<Downloaded> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout }), action()]);
  const bytes = readFileSync(await file.path());
  const name = file.suggestedFilename();
  if (keep) {
    mkdirSync(keep, { recursive: true });
    writeFileSync(join(keep, `${++kept}-${name}`), bytes);
  }
  return { name, bytes };
}
