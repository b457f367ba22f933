/**
 * Checks on the dataset shipped in data/ (places.json, incidents.json, sources/*.json).
 * Conventions tested here are documented in data/FORMAT.md.
 */
import { describe, it, expect } from 'vitest';
import type { Incident } from './schema';
import { verbatimData, dataset, duplicates, distanceKm, dayMentions, utcWeekday, ESTIMATED_PLACE_IDS } from './bundled-dataset-fixture';

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
