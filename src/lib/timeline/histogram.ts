/**
 * Incidents counted over time for the timeline: per day, week or month depending on the
 * span shown, stacked by kind. Pure; bins are aligned to calendar days, Mondays or months.
 */
import { incidentKinds, type IncidentKind } from '../data/vocabulary';
import { dayNumber, isoDateOfDay } from './incident-time';

export type BinUnit = 'day' | 'week' | 'month';

export interface HistogramBin {
  /** First day of the bin (days since TIME_ORIGIN). */
  start: number;
  /** Day after the bin's last day. */
  end: number;
  counts: Record<IncidentKind, number>;
  total: number;
}

/** Days (up to) per bin so the histogram keeps about a hundred bars or fewer. */
export function binUnitFor(spanDays: number): BinUnit {
  if (spanDays <= 150) return 'day';
  if (spanDays <= 1100) return 'week';
  return 'month';
}

/** The start of the bin holding `day`. */
export function binStart(day: number, unit: BinUnit): number {
  const d = Math.floor(day);
  if (unit === 'day') return d;
  // Day 0 (2020-01-01) is a Wednesday: Mondays are the days where (d + 2) % 7 === 0.
  if (unit === 'week') return d - (((d + 2) % 7) + 7) % 7;
  return dayNumber(`${isoDateOfDay(d).slice(0, 7)}-01`);
}

function nextBinStart(start: number, unit: BinUnit): number {
  if (unit === 'day') return start + 1;
  if (unit === 'week') return start + 7;
  const [y, m] = isoDateOfDay(start).split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return dayNumber(next);
}

function emptyCounts(): Record<IncidentKind, number> {
  return Object.fromEntries(incidentKinds.map((k) => [k, 0])) as Record<IncidentKind, number>;
}

/** Bins covering [domainStart, domainEnd), each with the incidents whose moment falls in it. */
export function binIncidents(items: readonly { moment: number; kind: IncidentKind }[], domain: [number, number], unit: BinUnit): HistogramBin[] {
  const bins: HistogramBin[] = [];
  for (let start = binStart(domain[0], unit); start < domain[1]; start = nextBinStart(start, unit)) {
    bins.push({ start, end: nextBinStart(start, unit), counts: emptyCounts(), total: 0 });
  }
  if (bins.length === 0) return bins;
  for (const item of items) {
    if (item.moment < bins[0]!.start || item.moment >= bins.at(-1)!.end) continue;
    // Bins are contiguous and sorted: binary search the one holding the moment.
    let lo = 0;
    let hi = bins.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bins[mid]!.start <= item.moment) lo = mid;
      else hi = mid - 1;
    }
    const bin = bins[lo]!;
    bin.counts[item.kind] += 1;
    bin.total += 1;
  }
  return bins;
}
