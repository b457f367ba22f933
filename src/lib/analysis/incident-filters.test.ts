import { describe, expect, it } from 'vitest';
import type { StoredIncident, StoredPlace } from '../data/db';
import { buildSearchIndex, facetCounts, matchesFilters, matchesSearch, toggleFilter } from './incident-filters';
import { createStoredIncident, createStoredPlace } from '../data/test-factories';

const createIncident = (id: string, patch: Partial<StoredIncident> = {}): StoredIncident =>
  createStoredIncident(id, { date: '2022-08-24', originId: null, targetId: 'conoco', status: 'confirmed', title: { en: id, ar: 'هجوم' }, sources: [{ outlet: 'CENTCOM', quoteAr: [], summaryEn: 's' }], ...patch });
const createPlace = (id: string, en: string, ar: string, altNames: string[] = []): StoredPlace => createStoredPlace(id, { name: { en, ar }, altNames, lon: 40, lat: 35 });

const incidents = [
  createIncident('a', { weapon: 'rockets', status: 'confirmed' }),
  createIncident('b', { weapon: 'drone', status: 'claimed', targetId: 'rmelan' }),
  createIncident('c', { weapon: 'drone', status: 'confirmed', originId: 'mayadin', originCertainty: 'reported' }),
];

describe('filters', () => {
  it('keep everything when nothing is selected', () => {
    expect(incidents.filter((i) => matchesFilters(i, {})).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('combine values of one field with OR and fields with AND', () => {
    expect(incidents.filter((i) => matchesFilters(i, { weapon: ['drone', 'rockets'] })).length).toBe(3);
    expect(incidents.filter((i) => matchesFilters(i, { weapon: ['drone'], status: ['confirmed'] })).map((i) => i.id)).toEqual(['c']);
  });

  it('count each value given the other filters, not its own', () => {
    const weapons = facetCounts(incidents, { weapon: ['drone'], status: ['confirmed'] }, 'weapon');
    expect(Object.fromEntries(weapons)).toEqual({ rockets: 1, drone: 1 });
    const statuses = facetCounts(incidents, { weapon: ['drone'] }, 'status');
    expect(Object.fromEntries(statuses)).toEqual({ claimed: 1, confirmed: 1 });
  });

  it('treat a missing origin as its own value', () => {
    expect(Object.fromEntries(facetCounts(incidents, {}, 'origin'))).toEqual({ none: 2, mayadin: 1 });
  });

  it('toggle values on and off', () => {
    const on = toggleFilter({}, 'weapon', 'drone');
    expect(on.weapon).toEqual(['drone']);
    expect(toggleFilter(on, 'weapon', 'drone').weapon).toEqual([]);
  });
});

describe('search', () => {
  const places = new Map([
    ['conoco', createPlace('conoco', 'Conoco gas plant', 'معمل غاز كونيكو', ['Koniko', 'Tabiyeh gas plant'])],
    ['mayadin', createPlace('mayadin', 'al-Mayadin', 'الميادين', ['Mayadeen'])],
  ]);
  const index = buildSearchIndex(
    [createIncident('q', { sources: [{ outlet: 'al-Mjs', quoteAr: ['استهداف قاعدة كونيكو بقذائف صاروخية'], summaryEn: 's' }] }), createIncident('m', { originId: 'mayadin', originCertainty: 'reported', targetId: 'x' })],
    places,
  );

  it('finds places by any spelling in the gazetteer', () => {
    expect(matchesSearch(index, 'q', 'koniko')).toBe(true);
    expect(matchesSearch(index, 'm', 'mayadeen')).toBe(true);
    expect(matchesSearch(index, 'm', 'الميادين')).toBe(true);
  });

  it('finds Arabic quotes ignoring marks and letter variants', () => {
    expect(matchesSearch(index, 'q', 'قذائف صاروخيه')).toBe(true);
    expect(matchesSearch(index, 'q', 'قَذائِف')).toBe(true);
    expect(matchesSearch(index, 'm', 'قذائف')).toBe(false);
  });

  it('matches everything with an empty query', () => {
    expect(matchesSearch(index, 'm', '  ')).toBe(true);
  });
});
