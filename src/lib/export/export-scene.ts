/**
 * What an export shows, read once from the app when the user asks: the map's style and
 * camera, the layer state the screen draws (same pure `buildIncidentLayers` input), the
 * selection, and the texts of the furniture (handed in by the caller, in its language).
 * Exports then run on this snapshot, so a change on screen during a long video does not leak
 * into it.
 */
import type { Map as MaplibreMap, StyleSpecification } from 'maplibre-gl';
import type { StoredIncident, StoredPlace } from '../data/db';
import { incidentKinds, statuses, type IncidentKind, type Status } from '../data/vocabulary';
import { STATUS_STYLE } from '../map/incident-glyphs';
import { visibleWindow } from '../map/incident-layers';
import type { MapState } from '../map/map-layers';
import { KIND_COLORS } from '../map/incident-style';
import { UNCERTAINTY_MIN_ZOOM, UNCERTAINTY_SOURCE } from '../map/place-layers';
import { incidentMoment } from '../timeline/incident-time';
import { incidentOutlets } from './data-export';
import { outletNames } from '../analysis/citation';
import { styleAttribution } from '../map/style-attribution';
import { clampPlayhead, type Camera, type ScreenView } from './export-geometry';
import type { Furniture, StoryFurniture } from './snapshot-drawing';
import type { EndCard } from './story-drawing';
import type { CaptionText } from '../story/caption-text';
import { captionsAt, storyTimeline, tallyAt, tallyIndex, type Tally } from '../story/story-captions';

export interface ExportScene {
  /** The MapLibre style drawn; null for the map drawn without WebGL (its PNG is drawn by canvas-png.ts). */
  style: StyleSpecification | null;
  screen: ScreenView;
  /** [first day, day after the last] of the selection. */
  range: [number, number];
  /** The layers' state as on screen (without the hover highlight). */
  layerState: MapState;
  /** Incident moments of the selection, sorted: the playback clock's stops. */
  stops: number[];
  speed: number;
  compressGaps: boolean;
  /** The selection: what the data exports write. */
  incidents: StoredIncident[];
  places: ReadonlyMap<string, StoredPlace>;
  /**
   * The furniture for an image drawn with `camera`, the playhead at `playhead` (null: none).
   * `outletsUpTo` limits the sources line to incidents shown by then (null: the whole selection in view).
   */
  furniture(camera: Camera, playhead: number | null, outletsUpTo: number | null, options?: { story?: boolean }): Furniture;
  /** The direction of the texts' language. */
  dir: 'ltr' | 'rtl';
  /** The incidents of the selection in playback order, for captions and subtitles. */
  timeline: readonly { id: string; moment: number }[];
  /** An incident's caption in the caller's language. */
  caption(id: string): CaptionText | null;
  /** The closing card of a video: title, range and every source. */
  endCard(): EndCard;
}

/** The words of the furniture, in the caller's language (lib/i18n/scene-texts.ts writes them). */
export interface SceneTexts {
  dir: 'ltr' | 'rtl';
  /** The credit line, given the basemap's credits. */
  credit(attribution: string): string;
  noAttribution: string;
  kinds: Record<IncidentKind, string>;
  statuses: Record<Status, string>;
  legendTitle: string;
  kindsTitle: string;
  statusesTitle: string;
  impact: string;
  north: string;
  sourcesPrefix: string;
  uncertainty: string;
  /** "+ n more" after the outlets that fit. */
  more(count: number): string;
  distance(metres: number): string;
  /** A day number as a date. */
  day(day: number, style: 'short' | 'long'): string;
  /** An incident's story caption. */
  caption(incident: StoredIncident): CaptionText;
  /** "So far: …", the running tally. */
  tally(tally: Tally): string;
  /** "+ 2 more at this time". */
  captionsMore(count: number): string;
  /** The heading of the end card's list of sources. */
  sourcesTitle: string;
}

/** The map an export is taken from: its view, its style (if MapLibre's) and what it shows. */
export interface SceneView {
  screen: ScreenView;
  style: StyleSpecification | null;
  /** The basemap's credits, as text. */
  attribution: string[];
  /** Whether the map draws any uncertainty ring. */
  uncertainty: boolean;
  contains(lonLat: [number, number]): boolean;
}

function inBounds(view: SceneView, places: ReadonlyMap<string, StoredPlace>, incident: StoredIncident): boolean {
  const target = places.get(incident.targetId);
  const origin = incident.originId ? places.get(incident.originId) : undefined;
  return [target, origin].some((p) => p !== undefined && view.contains([p.lon, p.lat]));
}

/** What the app hands an export: the map state the screen draws (one derivation for both), and the selection. */
export interface SceneInputs {
  /** The derived map state (lib/state/map-view), as the live map draws it. */
  state: MapState;
  /** The selection, in the list's order. */
  incidents: readonly StoredIncident[];
  places: ReadonlyMap<string, StoredPlace>;
  /** Incident moments of the selection, sorted. */
  stops: readonly number[];
  speed: number;
  compressGaps: boolean;
}

/** Whether a style draws any uncertainty ring (only places of the selection have one). */
function drawsUncertainty(style: StyleSpecification): boolean {
  const source = style.sources?.[UNCERTAINTY_SOURCE] as { data?: { features?: unknown[] } } | undefined;
  return (source?.data?.features?.length ?? 0) > 0;
}

/** The MapLibre map on screen, as an export's view. */
export function viewOfMap(map: MaplibreMap): SceneView {
  const container = map.getContainer();
  const center = map.getCenter();
  const style = map.getStyle();
  const bounds = map.getBounds();
  return {
    screen: {
      width: container.clientWidth,
      height: container.clientHeight,
      center: [center.lng, center.lat],
      zoom: map.getZoom(),
      bearing: map.getBearing(),
      pitch: map.getPitch(),
    },
    style,
    attribution: styleAttribution(style),
    uncertainty: drawsUncertainty(style),
    contains: (lonLat) => bounds.contains(lonLat),
  };
}

/**
 * Reads everything an export needs from a view of the map (MapLibre's, `viewOfMap`, or the
 * one drawn without WebGL), the app's inputs and the texts.
 */
export function captureScene(view: SceneView, title: string, inputs: SceneInputs, texts: SceneTexts): ExportScene {
  const { screen, style } = view;
  // The export's renderer counts large datasets over its own view (IncidentRenderer), and draws no hover.
  const layerState: MapState = { ...inputs.state, densityArea: null, hoveredId: null };
  const range: [number, number] = [layerState.range[0], layerState.range[1]];
  const incidents = [...inputs.incidents];
  const places = inputs.places;
  const inView = incidents.filter((i) => inBounds(view, places, i));

  const dir = texts.dir;
  const subtitle = `${texts.day(range[0], 'short')} – ${texts.day(range[1] - 1, 'short')}`;
  const credit = texts.credit(view.attribution.join(' · ') || texts.noAttribution);
  const showsUncertainty = view.uncertainty;
  const timeline = storyTimeline(incidents.map((i) => ({ id: i.id, moment: incidentMoment(i), kind: i.kind, status: i.status })));
  const index = tallyIndex(timeline);
  const byId = new Map(incidents.map((i) => [i.id, i] as const));
  const captionCache = new Map<string, CaptionText>();
  const caption = (id: string): CaptionText | null => {
    const incident = byId.get(id);
    if (!incident) return null;
    let text = captionCache.get(id);
    if (!text) captionCache.set(id, (text = texts.caption(incident)));
    return text;
  };
  const story = (playhead: number): StoryFurniture => {
    const stack = captionsAt(timeline, playhead, inputs.speed);
    return {
      captions: stack.ids.flatMap((id) => {
        const c = caption(id);
        return c ? [{ ...c, color: KIND_COLORS[c.kind] }] : [];
      }),
      more: stack.more > 0 ? texts.captionsMore(stack.more) : null,
      tally: texts.tally(tallyAt(index, playhead)),
    };
  };

  return {
    style,
    screen,
    range,
    layerState,
    stops: [...inputs.stops],
    speed: inputs.speed,
    compressGaps: inputs.compressGaps,
    incidents,
    places,
    dir,
    timeline,
    caption,
    endCard() {
      return { dir, title, subtitle, sourcesTitle: texts.sourcesTitle, sources: outletsOf(incidents), credit };
    },
    furniture(camera, playhead, outletsUpTo, options = {}) {
      let shown = inView;
      if (outletsUpTo !== null) {
        const window = visibleWindow({ ...layerState, playhead: outletsUpTo });
        shown = inView.filter((i) => {
          const m = incidentMoment(i);
          return m >= window.range[0] && m <= window.range[1];
        });
      }
      const legendSet = shown.length > 0 ? shown : incidents;
      const kinds = incidentKinds.filter((k) => legendSet.some((i) => i.kind === k));
      const usedStatuses = statuses.filter((s) => legendSet.some((i) => i.status === s && i.originId !== null));
      const outlets = outletsOf(shown);
      return {
        dir,
        title,
        subtitle,
        dateLabel: playhead === null ? null : texts.day(clampPlayhead(playhead, range), 'long'),
        legend: {
          title: texts.legendTitle,
          kindsTitle: texts.kindsTitle,
          kinds: kinds.map((k) => ({ color: KIND_COLORS[k], label: texts.kinds[k] })),
          statusesTitle: texts.statusesTitle,
          statuses: usedStatuses.map((s) => ({ style: STATUS_STYLE[s], label: texts.statuses[s] })),
          statusColor: KIND_COLORS['attack-on-coalition'],
          impact: legendSet.some((i) => i.originId === null) ? texts.impact : null,
          uncertainty: showsUncertainty && camera.zoom >= UNCERTAINTY_MIN_ZOOM ? texts.uncertainty : null,
        },
        camera: { latitude: camera.center[1], zoom: camera.zoom, bearing: camera.bearing },
        formatDistance: texts.distance,
        northLabel: texts.north,
        sources: { prefix: texts.sourcesPrefix, outlets, more: texts.more },
        credit,
        story: options.story && playhead !== null ? story(playhead) : null,
      };
    },
  };
}

/** Outlets once each (whatever their case), the most cited first. */
function outletsOf(incidents: readonly StoredIncident[]): string[] {
  const outletCounts = new Map<string, { name: string; count: number }>();
  for (const incident of incidents)
    for (const name of new Set(incidentOutlets(incident).flatMap(outletNames))) {
      const entry = outletCounts.get(name.toLowerCase()) ?? { name, count: 0 };
      entry.count++;
      outletCounts.set(name.toLowerCase(), entry);
    }
  return [...outletCounts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).map((o) => o.name);
}
