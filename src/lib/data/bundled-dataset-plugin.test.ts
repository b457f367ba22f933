/**
 * The build-time validation of data/ (scripts/bundled-dataset-plugin.mjs): the module it
 * writes holds exactly what the schema makes of data/, and data that does not validate
 * stops the build with the field named.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledDatasetPlugin, readBundledDataset } from '../../../scripts/bundled-dataset-plugin.mjs';
import { bundledDatasetSchema } from './schema';

const dataDir = fileURLToPath(new URL('../../../data/', import.meta.url));

type LoadHook = (this: unknown, id: string) => Promise<string | null>;

async function moduleText(dir: string): Promise<string> {
  const plugin = bundledDatasetPlugin({ dataDir: dir });
  const resolveId = plugin.resolveId as (id: string) => string | null;
  const id = resolveId('virtual:bundled-dataset');
  expect(id).toBeTruthy();
  const context = {
    addWatchFile() {},
    error(message: string): never {
      throw new Error(message);
    },
  };
  const text = await (plugin.load as LoadHook).call(context, id!);
  if (text === null) throw new Error('the plugin did not load its module');
  return text;
}

/** Evaluates `export default JSON.parse("...")`. */
function exported(text: string): unknown {
  const match = /^export default JSON\.parse\((.*)\);$/s.exec(text);
  if (!match) throw new Error(`unexpected module text: ${text.slice(0, 80)}`);
  return JSON.parse(JSON.parse(match[1]!) as string);
}

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('bundled dataset plugin', () => {
  it('writes what the schema makes of data/', async () => {
    const expected = bundledDatasetSchema.parse(readBundledDataset(dataDir));
    expect(exported(await moduleText(dataDir))).toEqual(expected);
  }, 30_000);

  it('fails the build naming the field that does not validate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundled-data-'));
    temporary.push(dir);
    cpSync(dataDir, dir, { recursive: true });
    const file = join(dir, 'incidents.json');
    const incidents = JSON.parse(readFileSync(file, 'utf8')) as { incidents: { date: unknown }[] };
    incidents.incidents[2]!.date = '2023-13-45';
    writeFileSync(file, JSON.stringify(incidents));
    await expect(moduleText(dir)).rejects.toThrow(/does not validate[\s\S]*incidents\[2\]\.date/);
  }, 30_000);
});
