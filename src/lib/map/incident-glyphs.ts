/**
 * What the map draws for each incident, computed once per dataset read: an arc with its
 * curve and flight times, or an impact at the target. Playback, hover and selection
 * never rebuild these arrays; they only change the layers' props.
 */
import type { StoredIncident } from '../data/db';
import type { IncidentKind, Status } from '../data/schema';
import { incidentMoment } from '../timeline/incident-time';
import { arcPath, fanCurvature } from './arc-path';
import type { IncidentGeometry, LonLat } from './incident-geometry';

/**
 * How long (in days of data time) the projectile head flies. It lands at the incident's
 * reported moment, so stepping to an incident shows it landed, on its own date.
 */
export const FLIGHT_DAYS = 0.4;

export interface ArcGlyph {
  incident: StoredIncident;
  path: LonLat[];
  /** Data time at each vertex of `path`, for the travelling head. */
  timestamps: number[];
  /** When the head leaves: impact - flight. */
  launch: number;
  /** The incident's moment (days since TIME_ORIGIN), when the head lands. */
  impact: number;
  to: LonLat;
}

export interface ImpactGlyph {
  incident: StoredIncident;
  at: LonLat;
  impact: number;
}

/** Where and when an incident lands, arc or not: the pulse drawn at impact. */
export interface PulseGlyph {
  id: string;
  at: LonLat;
  impact: number;
  kind: IncidentKind;
}

export interface IncidentGlyphs {
  arcs: ArcGlyph[];
  impacts: ImpactGlyph[];
  pulses: PulseGlyph[];
  byId: Map<string, ArcGlyph | ImpactGlyph>;
  /** Every incident's impact moment, sorted: the playback clock's stops. */
  moments: number[];
}

export function buildGlyphs(geometry: IncidentGeometry): IncidentGlyphs {
  const perPair = new Map<string, number>();
  const sorted = [...geometry.arcs].sort((a, b) => incidentMoment(a.incident) - incidentMoment(b.incident));
  const arcs = sorted.map(({ incident, from, to }): ArcGlyph => {
    const pair = `${incident.originId}>${incident.targetId}`;
    const k = perPair.get(pair) ?? 0;
    perPair.set(pair, k + 1);
    const path = arcPath(from, to, fanCurvature(k));
    const impact = incidentMoment(incident);
    const launch = impact - FLIGHT_DAYS;
    const timestamps = path.map((_, i) => launch + (FLIGHT_DAYS * i) / (path.length - 1));
    return { incident, path, timestamps, launch, impact, to };
  });
  const impacts = geometry.impacts.map(({ incident, at }): ImpactGlyph => {
    return { incident, at, impact: incidentMoment(incident) };
  });
  const pulses: PulseGlyph[] = [
    ...arcs.map((a) => ({ id: a.incident.id, at: a.to, impact: a.impact, kind: a.incident.kind })),
    ...impacts.map((i) => ({ id: i.incident.id, at: i.at, impact: i.impact, kind: i.incident.kind })),
  ];
  const moments = pulses.map((p) => p.impact).sort((a, b) => a - b);
  const byId = new Map<string, ArcGlyph | ImpactGlyph>([...arcs, ...impacts].map((g) => [g.incident.id, g]));
  return { arcs, impacts, pulses, byId, moments };
}

/** Line style per status: confirmed solid and strong; weaker reports fainter and dashed. */
export const STATUS_STYLE: Record<Status, { alpha: number; dash: [number, number]; width: number }> = {
  confirmed: { alpha: 255, dash: [0, 0], width: 3 },
  reported: { alpha: 215, dash: [7, 3], width: 2.5 },
  claimed: { alpha: 190, dash: [3, 3], width: 2.5 },
  disputed: { alpha: 150, dash: [2, 4], width: 2 },
  denied: { alpha: 110, dash: [1, 5], width: 2 },
};

/**
 * A status's dash pattern in pixels for a 2D canvas or SVG drawing of a line `scale` times
 * its map width ([] for solid): deck.gl counts dash units in half line widths.
 */
export function screenDash(style: { dash: readonly [number, number]; width: number }, scale = 1): number[] {
  return style.dash[0] === 0 ? [] : [(style.dash[0] * style.width * scale) / 2, (style.dash[1] * style.width * scale) / 2];
}
