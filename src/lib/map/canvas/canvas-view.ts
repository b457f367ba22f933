/**
 * The view of the map drawn without WebGL: a centre and a zoom in MapLibre's terms (512-px
 * Web Mercator tiles, so `#map=` links mean the same on both maps), projected with d3-geo.
 * Pure: pan, zoom about a point and fitting bounds return a new view.
 */
import { geoMercator, geoPath, geoTransform, type GeoPath, type GeoProjection } from 'd3-geo';

export interface CanvasView {
  lon: number;
  lat: number;
  zoom: number;
  /** CSS pixels of the map. */
  width: number;
  height: number;
}

export const MIN_ZOOM = 3;
export const MAX_ZOOM = 13;

/** d3's Mercator at the view's zoom: a world 512 · 2^zoom pixels wide, the view's centre in the middle. */
export function projectionOf(view: CanvasView): GeoProjection {
  return geoMercator()
    .scale((512 * 2 ** view.zoom) / (2 * Math.PI))
    .center([view.lon, view.lat])
    .translate([view.width / 2, view.height / 2])
    .precision(0);
}

/**
 * A path renderer for GeoJSON on a 2D canvas through the view's Mercator, point by point:
 * planar (no spherical clipping), so a ring's winding order does not matter (d3's spherical
 * path would read the basemap's counter-clockwise rings as "the whole globe but this").
 * Fill with the even-odd rule, for lakes inside land.
 */
export function canvasPath(projection: GeoProjection, ctx: CanvasRenderingContext2D): GeoPath {
  const planar = geoTransform({
    point(lon, lat) {
      const p = projection([lon, lat]);
      if (p) this.stream.point(p[0], p[1]);
    },
  });
  return geoPath(planar, ctx);
}

const clampZoom = (z: number) => Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));

/** The view moved by a drag of (dx, dy) pixels. */
export function panBy(view: CanvasView, dx: number, dy: number): CanvasView {
  const [lon, lat] = projectionOf(view).invert!([view.width / 2 - dx, view.height / 2 - dy])!;
  return { ...view, lon, lat: Math.max(-85, Math.min(85, lat)) };
}

/** The view zoomed by `delta` levels, the point under (x, y) staying put. */
export function zoomAt(view: CanvasView, delta: number, x: number, y: number): CanvasView {
  const zoom = clampZoom(view.zoom + delta);
  const anchor = projectionOf(view).invert!([x, y])!;
  const zoomed = { ...view, zoom };
  const moved = projectionOf(zoomed)([anchor[0], anchor[1]])!;
  return panBy(zoomed, x - moved[0], y - moved[1]);
}

/** The view that shows [west, south, east, north] with `padding` pixels around it. */
export function fitBounds(view: CanvasView, [west, south, east, north]: [number, number, number, number], padding = 24): CanvasView {
  const unit = projectionOf({ ...view, lon: (west + east) / 2, lat: (south + north) / 2, zoom: 0 });
  const a = unit([west, north])!;
  const b = unit([east, south])!;
  const w = Math.max(1, Math.abs(b[0] - a[0]));
  const h = Math.max(1, Math.abs(b[1] - a[1]));
  const zoom = clampZoom(Math.log2(Math.min((view.width - 2 * padding) / w, (view.height - 2 * padding) / h)));
  const centre = unit.invert!([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2])!;
  return { ...view, lon: centre[0], lat: centre[1], zoom };
}

/** The view of a `#map=zoom/lat/lon` hash (as MapLibre writes it), or null. */
export function viewFromHash(hash: string): Pick<CanvasView, 'lon' | 'lat' | 'zoom'> | null {
  const match = /(?:^#|&)map=([-\d.]+)\/([-\d.]+)\/([-\d.]+)/.exec(hash);
  if (!match) return null;
  const [zoom, lat, lon] = match.slice(1, 4).map(Number) as [number, number, number];
  if (![zoom, lat, lon].every(Number.isFinite) || Math.abs(lat) > 85 || Math.abs(lon) > 180) return null;
  return { zoom: clampZoom(zoom), lat, lon };
}

/** The hash MapLibre would write for the view (2 decimals of zoom, 4 of degrees). */
export function hashOfView(view: CanvasView): string {
  return `#map=${Math.round(view.zoom * 100) / 100}/${view.lat.toFixed(4)}/${view.lon.toFixed(4)}`;
}

/** The view's bounds [west, south, east, north]. */
export function boundsOf(view: CanvasView): [number, number, number, number] {
  const p = projectionOf(view);
  const [west, north] = p.invert!([0, 0])!;
  const [east, south] = p.invert!([view.width, view.height])!;
  return [west, south, east, north];
}
