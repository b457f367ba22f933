/**
 * Large imported datasets drawn as a density image instead of one dot per event.
 *
 * A dot per row costs the GPU the same work whether or not the dots overlap: with software
 * WebGL a million 2.5 px dots take seconds per frame, and ACLED-scale data piles thousands of
 * events onto each town, where dots only hide one another. Above DENSITY_MIN_ROWS the events
 * are counted into a grid of square cells (in Web Mercator, so the image lies on the map like a
 * tile and follows pans, rotation and pitch) and drawn as one bitmap, each cell coloured by how
 * many events it holds. Counting a million rows takes milliseconds on the CPU; the GPU then
 * draws one textured quad, whatever the number of rows.
 *
 * Everything here is pure: the grid for a date window and an event-type mask, the area the
 * grid covers for a view, the colours, and the row under a picked pixel.
 */
import type { EventColumns } from '../data/event-columns';

/** Datasets with more rows than this are drawn as a density image. */
export const DENSITY_MIN_ROWS = 50_000;
/** Whether a dataset's points are drawn as a density image rather than as dots (its arcs are drawn as arcs). */
export function drawnAsDensity(columns: EventColumns): boolean {
  return columns.length - columns.arcCount > DENSITY_MIN_ROWS;
}

/** Side of a cell in screen pixels at the zoom the area was made for. */
export const CELL_PX = 2;
/** Largest grid side, in cells (a 2048² RGBA image is 16 MB). */
const MAX_CELLS = 2048;

/** Where the grid lies: Web Mercator world coordinates in [0, 1], x east, y south. */
export interface DensityArea {
  /** World x and y of the grid's north-west corner. */
  x0: number;
  y0: number;
  /** Side of a cell in world units. */
  cell: number;
  /** Cells across and down. */
  width: number;
  height: number;
  /** The zoom the cells were sized for (CELL_PX screen pixels each). */
  zoom: number;
}

export interface DensityGrid {
  area: DensityArea;
  /** Events per cell, weighted by the soft edge of the time window (row-major, north first). */
  weight: Float32Array;
  /** A row of the dataset in each cell (the latest counted), -1 when empty: what a click opens. */
  row: Int32Array;
  /** Rows counted (weight > 0). */
  counted: number;
}

export function lonToWorldX(lon: number): number {
  return (lon + 180) / 360;
}

export function latToWorldY(lat: number): number {
  const clamped = Math.max(-85.051129, Math.min(85.051129, lat));
  const s = Math.sin((clamped * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}

export function worldXToLon(x: number): number {
  return x * 360 - 180;
}

export function worldYToLat(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

const worldCache = new WeakMap<EventColumns, Float32Array>();

function project(columns: EventColumns, out: Float32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    out[2 * i] = lonToWorldX(columns.lon[i]!);
    out[2 * i + 1] = latToWorldY(columns.lat[i]!);
  }
}

/** Interleaved Web Mercator [x, y] of every row, computed once per set of columns. */
export function worldPositions(columns: EventColumns): Float32Array {
  let out = worldCache.get(columns);
  if (!out) {
    out = new Float32Array(columns.length * 2);
    project(columns, out, 0, columns.length);
    worldCache.set(columns, out);
  }
  return out;
}

/**
 * Computes worldPositions ahead of the first drawing, `slice` rows at a time with a yield to
 * the event loop between slices: for a million rows the projection takes tens of ms, which
 * would otherwise join the reading and the first draw in one long task.
 */
export async function prepareWorldPositions(columns: EventColumns, slice = 100_000): Promise<void> {
  if (worldCache.has(columns)) return;
  const out = new Float32Array(columns.length * 2);
  for (let from = 0; from < columns.length; from += slice) {
    project(columns, out, from, Math.min(columns.length, from + slice));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  worldCache.set(columns, out);
}

export interface ViewBounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/**
 * The area to count into for a view: its bounds widened by `margin` of their size on each side
 * (so that small pans need no new grid), in cells of CELL_PX screen pixels at `zoom` (MapLibre's
 * 512 px world), cut to MAX_CELLS around the view's centre when a pitched view reaches far.
 */
export function densityAreaFor(bounds: ViewBounds, zoom: number, margin = 0.25): DensityArea {
  const cell = CELL_PX / (512 * 2 ** zoom);
  let x0 = lonToWorldX(bounds.west);
  let x1 = lonToWorldX(bounds.east);
  let y0 = latToWorldY(bounds.north);
  let y1 = latToWorldY(bounds.south);
  const padX = (x1 - x0) * margin;
  const padY = (y1 - y0) * margin;
  x0 = Math.max(0, x0 - padX);
  x1 = Math.min(1, x1 + padX);
  y0 = Math.max(0, y0 - padY);
  y1 = Math.min(1, y1 + padY);
  let width = Math.max(1, Math.ceil((x1 - x0) / cell));
  let height = Math.max(1, Math.ceil((y1 - y0) / cell));
  if (width > MAX_CELLS) {
    x0 += ((width - MAX_CELLS) * cell) / 2;
    width = MAX_CELLS;
  }
  if (height > MAX_CELLS) {
    y0 += ((height - MAX_CELLS) * cell) / 2;
    height = MAX_CELLS;
  }
  return { x0, y0, cell, width, height, zoom };
}

/** Whether `area` still serves a view: the view lies inside it and the zoom is within half a level. */
export function areaServes(area: DensityArea, bounds: ViewBounds, zoom: number): boolean {
  if (Math.abs(area.zoom - zoom) > 0.5) return false;
  const x1 = area.x0 + area.width * area.cell;
  const y1 = area.y0 + area.height * area.cell;
  return lonToWorldX(bounds.west) >= area.x0 && lonToWorldX(bounds.east) <= x1 && latToWorldY(bounds.north) >= area.y0 && latToWorldY(bounds.south) <= y1;
}

/** The first index in ascending `values` whose value is >= `x` (or > `x` when `after`). */
function firstIndex(values: Float32Array, x: number, after = false): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid]!;
    if (v < x || (after && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface DensityWindow {
  /** Days shown: [lower, upper] inclusive, as the GPU filter's range. */
  range: [number, number];
  /** Inside range but before softRange[0] an event fades in linearly (as DataFilterExtension's soft range). */
  softRange: [number, number];
}

/**
 * Counts the rows of `columns` whose day lies in the window and whose type passes `mask`
 * (1 shown, 0 hidden; null shows every type) into the cells of `area`. Rows are sorted by
 * day, so only the window's rows are visited.
 */
export function densityGrid(columns: EventColumns, area: DensityArea, window: DensityWindow, mask: Float32Array | null): DensityGrid {
  const cells = area.width * area.height;
  const weight = new Float32Array(cells);
  const row = new Int32Array(cells).fill(-1);
  const world = worldPositions(columns);
  const [lower, upper] = window.range;
  const softLower = Math.max(lower, window.softRange[0]);
  const fade = softLower - lower;
  const start = firstIndex(columns.day, lower);
  const end = firstIndex(columns.day, upper, true);
  const inv = 1 / area.cell;
  let counted = 0;
  for (let i = start; i < end; i++) {
    if (mask !== null && mask[i] === 0) continue;
    const cx = Math.floor((world[2 * i]! - area.x0) * inv);
    const cy = Math.floor((world[2 * i + 1]! - area.y0) * inv);
    if (cx < 0 || cy < 0 || cx >= area.width || cy >= area.height) continue;
    const day = columns.day[i]!;
    const w = fade > 0 && day < softLower ? (day - lower) / fade : 1;
    if (w <= 0) continue;
    const at = cy * area.width + cx;
    weight[at]! += w;
    row[at] = i;
    counted++;
  }
  return { area, weight, row, counted };
}

/** Events per cell at which the colour is darkest. */
const SATURATION = 1000;

/**
 * RGBA pixels of a grid, north row first: empty cells transparent; one event in a cell is
 * already clearly visible, and the colour darkens with the logarithm of the count, the same
 * scale in every frame (so playback does not flicker as the busiest cell changes).
 */
export function densityPixels(grid: DensityGrid, light: readonly [number, number, number], dark: readonly [number, number, number]): Uint8ClampedArray {
  const { weight } = grid;
  const out = new Uint8ClampedArray(weight.length * 4);
  const scale = 1 / Math.log(SATURATION);
  for (let i = 0; i < weight.length; i++) {
    const w = weight[i]!;
    if (w <= 0) continue;
    // t: 0 for one event, 1 at SATURATION; a fading event (w < 1) keeps the lightest colour, fainter.
    const t = w >= 1 ? Math.min(1, Math.log(w) * scale) : 0;
    const o = 4 * i;
    out[o] = light[0] + (dark[0] - light[0]) * t;
    out[o + 1] = light[1] + (dark[1] - light[1]) * t;
    out[o + 2] = light[2] + (dark[2] - light[2]) * t;
    out[o + 3] = (w >= 1 ? 150 + 105 * t : 150 * w) | 0;
  }
  return out;
}

/** [west, south, east, north] of the grid, for a bitmap layer. */
export function areaBounds(area: DensityArea): [number, number, number, number] {
  return [worldXToLon(area.x0), worldYToLat(area.y0 + area.height * area.cell), worldXToLon(area.x0 + area.width * area.cell), worldYToLat(area.y0)];
}

/** The row counted nearest to a longitude and latitude in the grid (within `radius` cells), or -1. */
export function rowAt(grid: DensityGrid, lon: number, lat: number, radius = 3): number {
  const { area } = grid;
  return rowAtCell(grid, (lonToWorldX(lon) - area.x0) / area.cell, (latToWorldY(lat) - area.y0) / area.cell, radius);
}

/** The row in the cell at image pixel [x, y] (north row 0), or in the nearest non-empty cell within `radius` cells; -1 when none. */
export function rowAtCell(grid: DensityGrid, x: number, y: number, radius = 3): number {
  const { width, height } = grid.area;
  let best = -1;
  let bestDistance = Infinity;
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const cx = Math.floor(x) + dx;
      const cy = Math.floor(y) + dy;
      if (cx < 0 || cy < 0 || cx >= width || cy >= height) continue;
      const r = grid.row[cy * width + cx]!;
      const d = dx * dx + dy * dy;
      if (r >= 0 && d < bestDistance) {
        best = r;
        bestDistance = d;
      }
    }
  }
  return best;
}
