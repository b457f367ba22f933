/**
 * deck.gl layers built from state by a pure function. The glyph arrays are created once
 * per dataset read; playback changes only `filterRange` and `currentTime` (uniforms), so
 * deck.gl keeps every GPU buffer across frames.
 */
import type { Layer } from '@deck.gl/core';
import { DataFilterExtension, PathStyleExtension } from '@deck.gl/extensions';
import type { DataFilterExtensionProps, PathStyleExtensionProps } from '@deck.gl/extensions';
import { TripsLayer } from '@deck.gl/geo-layers';
import { PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { ArcGlyph, ImpactGlyph, IncidentGlyphs, PulseGlyph } from './incident-glyphs';
import { STATUS_STYLE } from './incident-glyphs';
import { KIND_COLORS } from './incident-style';
import type { TargetHalo } from './target-halos';

import type { PlaybackMode } from '../timeline/playback-clock';

export type { PlaybackMode };

export interface MapLayerState {
  glyphs: IncidentGlyphs;
  halos: TargetHalo[];
  /** Selected date range in days since TIME_ORIGIN: [first day, day after the last]. */
  range: [number, number];
  /** Playhead in days; null when not playing back (everything in range in its final state). */
  playhead: number | null;
  playing: boolean;
  mode: PlaybackMode;
  windowDays: number;
  selectedId: string | null;
  hoveredId: string | null;
  /** Incidents passing the facet filters and search (dates are filtered by `range`). */
  visibleIds: ReadonlySet<string>;
}

/** Days a pulse stays on the map after an impact. */
export const PULSE_DAYS = 0.8;
export const HEAD_TRAIL_DAYS = 0.18;

// Two filter values per object: its moment (date range and playhead) and whether it passes
// the facet filters (1) or not (0). Both are compared on the GPU.
const filter = new DataFilterExtension({ filterSize: 2 });
const SHOWN: [number, number] = [0.5, 1.5];
/** A range on the first filter value (days) that a constant 0 always passes. */
const ALWAYS: [number, number] = [-1, 1];

// deck.gl compares update triggers by their enumerable keys, which a Set does not have:
// hand it a number that changes whenever the set of visible ids is a new one.
const setVersions = new WeakMap<object, number>();
let lastVersion = 0;
function versionOf(set: object): number {
  let version = setVersions.get(set);
  if (version === undefined) {
    version = ++lastVersion;
    setVersions.set(set, version);
  }
  return version;
}
const dashes = new PathStyleExtension({ dash: true });

/** The [lower, upper] bound of impact moments shown now, and where fading starts. */
export function visibleWindow(state: Pick<MapLayerState, 'range' | 'playhead' | 'mode' | 'windowDays'>): {
  range: [number, number];
  softRange: [number, number];
} {
  const [start, end] = state.range;
  const upper = state.playhead === null ? end : Math.min(end, state.playhead);
  let lower = start;
  let softLower = start;
  if (state.playhead !== null && state.mode === 'window') {
    lower = Math.max(start, state.playhead - state.windowDays);
    softLower = Math.max(start, state.playhead - state.windowDays / 2);
  }
  return { range: [lower, upper], softRange: [softLower, upper] };
}

export function buildIncidentLayers(state: MapLayerState): Layer[] {
  const { glyphs } = state;
  const window = visibleWindow(state);
  const visible = state.visibleIds;
  const filterProps = {
    extensions: [filter],
    filterRange: [window.range, SHOWN] as [number, number][],
    filterSoftRange: [window.softRange, SHOWN] as [number, number][],
    filterTransformColor: true,
    updateTriggers: { getFilterValue: versionOf(visible) },
  };
  const layers: Layer[] = [
    new ScatterplotLayer<TargetHalo, DataFilterExtensionProps<TargetHalo>>({
      id: 'target-halos',
      data: state.halos,
      getPosition: (d) => d.at,
      getRadius: (d) => d.radiusPx,
      radiusUnits: 'pixels',
      stroked: true,
      filled: true,
      getFillColor: [30, 30, 30, 18],
      getLineColor: [30, 30, 30, 120],
      lineWidthMinPixels: 1,
      pickable: false,
      // Never filtered out; the extension is here so that this layer and the impacts share one
      // compiled shader (compiling one takes a few hundred milliseconds with software WebGL).
      extensions: [filter],
      getFilterValue: () => [0, 1],
      filterRange: [ALWAYS, SHOWN],
    }),
    ...highlightLayers(glyphs, state.selectedId ?? state.hoveredId),
    new PathLayer<ArcGlyph, DataFilterExtensionProps<ArcGlyph> & PathStyleExtensionProps<ArcGlyph>>({
      id: 'incident-arcs',
      data: glyphs.arcs,
      getPath: (d) => d.path,
      getColor: (d) => [...KIND_COLORS[d.incident.kind], STATUS_STYLE[d.incident.status].alpha],
      getWidth: (d) => STATUS_STYLE[d.incident.status].width,
      widthUnits: 'pixels',
      widthMinPixels: 1.5,
      capRounded: true,
      jointRounded: true,
      getDashArray: (d) => STATUS_STYLE[d.incident.status].dash,
      dashJustified: true,
      getFilterValue: (d) => [d.impact, visible.has(d.incident.id) ? 1 : 0],
      ...filterProps,
      extensions: [filter, dashes],
      pickable: true,
    }),
    new ScatterplotLayer<ImpactGlyph, DataFilterExtensionProps<ImpactGlyph>>({
      id: 'incident-impacts',
      data: glyphs.impacts,
      getPosition: (d) => d.at,
      getRadius: 5,
      radiusUnits: 'pixels',
      stroked: true,
      // Confirmed impacts are filled; weaker reports are rings.
      getFillColor: (d) => [...KIND_COLORS[d.incident.kind], d.incident.status === 'confirmed' ? 230 : 40],
      getLineColor: (d) => [...KIND_COLORS[d.incident.kind], STATUS_STYLE[d.incident.status].alpha],
      getLineWidth: 2,
      lineWidthUnits: 'pixels',
      getFilterValue: (d) => [d.impact, visible.has(d.incident.id) ? 1 : 0],
      ...filterProps,
      pickable: true,
    }),
  ];
  if (state.playing && state.playhead !== null) layers.push(...animationLayers(state, state.playhead));
  return layers;
}

/** The travelling projectile heads and the pulses at impact, shown only during playback. */
function animationLayers(state: MapLayerState, playhead: number): Layer[] {
  const { glyphs } = state;
  const pulseRange: [number, number] = [Math.max(state.range[0], playhead - PULSE_DAYS), Math.min(state.range[1], playhead)];
  const pulseLayer = (id: string, ageFrom: number, ageTo: number, radius: number) =>
    new ScatterplotLayer<PulseGlyph, DataFilterExtensionProps<PulseGlyph>>({
      id,
      data: glyphs.pulses,
      getPosition: (d) => d.at,
      getRadius: radius,
      radiusUnits: 'pixels',
      stroked: true,
      filled: false,
      getLineColor: (d) => [...KIND_COLORS[d.kind], 200],
      getLineWidth: 2,
      lineWidthUnits: 'pixels',
      getFilterValue: (d) => [d.impact, state.visibleIds.has(d.id) ? 1 : 0],
      updateTriggers: { getFilterValue: versionOf(state.visibleIds) },
      extensions: [filter],
      filterRange: [[Math.max(pulseRange[0], playhead - ageTo), Math.min(pulseRange[1], playhead - ageFrom)], SHOWN],
    });
  return [
    new TripsLayer<ArcGlyph, DataFilterExtensionProps<ArcGlyph>>({
      id: 'incident-heads',
      data: glyphs.arcs,
      getPath: (d) => d.path,
      getTimestamps: (d) => d.timestamps,
      getColor: (d) => [...KIND_COLORS[d.incident.kind], 255],
      getWidth: 5,
      widthUnits: 'pixels',
      capRounded: true,
      currentTime: playhead,
      trailLength: HEAD_TRAIL_DAYS,
      fadeTrail: true,
      getFilterValue: (d) => [d.impact, state.visibleIds.has(d.incident.id) ? 1 : 0],
      updateTriggers: { getFilterValue: versionOf(state.visibleIds) },
      extensions: [filter],
      filterRange: [[state.range[0], state.range[1]], SHOWN],
    }),
    pulseLayer('incident-pulse-1', 0, PULSE_DAYS / 3, 8),
    pulseLayer('incident-pulse-2', PULSE_DAYS / 3, (2 * PULSE_DAYS) / 3, 16),
    pulseLayer('incident-pulse-3', (2 * PULSE_DAYS) / 3, PULSE_DAYS, 24),
  ];
}

/** A glow under the selected (or hovered) incident. */
function highlightLayers(glyphs: IncidentGlyphs, id: string | null): Layer[] {
  const glyph = id ? glyphs.byId.get(id) : undefined;
  if (!glyph) return [];
  const arc = 'path' in glyph ? glyph : undefined;
  const impact = 'path' in glyph ? undefined : glyph;
  if (arc)
    return [
      new PathLayer<ArcGlyph>({
        id: 'highlight-arc',
        data: [arc],
        getPath: (d) => d.path,
        getColor: [255, 214, 10, 220],
        getWidth: 10,
        widthUnits: 'pixels',
        capRounded: true,
        jointRounded: true,
      }),
    ];
  if (impact)
    return [
      new ScatterplotLayer<ImpactGlyph>({
        id: 'highlight-impact',
        data: [impact],
        getPosition: (d) => d.at,
        getRadius: 10,
        radiusUnits: 'pixels',
        stroked: true,
        filled: false,
        getLineColor: [255, 214, 10, 255],
        getLineWidth: 4,
        lineWidthUnits: 'pixels',
      }),
    ];
  return [];
}
