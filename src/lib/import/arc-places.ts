/**
 * The named ends of imported arcs, counted: what the map labels and rings for a file of
 * arcs. A coordinate without a name is a point, never a labelled place; names (from the
 * file, or a gazetteer place the file named) are aggregated so that a thousand arcs to one
 * base make one label and one ring, sized by their number.
 */
import type { ArcPlace } from '../data/db';
import { normalizePlaceName, type GazetteerPlace } from './gazetteer';

/** The most named places kept per dataset (the most used first). */
export const MAX_ARC_PLACES = 400;
/** Same name farther apart than this (degrees) is another place (two villages of one name). */
const CELL_DEGREES = 0.25;

interface Tally {
  name: string;
  nameAr: string;
  placeId: string | undefined;
  lonSum: number;
  latSum: number;
  arcs: number;
  targets: number;
}

export class ArcPlaceTally {
  private readonly byKey = new Map<string, Tally>();

  /** One arc end. `name` is the file's text ('' when none); `place` the gazetteer place it matched, if any. */
  add(name: string, lon: number, lat: number, role: 'origin' | 'target', place?: GazetteerPlace): void {
    const label = place ? place.name.en : name.trim();
    if (label === '') return;
    const key = place ? `id:${place.id}` : `${normalizePlaceName(label)}|${Math.round(lon / CELL_DEGREES)}|${Math.round(lat / CELL_DEGREES)}`;
    let tally = this.byKey.get(key);
    if (!tally) {
      tally = { name: label, nameAr: place ? place.name.ar : label, placeId: place?.id, lonSum: 0, latSum: 0, arcs: 0, targets: 0 };
      this.byKey.set(key, tally);
    }
    tally.lonSum += lon;
    tally.latSum += lat;
    tally.arcs += 1;
    if (role === 'target') tally.targets += 1;
  }

  /** The places, the most used first, at most MAX_ARC_PLACES. */
  list(): ArcPlace[] {
    return [...this.byKey.values()]
      .sort((a, b) => b.arcs - a.arcs || a.name.localeCompare(b.name))
      .slice(0, MAX_ARC_PLACES)
      .map((t) => ({
        name: { en: t.name, ar: t.nameAr },
        lon: t.lonSum / t.arcs,
        lat: t.latSum / t.arcs,
        role: t.targets > 0 ? 'target' : 'origin',
        arcs: t.arcs,
        ...(t.placeId ? { placeId: t.placeId } : {}),
      }));
  }
}
