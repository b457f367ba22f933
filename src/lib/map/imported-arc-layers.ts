/**
 * Imported arcs on the map, from their columns (imported-arcs.ts): one PathLayer per chunk
 * of arcs, the chunks outside the time window hidden (kept on the GPU, not drawn); during
 * playback, heads and pulses for the few arcs in flight at the playhead only. In the colour
 * of the kind their event type names; solid and thinner than the bundled arcs, fainter as
 * they get many (a file's rows carry no status to dash them by), so a crowd reads as lines.
 */
import type { Layer } from '@deck.gl/core';
import { DataFilterExtension, PathStyleExtension, type DataFilterExtensionProps, type PathStyleExtensionProps } from '@deck.gl/extensions';
import { TripsLayer } from '@deck.gl/geo-layers';
import { PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { EventColumns } from '../data/event-columns';
import { FLIGHT_DAYS, STATUS_STYLE } from './incident-glyphs';
import { HEAD_TRAIL_DAYS, PULSE_DAYS } from './incident-layers';
import { KIND_COLORS, type Rgb } from './incident-style';
import type { LonLat } from './incident-geometry';
import { matchOf, matchSerial } from './event-match';
import { arcChunks, arcDetail, arcPathOf, arcRowsOf, arcsInFlight, chunkInWindow, shownTypes, type ArcChunk, type ArcRows } from './imported-arcs';

export interface ImportedArcState {
  columns: readonly EventColumns[];
  /** Event types shown; empty shows all. */
  eventTypes: readonly string[];
  /** Rows matching the search, per dataset (null: no search). */
  matches: ReadonlyMap<string, Uint8Array> | null;
  /** Days shown now (date range and playhead) and where fading starts: visibleWindow(). */
  window: { range: [number, number]; softRange: [number, number] };
  /** The selected date range, [first day, day after the last]. */
  range: [number, number];
  playhead: number | null;
  playing: boolean;
  /** The view's zoom (curve detail); null: the opening view's. */
  zoom: number | null;
  /** An imported event hovered or opened: its arc is highlighted. */
  highlight: { datasetId: string; row: number } | null;
}

/** What a picked arc layer's data carries, to find the picked row. */
export interface ArcChunkData {
  length: number;
  startIndices: Uint32Array;
  attributes: { getPath: { value: Float32Array; size: 2 } };
  arcs: ArcRows;
  first: number;
}

export const IMPORTED_ARC_LAYER_PREFIX = 'imported-arcs-';

// The same extensions as the bundled layers (incident-layers.ts): deck.gl then reuses their
// compiled shaders, which software WebGL takes up to 0.75 s each to build. Arcs are solid
// (dash [0, 0]) but keep the dash extension for that reason.
const filter = new DataFilterExtension({ filterSize: 2 });
const dashes = new PathStyleExtension({ dash: true });
const SHOWN: [number, number] = [0.5, 1.5];
/** Filter props that every object passes (heads and pulses are chosen on the CPU). */
const ALWAYS = { extensions: [filter], getFilterValue: () => [0, 1], filterRange: [[-1, 1], SHOWN] as [number, number][] };
const SOLID: [number, number] = [0, 0];
const STYLE = STATUS_STYLE.reported;

const chunkData = new WeakMap<ArcChunk, ArcChunkData>();
function dataOf(arcs: ArcRows, chunk: ArcChunk): ArcChunkData {
  let data = chunkData.get(chunk);
  if (!data) {
    data = { length: chunk.length, startIndices: chunk.startIndices, attributes: { getPath: { value: chunk.positions, size: 2 } }, arcs, first: chunk.first };
    chunkData.set(chunk, data);
  }
  return data;
}

/** The dataset row of a picked arc, or null when the layer is not an imported arc layer. */
export function pickedArcRow(data: unknown, index: number): { datasetId: string; row: number } | null {
  const d = data as Partial<ArcChunkData> | null;
  if (!d?.arcs || typeof d.first !== 'number' || index < 0 || index >= (d.length ?? 0)) return null;
  return { datasetId: d.arcs.columns.datasetId, row: d.arcs.rows[d.first + index]! };
}

/** Fainter as arcs get many, so that a crowd of them still reads as lines. */
export function arcAlpha(count: number): number {
  return Math.round(STYLE.alpha * Math.max(0.35, Math.min(1, Math.sqrt(400 / Math.max(count, 1)))));
}

interface Flying {
  path: LonLat[];
  timestamps: number[];
  color: Rgb;
}
interface Pulse {
  at: LonLat;
  day: number;
  color: Rgb;
}

export function buildImportedArcLayers(state: ImportedArcState): Layer[] {
  const layers: Layer[] = [];
  const flying: Flying[] = [];
  const pulses: Pulse[] = [];
  const detail = arcDetail(state.zoom);
  const typeKey = [...state.eventTypes].sort().join('\u001f');
  for (const columns of state.columns) {
    if (columns.arcCount === 0) continue;
    const arcs = arcRowsOf(columns);
    const shown = shownTypes(columns, state.eventTypes);
    const match = matchOf(columns, state.matches);
    const filterKey = `${typeKey}|${matchSerial(match)}`;
    const alpha = arcAlpha(columns.arcCount);
    const colorOf = (k: number): Rgb => KIND_COLORS[arcs.kinds[columns.eventType[arcs.rows[k]!]!] ?? 'other-strike'];
    arcChunks(arcs, detail).forEach((chunk, c) => {
      layers.push(
        new PathLayer<unknown, DataFilterExtensionProps & PathStyleExtensionProps>({
          id: `${IMPORTED_ARC_LAYER_PREFIX}${columns.datasetId}-${detail}-${c}`,
          data: dataOf(arcs, chunk),
          _pathType: 'open',
          getColor: (_: unknown, { index }: { index: number }) => [...colorOf(chunk.first + index), alpha],
          getWidth: columns.arcCount > 1000 ? 1.25 : 1.75,
          widthUnits: 'pixels',
          widthMinPixels: 1,
          capRounded: true,
          jointRounded: true,
          getDashArray: SOLID,
          getFilterValue: (_: unknown, { index }: { index: number }) => {
            const k = chunk.first + index;
            const row = arcs.rows[k]!;
            return [arcs.day[k]!, match && !match[row] ? 0 : shown[columns.eventType[row]!]!];
          },
          updateTriggers: { getFilterValue: filterKey },
          extensions: [filter, dashes],
          filterRange: [state.window.range, SHOWN],
          filterSoftRange: [state.window.softRange, SHOWN],
          filterTransformColor: true,
          // Chunks outside the window keep their buffers but are not drawn.
          visible: chunkInWindow(chunk, state.window.range),
          pickable: true,
        }),
      );
    });
    if (state.playing && state.playhead !== null) inFlight(arcs, shown, match, colorOf, state, flying, pulses);
  }
  const highlight = highlightLayer(state);
  if (highlight) layers.push(highlight);
  if (flying.length > 0) layers.push(headsLayer(flying, state.playhead!));
  if (pulses.length > 0) layers.push(pulseLayer(pulses, state.playhead!));
  return layers;
}

/** Heads and pulses of the arcs in flight at the playhead. */
function inFlight(arcs: ArcRows, shown: Uint8Array, match: Uint8Array | null, colorOf: (k: number) => Rgb, state: ImportedArcState, flying: Flying[], pulses: Pulse[]): void {
  const t = state.playhead!;
  const { heads, pulses: landed } = arcsInFlight(arcs, shown, t, state.range, { trail: HEAD_TRAIL_DAYS, pulse: PULSE_DAYS }, match);
  const { columns } = arcs;
  for (const k of heads) {
    const path = arcPathOf(arcs, k);
    const launch = arcs.day[k]! - FLIGHT_DAYS;
    flying.push({ path, timestamps: path.map((_, i) => launch + (FLIGHT_DAYS * i) / (path.length - 1)), color: colorOf(k) });
  }
  for (const k of landed) {
    const row = arcs.rows[k]!;
    pulses.push({ at: [columns.lon[row]!, columns.lat[row]!], day: arcs.day[k]!, color: colorOf(k) });
  }
}

function headsLayer(flying: Flying[], playhead: number): Layer {
  return new TripsLayer<Flying, DataFilterExtensionProps<Flying>>({
    id: 'imported-heads',
    data: flying,
    getPath: (d) => d.path,
    getTimestamps: (d) => d.timestamps,
    getColor: (d) => [...d.color, 255],
    getWidth: 5,
    widthUnits: 'pixels',
    capRounded: true,
    currentTime: playhead,
    trailLength: HEAD_TRAIL_DAYS,
    fadeTrail: true,
    ...ALWAYS,
  });
}

/** One ring per impact, growing and fading over PULSE_DAYS. */
function pulseLayer(pulses: Pulse[], playhead: number): Layer {
  const age = (d: Pulse) => Math.min(1, Math.max(0, (playhead - d.day) / PULSE_DAYS));
  return new ScatterplotLayer<Pulse, DataFilterExtensionProps<Pulse>>({
    id: 'imported-pulses',
    data: pulses,
    getPosition: (d) => d.at,
    getRadius: (d) => 8 + 16 * age(d),
    radiusUnits: 'pixels',
    stroked: true,
    filled: false,
    getLineColor: (d) => [...d.color, Math.round(200 * (1 - age(d)))],
    getLineWidth: 2,
    lineWidthUnits: 'pixels',
    updateTriggers: { getRadius: playhead, getLineColor: playhead },
    ...ALWAYS,
  });
}

function highlightLayer(state: ImportedArcState): Layer | null {
  const h = state.highlight;
  const columns = h ? state.columns.find((c) => c.datasetId === h.datasetId) : undefined;
  if (!h || !columns || columns.arcCount === 0) return null;
  const arcs = arcRowsOf(columns);
  const k = arcs.rows.indexOf(h.row);
  if (k < 0) return null;
  return new PathLayer<LonLat[]>({
    id: 'highlight-imported-arc',
    data: [arcPathOf(arcs, k)],
    getPath: (d) => d,
    getColor: [255, 214, 10, 220],
    getWidth: 8,
    widthUnits: 'pixels',
    capRounded: true,
    jointRounded: true,
  });
}
