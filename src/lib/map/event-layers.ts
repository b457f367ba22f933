/**
 * Imported point events (ACLED and the like) as impacts, drawn from their columns as
 * binary attributes: no object per row. Time is filtered on the GPU from the `day`
 * column; the event-type filter is a 0/1 mask rebuilt only when the chosen types change.
 * Styled apart from the curated incidents: small dark-brown dots without arcs.
 */
import type { Layer } from '@deck.gl/core';
import { DataFilterExtension, type DataFilterExtensionProps } from '@deck.gl/extensions';
import { BitmapLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { EventColumns } from '../data/event-columns';
import { eventPositions } from '../data/event-columns';
import { matchOf, matchSerial } from './event-match';
import { areaBounds, densityAreaFor, drawnAsDensity, densityGrid, densityPixels, type DensityArea, type DensityGrid } from './event-density';

export const EVENT_COLOR: [number, number, number] = [120, 72, 20];
/** The density image's colours: one event in a cell, and the most (see event-density.ts). */
export const DENSITY_LIGHT: [number, number, number] = [176, 120, 60];
export const DENSITY_DARK: [number, number, number] = [74, 38, 6];

const filter = new DataFilterExtension({ filterSize: 2 });

interface ColumnBuffers {
  positions: Float32Array;
  ones: Float32Array;
}
const buffers = new WeakMap<EventColumns, ColumnBuffers>();

/** The dot layer's positions and its all-shown mask, made once per set of columns (never for a density image). */
function buffersOf(columns: EventColumns): ColumnBuffers {
  let b = buffers.get(columns);
  if (!b) {
    b = { positions: eventPositions(columns), ones: new Float32Array(columns.length).fill(1) };
    buffers.set(columns, b);
  }
  return b;
}

/** The last type mask made per dataset, with its choice: masks are as large as the data. */
const masks = new WeakMap<EventColumns, { key: string; match: Uint8Array | null; mask: Float32Array }>();

/**
 * 1 for the rows drawn as dots: points (arcs are drawn by imported-arc-layers.ts) whose
 * event type is among `types` (any type when `types` is empty) and that match the search
 * (`match`, null: no search). Cached per choice.
 */
export function typeMask(columns: EventColumns, types: readonly string[], match: Uint8Array | null = null): Float32Array {
  if (types.length === 0 && columns.arcCount === 0 && !match) return buffersOf(columns).ones;
  const key = [...types].sort().join('\u001f');
  const cached = masks.get(columns);
  if (cached?.key === key && cached.match === match) return cached.mask;
  const wanted = new Uint8Array(256);
  columns.eventTypes.forEach((name, index) => {
    if (types.length === 0 || types.includes(name)) wanted[index] = 1;
  });
  const mask = new Float32Array(columns.length);
  const origin = columns.originLon;
  for (let i = 0; i < columns.length; i++) mask[i] = origin && origin[i] === origin[i] ? 0 : wanted[columns.eventType[i]!]!;
  if (match) for (let i = 0; i < columns.length; i++) if (!match[i]) mask[i] = 0;
  masks.set(columns, { key, match, mask });
  return mask;
}

export interface EventLayerState {
  columns: readonly EventColumns[];
  /** Event types to show; empty shows all. */
  eventTypes: readonly string[];
  /** Rows matching the search, per dataset (null: no search). */
  matches: ReadonlyMap<string, Uint8Array> | null;
  /** [lower, upper] of days shown now (date range and playhead). */
  window: { range: [number, number]; softRange: [number, number] };
  /** Where large datasets are counted into a density image (the view, see densityAreaFor); null: the region at zoom 6. */
  densityArea: DensityArea | null;
}

/** The app's opening view, for a density image made before the map tells its view. */
const REGION_AREA = densityAreaFor({ west: 35.6, south: 32.4, east: 42.6, north: 37.5 }, 6);

export interface DensityImage {
  key: string;
  grid: DensityGrid;
  image: ImageData;
}
/** The last image made per dataset and area: hover and selection redraw without counting again. */
const densityImages = new WeakMap<EventColumns, Map<DensityArea, DensityImage>>();

/** The density image of a dataset over an area for a window, types and search: counted once, kept for redraws (the map without WebGL draws it too). */
export function densityImage(columns: EventColumns, area: DensityArea, window: EventLayerState['window'], types: readonly string[], match: Uint8Array | null = null): DensityImage {
  let byArea = densityImages.get(columns);
  if (!byArea) densityImages.set(columns, (byArea = new Map()));
  const key = `${window.range.join()}|${window.softRange.join()}|${[...types].sort().join('\u001f')}|${matchSerial(match)}`;
  const cached = byArea.get(area);
  if (cached?.key === key) return cached;
  const grid = densityGrid(columns, area, window, types.length || columns.arcCount || match ? typeMask(columns, types, match) : null);
  const image = new ImageData(densityPixels(grid, DENSITY_LIGHT, DENSITY_DARK) as Uint8ClampedArray<ArrayBuffer>, area.width, area.height);
  const made = { key, grid, image };
  byArea.delete(area);
  byArea.set(area, made);
  // The screen's area and an export's, at most: older areas go.
  while (byArea.size > 2) byArea.delete(byArea.keys().next().value!);
  return made;
}

/** The grid last drawn for a dataset over `area` (for finding the event under the pointer), if any. */
export function drawnDensityGrid(columns: EventColumns, area: DensityArea | null): DensityGrid | null {
  return densityImages.get(columns)?.get(area ?? REGION_AREA)?.grid ?? null;
}

export function buildEventLayers(state: EventLayerState): Layer[] {
  // Datasets made only of arcs have no dots.
  return state.columns.filter((c) => c.arcCount < c.length).map((columns): Layer => {
    if (drawnAsDensity(columns)) {
      const area = state.densityArea ?? REGION_AREA;
      const { image } = densityImage(columns, area, state.window, state.eventTypes, matchOf(columns, state.matches));
      return new BitmapLayer({
        id: `events-${columns.datasetId}`,
        image,
        bounds: areaBounds(area),
        // Cells stay square and sharp when the map zooms between two images.
        textureParameters: { minFilter: 'nearest', magFilter: 'nearest' },
        // The event under the pointer is found from the grid (MapView), not by GPU picking,
        // which would find this full-view image under every arc.
        pickable: false,
      });
    }
    const { positions } = buffersOf(columns);
    const mask = typeMask(columns, state.eventTypes, matchOf(columns, state.matches));
    return new ScatterplotLayer<unknown, DataFilterExtensionProps>({
      id: `events-${columns.datasetId}`,
      data: {
        length: columns.length,
        attributes: {
          getPosition: { value: positions, size: 2 },
          // Two filter values per row, interleaved below: its day and whether its type is shown.
          getFilterValue: { value: interleave(columns.day, mask), size: 2 },
        },
      },
      getRadius: 2.5,
      radiusUnits: 'pixels',
      radiusMinPixels: 1.5,
      getFillColor: [...EVENT_COLOR, 170],
      stroked: false,
      extensions: [filter],
      filterRange: [state.window.range, [0.5, 1.5]],
      filterSoftRange: [state.window.softRange, [0.5, 1.5]],
      filterTransformColor: true,
      pickable: true,
    });
  });
}

const interleaved = new WeakMap<Float32Array, WeakMap<Float32Array, Float32Array>>();
/** [day0, mask0, day1, mask1, ...], cached per pair of arrays so deck.gl sees the same buffer. */
function interleave(day: Float32Array, mask: Float32Array): Float32Array {
  let byMask = interleaved.get(day);
  if (!byMask) interleaved.set(day, (byMask = new WeakMap()));
  let out = byMask.get(mask);
  if (!out) {
    out = new Float32Array(day.length * 2);
    for (let i = 0; i < day.length; i++) {
      out[2 * i] = day[i]!;
      out[2 * i + 1] = mask[i]!;
    }
    byMask.set(mask, out);
  }
  return out;
}
