import { describe, expect, it } from 'vitest';
import { boundsOf, fitBounds, hashOfView, panBy, projectionOf, viewFromHash, zoomAt, type CanvasView } from './canvas-view';

const view: CanvasView = { lon: 40, lat: 35, zoom: 7, width: 1000, height: 600 };

describe('the view of the map drawn without WebGL', () => {
  it('projects as MapLibre does: 512-px tiles, the centre in the middle', () => {
    const p = projectionOf(view);
    expect(p([40, 35])).toEqual([500, 300]);
    // One degree of longitude at zoom 7: 512 · 2^7 / 360 pixels.
    expect(p([41, 35])![0] - 500).toBeCloseTo((512 * 128) / 360, 6);
  });

  it('pans with the drag and zooms about the pointer', () => {
    const moved = panBy(view, 100, 0);
    expect(projectionOf(moved)([40, 35])![0]).toBeCloseTo(600, 6);
    const under = projectionOf(view).invert!([800, 100])!;
    const zoomed = zoomAt(view, 1, 800, 100);
    expect(zoomed.zoom).toBe(8);
    const after = projectionOf(zoomed)(under as [number, number])!;
    expect(after[0]).toBeCloseTo(800, 4);
    expect(after[1]).toBeCloseTo(100, 4);
  });

  it('fits bounds with padding, and reads and writes #map= as MapLibre does', () => {
    const fitted = fitBounds(view, [35.6, 32.4, 42.6, 37.5], 24);
    const [west, south, east, north] = boundsOf(fitted);
    expect(west).toBeLessThan(35.6);
    expect(east).toBeGreaterThan(42.6);
    expect(south).toBeLessThan(32.4);
    expect(north).toBeGreaterThan(37.5);
    // Tight on the side that limits it (here the height): about the padding's 24 px.
    expect(Math.min(32.4 - south, north - 37.5)).toBeLessThan(0.5);
    expect(viewFromHash(hashOfView(fitted))).toEqual({ zoom: Math.round(fitted.zoom * 100) / 100, lat: Number(fitted.lat.toFixed(4)), lon: Number(fitted.lon.toFixed(4)) });
    expect(viewFromHash('#map=7.5/35.0/40.6')).toEqual({ zoom: 7.5, lat: 35, lon: 40.6 });
    expect(viewFromHash('#map=7/95/40')).toBeNull();
  });
});
