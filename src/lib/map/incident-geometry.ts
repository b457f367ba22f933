/**
 * Incidents placed on the map: each one becomes an arc (origin known) or an impact
 * (origin unknown: never an invented arc). Computed once per dataset read; playback
 * and hover never rebuild these arrays.
 */
import type { StoredIncident, StoredPlace } from '../data/db';

export type LonLat = [number, number];

export interface IncidentArc {
  incident: StoredIncident;
  from: LonLat;
  to: LonLat;
}

export interface IncidentImpact {
  incident: StoredIncident;
  at: LonLat;
}

export interface IncidentGeometry {
  arcs: IncidentArc[];
  impacts: IncidentImpact[];
  /** Incidents whose target place is missing (should not happen with valid data). */
  unplaced: StoredIncident[];
}

export function placeIncidents(incidents: readonly StoredIncident[], places: ReadonlyMap<string, StoredPlace>): IncidentGeometry {
  const arcs: IncidentArc[] = [];
  const impacts: IncidentImpact[] = [];
  const unplaced: StoredIncident[] = [];
  for (const incident of incidents) {
    const target = places.get(incident.targetId);
    if (!target) {
      unplaced.push(incident);
      continue;
    }
    const to: LonLat = [target.lon, target.lat];
    const origin = incident.originId ? places.get(incident.originId) : undefined;
    if (origin) arcs.push({ incident, from: [origin.lon, origin.lat], to });
    else impacts.push({ incident, at: to });
  }
  return { arcs, impacts, unplaced };
}
