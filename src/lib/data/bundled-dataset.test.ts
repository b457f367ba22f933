/**
 * Checks on the dataset shipped in data/ (places.json, incidents.json, sources/*.json).
 * Conventions tested here are documented in data/FORMAT.md.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { bundledDatasetSchema, type BundledDataset, type Incident } from './schema';

const repoRoot = new URL('../../../', import.meta.url);
const dataDir = new URL('data/', repoRoot);
/** /work/shared/seeds: the original articles, next to the repository (present in CI). */
const seedsDir = new URL('../shared/seeds/', repoRoot);
const haveSeeds = existsSync(seedsDir);

function readJson(url: URL): unknown {
  return JSON.parse(readFileSync(url, 'utf8'));
}

const sourceFileNames = readdirSync(new URL('sources/', dataDir))
  .filter((name) => name.endsWith('.json'))
  .sort();
const incidentsFile = readJson(new URL('incidents.json', dataDir)) as { version?: unknown; incidents?: unknown };
const raw = {
  version: incidentsFile.version,
  places: readJson(new URL('places.json', dataDir)),
  incidents: incidentsFile.incidents,
  sources: sourceFileNames.map((name) => readJson(new URL(`sources/${name}`, dataDir))),
};
const parsed = bundledDatasetSchema.safeParse(raw);

/**
 * Quotes and article texts as written in the files, before the schema trims strings: the
 * verbatim checks must see every byte.
 */
const verbatim = z
  .object({
    incidents: z.array(z.object({ id: z.string(), sources: z.array(z.object({ sourceId: z.string().optional(), quoteAr: z.array(z.string()) })) })),
    sources: z.array(z.object({ id: z.string(), seedFile: z.string(), text: z.string() })),
  })
  .safeParse(raw);
function verbatimData() {
  if (!verbatim.success) throw new Error(`data/ does not validate:\n${z.prettifyError(verbatim.error)}`);
  return verbatim.data;
}

/** The parsed dataset; fails the calling test with the schema's issues when it does not validate. */
function dataset(): BundledDataset {
  if (!parsed.success) throw new Error(`data/ does not validate:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const v of values) (seen.has(v) ? dups : seen).add(v);
  return [...dups];
}

/** Great-circle distance in km. */
function distanceKm(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MENTION = new RegExp(`\\b(${WEEKDAYS.join('|')}) (\\d{1,2}) (${MONTHS.join('|')}) (\\d{4})\\b`, 'g');

/** Every "Saturday 10 Jul 2021" in a text: the weekday written and the date it names. */
function dayMentions(text: string): { text: string; weekday: string; iso: string }[] {
  return [...text.matchAll(DAY_MENTION)].map((m) => {
    const month = MONTHS.indexOf(m[3] ?? '') + 1;
    const iso = `${m[4]}-${String(month).padStart(2, '0')}-${String(m[2]).padStart(2, '0')}`;
    return { text: m[0], weekday: m[1] ?? '', iso };
  });
}

function utcWeekday(iso: string): string {
  return WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()] ?? '?';
}

/** Place ids the research gazetteer marks as estimated from text (GUESS), plus the areas estimated here. */
const ESTIMATED_PLACE_IDS = [
  'green-village',
  'zamlat-al-mahr-1',
  'muayzila',
  'al-mazari',
  'euphrates-west-bank',
  'al-mayadin-countryside',
];

describe('bundled dataset: structure', () => {
  it('every record validates against the schema', () => {
    if (!parsed.success) expect.fail(`data/ does not validate:\n${z.prettifyError(parsed.error)}`);
    expect(parsed.data.incidents.length).toBeGreaterThan(0);
    expect(parsed.data.places.length).toBeGreaterThan(0);
    expect(parsed.data.sources.length).toBeGreaterThan(0);
  });

  it('ids are unique within places, incidents and sources', () => {
    const d = dataset();
    expect(duplicates(d.places.map((p) => p.id))).toEqual([]);
    expect(duplicates(d.incidents.map((i) => i.id))).toEqual([]);
    expect(duplicates(d.sources.map((s) => s.id))).toEqual([]);
  });

  it('each source file is named after its id, and its id after its seed file number', () => {
    const d = dataset();
    d.sources.forEach((source, i) => {
      expect(sourceFileNames[i], source.id).toBe(`${source.id}.json`);
      expect(source.id.slice(0, 4), source.id).toBe(`${source.seedFile.slice(0, 3)}-`);
    });
  });

  it('every referenced place exists (originId, targetId, relatedPlaceIds, parentId)', () => {
    const d = dataset();
    const placeIds = new Set(d.places.map((p) => p.id));
    const missing: string[] = [];
    for (const inc of d.incidents) {
      if (!placeIds.has(inc.targetId)) missing.push(`${inc.id}: targetId ${inc.targetId}`);
      if (inc.originId !== null && !placeIds.has(inc.originId)) missing.push(`${inc.id}: originId ${inc.originId}`);
      for (const related of inc.relatedPlaceIds ?? [])
        if (!placeIds.has(related)) missing.push(`${inc.id}: relatedPlaceIds ${related}`);
      if (inc.originId === inc.targetId) missing.push(`${inc.id}: origin equals target`);
    }
    for (const place of d.places) {
      if (place.parentId === undefined) continue;
      if (!placeIds.has(place.parentId)) missing.push(`${place.id}: parentId ${place.parentId}`);
      if (place.parentId === place.id) missing.push(`${place.id}: is its own parent`);
    }
    expect(missing).toEqual([]);
  });

  it('every arc has a length: origin and target places lie at least 1 km apart', () => {
    // An origin drawn on the target's own point (an area centred on the base because the
    // direction is unknown) would be an arc of zero length, which no source reports.
    const d = dataset();
    const places = new Map(d.places.map((p) => [p.id, p]));
    const short: string[] = [];
    for (const inc of d.incidents) {
      if (inc.originId === null) continue;
      const from = places.get(inc.originId);
      const to = places.get(inc.targetId);
      if (from && to && distanceKm(from, to) < 1) short.push(`${inc.id}: ${inc.originId} → ${inc.targetId} is ${distanceKm(from, to).toFixed(2)} km`);
    }
    expect(short).toEqual([]);
  });

  it('every incident id named in notes exists', () => {
    const d = dataset();
    const incidentIds = new Set(d.incidents.map((i) => i.id));
    const dangling: string[] = [];
    for (const inc of d.incidents)
      for (const m of (inc.notes ?? '').matchAll(/\b\d{4}-\d{2}(?:-\d{2})?-[a-z][a-z0-9-]*[a-z0-9]/g))
        if (!incidentIds.has(m[0])) dangling.push(`${inc.id}: ${m[0]}`);
    expect(dangling).toEqual([]);
  });

  it('an incident without an origin has no origin certainty', () => {
    const bad = dataset()
      .incidents.filter((i) => (i.originId === null) !== (i.originCertainty === null))
      .map((i) => i.id);
    expect(bad).toEqual([]);
  });
});

describe('bundled dataset: sources and quotes', () => {
  it('every sourceId names an article in data/sources', () => {
    const d = dataset();
    const sourceIds = new Set(d.sources.map((s) => s.id));
    const missing = d.incidents.flatMap((inc) =>
      inc.sources.filter((s) => s.sourceId !== undefined && !sourceIds.has(s.sourceId)).map((s) => `${inc.id}: ${s.sourceId}`),
    );
    expect(missing).toEqual([]);
  });

  it('every Arabic quote occurs verbatim in its article; seed citations carry quotes, outside ones none', () => {
    const d = verbatimData();
    const texts = new Map(d.sources.map((s) => [s.id, s.text]));
    const problems: string[] = [];
    for (const inc of d.incidents)
      for (const src of inc.sources) {
        if (src.sourceId === undefined) {
          if (src.quoteAr.length > 0) problems.push(`${inc.id}: quotes without a sourceId`);
          continue;
        }
        if (src.quoteAr.length === 0) problems.push(`${inc.id}: no quote from ${src.sourceId}`);
        const text = texts.get(src.sourceId) ?? '';
        for (const quote of src.quoteAr)
          if (quote.trim() === '' || !text.includes(quote)) problems.push(`${inc.id}: not in ${src.sourceId}: ${quote.slice(0, 60)}…`);
      }
    expect(problems).toEqual([]);
  });

  it('every article is cited by at least one incident', () => {
    const d = dataset();
    const cited = new Set(d.incidents.flatMap((i) => i.sources.map((s) => s.sourceId)));
    expect(d.sources.filter((s) => !cited.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it("each article's Arabic title is its first line", () => {
    for (const s of dataset().sources) expect(s.title.ar, s.id).toBe((s.text.split('\n')[0] ?? '').trim());
  });

  if (!haveSeeds)
    console.warn(
      `bundled-dataset.test: ${decodeURIComponent(seedsDir.pathname)} not found — skipping the byte-for-byte comparison of article texts with the seed files (CI has them).`,
    );
  it.skipIf(!haveSeeds)('each article text equals its seed file byte for byte, and every seed file has an article', () => {
    const d = verbatimData();
    for (const s of d.sources) {
      const seed = new URL(s.seedFile, seedsDir);
      expect(existsSync(seed), `${s.id}: seed file ${s.seedFile} missing`).toBe(true);
      expect(Buffer.from(s.text, 'utf8').equals(readFileSync(seed)), `${s.id}: text differs from ${s.seedFile}`).toBe(true);
    }
    const seedFiles = readdirSync(seedsDir).filter((n) => n.endsWith('.txt'));
    expect(seedFiles.filter((f) => !d.sources.some((s) => s.seedFile === f))).toEqual([]);
  });
});

describe('bundled dataset: places', () => {
  it('every coordinate lies in the region (lon 34–44, lat 31–38)', () => {
    const outside = dataset()
      .places.filter((p) => p.lon < 34 || p.lon > 44 || p.lat < 31 || p.lat > 38)
      .map((p) => `${p.id} (${p.lon}, ${p.lat})`);
    expect(outside).toEqual([]);
  });

  it('places estimated from text are flagged estimated, and flagged ones say ESTIMATE in coordSource', () => {
    const places = new Map(dataset().places.map((p) => [p.id, p]));
    for (const id of ESTIMATED_PLACE_IDS) expect(places.get(id)?.estimated, id).toBe(true);
    for (const p of places.values()) expect(/^ESTIMATE\b/.test(p.coordSource), `${p.id}: estimated=${p.estimated} vs coordSource`).toBe(p.estimated);
    expect(places.get('green-village')?.parentId).toBe('al-omar');
  });

  it('does not repeat the location errors of the articles', () => {
    const places = new Map(dataset().places.map((p) => [p.id, p]));
    const omar = places.get('al-omar');
    const conoco = places.get('conoco');
    const deirEzZor = places.get('deir-ez-zor');
    const mayadin = places.get('al-mayadin');
    if (!omar || !conoco || !deirEzZor || !mayadin) return expect.fail('al-omar, conoco, deir-ez-zor and al-mayadin must exist');
    // 000: al-Omar "south-west" of Deir ez-Zor; it is south-east, east of al-Mayadin across the river.
    expect(omar.lon).toBeGreaterThan(deirEzZor.lon);
    expect(omar.lat).toBeLessThan(deirEzZor.lat);
    expect(omar.lon).toBeGreaterThan(mayadin.lon);
    // FORMAT.md and the notes: about 18 km north-east of al-Mayadin (not the "10 km east" of Wikipedia's text).
    expect(distanceKm(omar, mayadin)).toBeGreaterThan(15);
    expect(distanceKm(omar, mayadin)).toBeLessThan(21);
    expect(omar.lat).toBeGreaterThan(mayadin.lat);
    // 003: Conoco "north-west ... next to the Iraqi border"; it is ~15 km east of the city.
    expect(conoco.lon).toBeGreaterThan(deirEzZor.lon);
    expect(distanceKm(conoco, deirEzZor)).toBeLessThan(25);
    const albuKamal = places.get('albu-kamal');
    if (albuKamal) expect(distanceKm(conoco, albuKamal)).toBeGreaterThan(80);
  });
});

describe('bundled dataset: incidents', () => {
  it('no two incidents are one event (same date, target, kind and weapon)', () => {
    const key = (i: Incident) => `${i.date} ${i.targetId} ${i.kind} ${i.weapon}`;
    expect(duplicates(dataset().incidents.map(key))).toEqual([]);
  });

  it('dates fall in the period covered (2021–2024)', () => {
    const outside = dataset()
      .incidents.filter((i) => i.date < '2021-01-01' || (i.endDate ?? i.date) > '2024-12-31')
      .map((i) => i.id);
    expect(outside).toEqual([]);
  });

  it('every "Weekday D Mon YYYY" written in a dateBasis agrees with the calendar', () => {
    const d = dataset();
    const wrong: string[] = [];
    const bases = [...d.incidents.map((i) => [i.id, i.dateBasis] as const), ...d.sources.map((s) => [s.id, s.dateBasis] as const)];
    for (const [id, basis] of bases)
      for (const m of dayMentions(basis)) if (utcWeekday(m.iso) !== m.weekday) wrong.push(`${id}: "${m.text}" is a ${utcWeekday(m.iso)}`);
    expect(wrong).toEqual([]);
  });

  it('incidents dated from a stated weekday name that weekday with their date', () => {
    const wrong: string[] = [];
    for (const inc of dataset().incidents) {
      if (inc.datePrecision !== 'weekday') continue;
      const weekday = utcWeekday(inc.date);
      if (!dayMentions(inc.dateBasis).some((m) => m.iso === inc.date && m.weekday === weekday))
        wrong.push(`${inc.id}: dateBasis must contain "${weekday} <d> <Mon> <yyyy>" for ${inc.date}`);
    }
    expect(wrong).toEqual([]);
  });

  it('munition counts span every numeric figure given by the sources', () => {
    const wrong: string[] = [];
    for (const inc of dataset().incidents) {
      const { min, max, figures } = inc.count;
      if ((min !== null || max !== null) && figures.length === 0) wrong.push(`${inc.id}: a count without figures`);
      for (const f of figures) {
        if (!/^\d+$/.test(f.value)) continue;
        const n = Number(f.value);
        if ((min !== null && n < min) || (max !== null && n > max)) wrong.push(`${inc.id}: ${f.value} (${f.by}) outside ${min}–${max}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('conflicting figures from the research are kept as ranges (E02: 5/8/34 rockets; E07: 2/4 shells)', () => {
    const incidents = dataset().incidents;
    const e02 = incidents.find((i) => i.date === '2021-06-28' && i.kind === 'attack-on-coalition');
    const e07 = incidents.find((i) => i.date === '2021-07-10' && i.targetId === 'conoco');
    expect([e02?.count.min, e02?.count.max]).toEqual([5, 34]);
    expect([e07?.count.min, e07?.count.max]).toEqual([2, 4]);
  });
});

/**
 * A seed article's number written as a reference in a text a reader sees ("According to 001",
 * "(per 003)", "000's", "article 3"): texts name the outlet and date instead ("Enab Baladi,
 * 18 Sep 2022"). A number 000–004 counts when it stands alone: not inside a longer number or
 * word, a date, a time, a decimal ("37.000") or an id ("2021-07-04-…"). A source id written in
 * a text ("000-alsouria-…") is caught too; in a `sourceId` field it is data and is not walked.
 */
const ARTICLE_NUMBER = /(?<![\p{L}\p{N}_.,:\-])00[0-4](?![\p{L}\p{N}_]|[.,:]\p{N})|\b(?:article|seed)s?\s+(?:no\.?\s*)?\d{1,3}\b/iu;

/** Every string value under `value` with its path, skipping the keys in `skip` (at any depth). */
function strings(value: unknown, path: string, skip: ReadonlySet<string>): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`, skip));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => (skip.has(k) ? [] : strings(v, `${path}.${k}`, skip)));
  return [];
}

/** Arabic runs in a text: letters with the spaces, digits and punctuation between them. */
const ARABIC_RUN = /[\u0600-\u06FF][\u0600-\u06FF\u00A0 0-9،؛/“”"\-]*[\u0600-\u06FF0-9]|[\u0600-\u06FF]/g;

/** Phrases of the articles that are wrong about a place (FORMAT.md, "Known errors in the articles"). */
const KNOWN_ERRORS = ['جنوب غربي دير الزور', 'شمال غرب دير الزور', 'المحاذية للحدود العراقية'];

describe('bundled dataset: texts', () => {
  it('the check for article numbers catches references and spares other numbers', () => {
    for (const text of ['According to 001, the coalition answered', 'US-led coalition (per 001)', 'Told only in 001;', "003: 'Sunday 27 June'", "000's 'repeated attacks'", '(000 and 003)', '003/Al-Souria Net', 'Article 3 says', 'see 004', 'see 000-alsouria-2021-07-13'])
      expect(ARTICLE_NUMBER.test(text), text).toBe(true);
    for (const text of ['2021-07-13', '107mm rockets', '107 mm', 'at 19:44', 'at 12.15', '37.000, 41.950', '2021-07-04-al-omar-rockets-disputed', 'Enab Baladi (article no. 563364)', 'Rudaw Arabic (020120242)', '2,000 rounds', '1004', '10:00', 'Tuesday 13 Jul 2021'])
      expect(ARTICLE_NUMBER.test(text), text).toBe(false);
  });

  it('no text of an incident, place or source cites an article by its file number', () => {
    const d = dataset();
    const found: string[] = [];
    const check = (pairs: [string, string][]) => {
      for (const [path, text] of pairs) if (ARTICLE_NUMBER.test(text)) found.push(`${path}: ${text.match(ARTICLE_NUMBER)?.[0]} in "${text.length > 80 ? `${text.slice(0, 80)}…` : text}"`);
    };
    // sourceId holds an id (data); quoteAr, an article's text and its first line are the article's own words.
    for (const inc of d.incidents) check(strings(inc, inc.id, new Set(['sourceId', 'quoteAr'])));
    for (const place of d.places) check(strings(place, place.id, new Set()));
    for (const source of d.sources) check(strings({ ...source, title: { en: source.title.en } }, source.id, new Set(['id', 'seedFile', 'text'])));
    expect(found).toEqual([]);
  });

  it("Arabic written in an incident's texts is cut from an article it cites (never retyped or invented)", () => {
    const d = verbatimData();
    const texts = new Map(d.sources.map((s) => [s.id, s.text]));
    const problems: string[] = [];
    for (const inc of dataset().incidents) {
      const cited = inc.sources.flatMap((s) => (s.sourceId ? [texts.get(s.sourceId) ?? ''] : []));
      // title.ar is written for this project; quotes are checked above.
      const { title: _title, sources, ...rest } = inc;
      const pairs = [...strings(rest, inc.id, new Set()), ...strings(sources, `${inc.id}.sources`, new Set(['quoteAr']))];
      for (const [path, text] of pairs)
        for (const run of text.match(ARABIC_RUN) ?? []) if (!cited.some((t) => t.includes(run))) problems.push(`${path}: ${run}`);
    }
    expect(problems).toEqual([]);
  });

  it('an incident quoting a known error of an article says so in its notes', () => {
    const missing: string[] = [];
    for (const inc of dataset().incidents)
      for (const phrase of KNOWN_ERRORS)
        if (inc.sources.some((s) => s.quoteAr.some((q) => q.includes(phrase))) && !(inc.notes ?? '').includes(phrase)) missing.push(`${inc.id}: ${phrase}`);
    expect(missing).toEqual([]);
  });
});
