/** Places and incidents for the unit tests: valid records, with what a test cares about patched in. */
import type { StoredIncident, StoredPlace } from './db';
import type { Incident, Place } from './schema';

export function createPlace(id: string, patch: Partial<Place> = {}): Place {
  return { id, name: { en: id, ar: 'مكان' }, altNames: [], kind: 'base', description: '', lon: 40.4, lat: 35.1, uncertaintyKm: 1, estimated: false, coordSource: 'test', ...patch };
}

export function createIncident(id: string, patch: Partial<Incident> = {}): Incident {
  const originId = patch.originId === undefined ? 'origin' : patch.originId;
  return {
    id,
    date: '2021-06-28',
    datePrecision: 'exact',
    dateBasis: 'test',
    kind: 'attack-on-coalition',
    originId,
    originCertainty: originId === null ? null : 'reported',
    targetId: 'target',
    weapon: 'rockets',
    weaponDetail: 'rockets',
    count: { min: null, max: null, figures: [] },
    casualties: '',
    damage: '',
    actor: { name: 'unknown', basis: 'unknown' },
    status: 'reported',
    title: { en: id, ar: 'حادثة' },
    summaryEn: 'summary',
    sources: [{ outlet: 'test', quoteAr: [], summaryEn: 'summary' }],
    conflicts: [],
    ...patch,
  };
}

export const createStoredPlace = (id: string, patch: Partial<StoredPlace> = {}): StoredPlace => ({ ...createPlace(id, patch), datasetId: 'bundled', ...patch });
export const createStoredIncident = (id: string, patch: Partial<StoredIncident> = {}): StoredIncident => ({ ...createIncident(id, patch), datasetId: 'bundled', ...patch });
