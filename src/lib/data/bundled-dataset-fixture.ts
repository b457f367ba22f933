/** The bundled dataset as its tests read it (Node only): the files of data/, parsed with the schema, and helpers. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { bundledDatasetSchema, type BundledDataset } from './schema';

export const repoRoot = new URL('../../../', import.meta.url);
export const dataDir = new URL('data/', repoRoot);
/** /work/shared/seeds: the original articles, next to the repository (present in CI). */
export const seedsDir = new URL('../shared/seeds/', repoRoot);
export const haveSeeds = existsSync(seedsDir);

export function readJson(url: URL): unknown {
  return JSON.parse(readFileSync(url, 'utf8'));
}

export const sourceFileNames = readdirSync(new URL('sources/', dataDir))
  .filter((name) => name.endsWith('.json'))
  .sort();
export const incidentsFile = readJson(new URL('incidents.json', dataDir)) as { version?: unknown; incidents?: unknown };
export const raw = {
  version: incidentsFile.version,
  places: readJson(new URL('places.json', dataDir)),
  incidents: incidentsFile.incidents,
  sources: sourceFileNames.map((name) => readJson(new URL(`sources/${name}`, dataDir))),
};
export const parsed = bundledDatasetSchema.safeParse(raw);

/**
 * Quotes and article texts as written in the files, before the schema trims strings: the
 * verbatim checks must see every byte.
 */
export const verbatim = z
  .object({
    incidents: z.array(z.object({ id: z.string(), sources: z.array(z.object({ sourceId: z.string().optional(), quoteAr: z.array(z.string()) })) })),
    sources: z.array(z.object({ id: z.string(), seedFile: z.string(), text: z.string() })),
  })
  .safeParse(raw);
export function verbatimData() {
  if (!verbatim.success) throw new Error(`data/ does not validate:\n${z.prettifyError(verbatim.error)}`);
  return verbatim.data;
}

/** The parsed dataset; fails the calling test with the schema's issues when it does not validate. */
export function dataset(): BundledDataset {
  if (!parsed.success) throw new Error(`data/ does not validate:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const v of values) (seen.has(v) ? dups : seen).add(v);
  return [...dups];
}

/** Great-circle distance in km. */
export function distanceKm(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const DAY_MENTION = new RegExp(`\\b(${WEEKDAYS.join('|')}) (\\d{1,2}) (${MONTHS.join('|')}) (\\d{4})\\b`, 'g');

/** Every "Saturday 10 Jul 2021" in a text: the weekday written and the date it names. */
export function dayMentions(text: string): { text: string; weekday: string; iso: string }[] {
  return [...text.matchAll(DAY_MENTION)].map((m) => {
    const month = MONTHS.indexOf(m[3] ?? '') + 1;
    const iso = `${m[4]}-${String(month).padStart(2, '0')}-${String(m[2]).padStart(2, '0')}`;
    return { text: m[0], weekday: m[1] ?? '', iso };
  });
}

export function utcWeekday(iso: string): string {
  return WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()] ?? '?';
}

/** Place ids the research gazetteer marks as estimated from text (GUESS), plus the areas estimated here. */
export const ESTIMATED_PLACE_IDS = [
  'green-village',
  'zamlat-al-mahr-1',
  'muayzila',
  'al-mazari',
  'euphrates-west-bank',
  'al-mayadin-countryside',
];
