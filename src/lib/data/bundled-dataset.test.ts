/**
 * Checks on the dataset shipped in data/ (places.json, incidents.json, sources/*.json).
 * Conventions tested here are documented in data/FORMAT.md.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { seedsDir, haveSeeds, sourceFileNames, parsed, verbatim, verbatimData, dataset, duplicates, distanceKm } from './bundled-dataset-fixture';

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
