import { describe, expect, it } from 'vitest';
import type { EventColumns } from '../data/event-columns';
import {
  areaBounds,
  areaServes,
  CELL_PX,
  densityAreaFor,
  densityGrid,
  densityPixels,
  latToWorldY,
  lonToWorldX,
  rowAt,
  rowAtCell,
  worldXToLon,
  worldYToLat,
  type DensityArea,
} from './event-density';

/** Columns for rows given as [day, lon, lat, type], sorted by day as stored columns are. */
function columns(rows: [number, number, number, number][]): EventColumns {
  const sorted = [...rows].sort((a, b) => a[0] - b[0]);
  return {
    datasetId: 'test',
    length: sorted.length,
    day: Float32Array.from(sorted.map((r) => r[0])),
    lon: Float32Array.from(sorted.map((r) => r[1])),
    lat: Float32Array.from(sorted.map((r) => r[2])),
    eventType: Uint8Array.from(sorted.map((r) => r[3])),
    eventTypes: ['Battles', 'Explosions/Remote violence'],
    fatalities: new Int32Array(sorted.length).fill(-1),
    originLon: null,
    originLat: null,
    arcCount: 0,
  };
}

/** An area of 1° cells (in world units at the equator) from 40°E 36°N. */
function area(width = 4, height = 4): DensityArea {
  const x0 = lonToWorldX(40);
  const cell = lonToWorldX(41) - x0;
  return { x0, y0: latToWorldY(36), cell, width, height, zoom: 6 };
}

const WHOLE: { range: [number, number]; softRange: [number, number] } = { range: [0, 10_000], softRange: [0, 10_000] };

describe('Web Mercator world coordinates', () => {
  it('round-trips longitudes and latitudes', () => {
    for (const [lon, lat] of [
      [40.45, 35.02],
      [-120, -33.5],
      [0, 0],
    ] as const) {
      expect(worldXToLon(lonToWorldX(lon))).toBeCloseTo(lon, 9);
      expect(worldYToLat(latToWorldY(lat))).toBeCloseTo(lat, 9);
    }
    expect(latToWorldY(0)).toBeCloseTo(0.5, 12);
    expect(latToWorldY(60)).toBeLessThan(latToWorldY(30)); // y grows southwards
  });
});

describe('densityGrid', () => {
  const data = columns([
    [10, 40.5, 35.5, 0], // cell (0, 0)
    [11, 40.6, 35.4, 1], // cell (0, 0)
    [12, 42.5, 35.5, 0], // cell (2, 0)
    [20, 40.5, 33.5, 1], // row 2 of cells: lat 33.5 lies below two cells' worth of mercator
    [30, 50.0, 35.5, 0], // east of the area: not counted
  ]);

  it('counts every row of the window into its cell and keeps a row per cell', () => {
    const grid = densityGrid(data, area(), WHOLE, null);
    expect(grid.counted).toBe(4);
    expect(grid.weight[0]).toBe(2);
    expect(grid.weight[2]).toBe(1);
    const total = grid.weight.reduce((a, b) => a + b, 0);
    expect(total).toBe(4);
    // The row kept for cell (0, 0) is one of the two counted there (rows are in day order).
    expect([0, 1]).toContain(grid.row[0]);
    expect(grid.row[1]).toBe(-1);
  });

  it('counts only the days of the window, both ends included', () => {
    const grid = densityGrid(data, area(), { range: [11, 12], softRange: [11, 12] }, null);
    expect(grid.counted).toBe(2);
    expect(grid.weight[0]).toBe(1);
    expect(grid.weight[2]).toBe(1);
    expect(densityGrid(data, area(), { range: [13, 19], softRange: [13, 19] }, null).counted).toBe(0);
  });

  it('leaves out the rows whose type the mask hides', () => {
    const mask = Float32Array.from([1, 0, 1, 0, 1]); // by row index, in day order
    const grid = densityGrid(data, area(), WHOLE, mask);
    expect(grid.counted).toBe(2);
    expect(grid.weight[0]).toBe(1);
    expect(grid.row[0]).toBe(0);
  });

  it('fades the rows before the soft edge of the window, as the GPU filter does', () => {
    const fading = columns([
      [10, 40.5, 35.5, 0],
      [15, 40.5, 35.5, 0],
      [20, 40.5, 35.5, 0],
    ]);
    const grid = densityGrid(fading, area(), { range: [10, 20], softRange: [20, 20] }, null);
    // Day 10 sits on the window's edge (weight 0, not counted), day 15 halfway, day 20 in full.
    expect(grid.counted).toBe(2);
    expect(grid.weight[0]).toBeCloseTo(1.5, 6);
  });
});

describe('densityAreaFor and areaServes', () => {
  const view = { west: 38, south: 33, east: 42, north: 37 };

  it('sizes cells at CELL_PX screen pixels of the zoom and widens the view by the margin', () => {
    const a = densityAreaFor(view, 7, 0.25);
    expect(a.cell).toBeCloseTo(CELL_PX / (512 * 2 ** 7), 12);
    const [west, south, east, north] = areaBounds(a);
    expect(west).toBeCloseTo(37, 1);
    expect(east).toBeGreaterThanOrEqual(43 - 1e-9);
    expect(north).toBeGreaterThan(37);
    expect(south).toBeLessThan(33);
    expect(a.width).toBe(Math.ceil((lonToWorldX(43) - lonToWorldX(37)) / a.cell));
  });

  it('keeps grids within 2048 cells a side, around the view', () => {
    const a = densityAreaFor({ west: -170, south: -80, east: 170, north: 80 }, 10);
    expect(a.width).toBe(2048);
    expect(a.height).toBe(2048);
    const [west, , east] = areaBounds(a);
    expect((west + east) / 2).toBeCloseTo(0, 3);
  });

  it('serves the views inside it at about its zoom, and no other', () => {
    const a = densityAreaFor(view, 7);
    expect(areaServes(a, view, 7)).toBe(true);
    expect(areaServes(a, { west: 38.5, south: 33.5, east: 42.5, north: 37.5 }, 7.3)).toBe(true);
    expect(areaServes(a, view, 7.8)).toBe(false);
    expect(areaServes(a, { west: 30, south: 33, east: 34, north: 37 }, 7)).toBe(false);
  });
});

describe('densityPixels', () => {
  const light = [200, 150, 100] as const;
  const dark = [20, 10, 0] as const;

  it('leaves empty cells transparent, shows one event clearly and darkens with the count', () => {
    const grid = { area: area(4, 1), weight: Float32Array.from([0, 1, 1000, 0.5]), row: new Int32Array(4), counted: 0 };
    const px = densityPixels(grid, light, dark);
    expect([...px.slice(0, 4)]).toEqual([0, 0, 0, 0]);
    expect([...px.slice(4, 8)]).toEqual([200, 150, 100, 150]);
    expect([...px.slice(8, 12)]).toEqual([20, 10, 0, 255]);
    // A fading event keeps the lightest colour, fainter.
    expect(px[12]).toBe(200);
    expect(px[15]).toBe(75);
  });

  it('uses one scale in every frame, whatever the busiest cell', () => {
    const a = densityPixels({ area: area(2, 1), weight: Float32Array.from([10, 10]), row: new Int32Array(2), counted: 0 }, light, dark);
    const b = densityPixels({ area: area(2, 1), weight: Float32Array.from([10, 5000]), row: new Int32Array(2), counted: 0 }, light, dark);
    expect([...a.slice(0, 4)]).toEqual([...b.slice(0, 4)]);
  });
});

describe('rowAtCell', () => {
  it('finds the row in the cell, or in the nearest filled cell within the radius', () => {
    const row = new Int32Array(25).fill(-1);
    row[2 * 5 + 2] = 7;
    row[0] = 3;
    const grid = { area: area(5, 5), weight: new Float32Array(25), row, counted: 2 };
    expect(rowAtCell(grid, 2.4, 2.9)).toBe(7);
    expect(rowAtCell(grid, 3.5, 3.5, 1)).toBe(7);
    expect(rowAtCell(grid, 4.5, 4.5, 1)).toBe(-1);
    expect(rowAtCell(grid, 0.2, 0.7, 0)).toBe(3);
  });
});

describe('rowAt', () => {
  it('finds the event counted under a longitude and latitude, and none far from it', () => {
    const data = columns([[10, 40.5, 35.5, 0]]);
    const grid = densityGrid(data, area(), WHOLE, null);
    expect(rowAt(grid, 40.2, 35.8)).toBe(0); // same 1° cell
    expect(rowAt(grid, 39.2, 35.5, 0)).toBe(-1); // west of the grid
    expect(rowAt(grid, 43.5, 32.5, 1)).toBe(-1); // three cells away
  });
});
