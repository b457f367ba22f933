/**
 * How the live MapLibre map is made: the offline style first, requests guarded, the
 * opening region, the view in the address, and what software WebGL needs.
 */
import type { MapOptions, RequestTransformFunction, StyleSpecification } from 'maplibre-gl';

export function mapOptions(container: HTMLElement, style: StyleSpecification, transformRequest: RequestTransformFunction): MapOptions {
  return {
    container,
    // Always the offline basemap first: another style only once the reader agreed to it.
    style,
    // Nothing but this page's origin and the servers the reader agreed to is ever asked for.
    transformRequest,
    bounds: [
      [35.6, 32.4],
      [42.6, 37.5],
    ],
    fitBoundsOptions: { padding: 24 },
    // The view lives in the URL (#map=zoom/lat/lon[/bearing/pitch]): links reopen the same view.
    hash: 'map',
    // Arrow keys and space drive playback (see keyboard.ts); the map pans with the mouse and its buttons.
    keyboard: false,
    // MapLibre's attribution control inserts the style's attribution as HTML: shown as text below instead.
    attributionControl: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
    // Labels appear at once: a fade is a run of repaints, each a full frame in software WebGL.
    fadeDuration: 0,
  };
}

/**
 * The map as drawn on screen (basemap and arcs: both canvases keep their drawing) as one
 * still PNG image (a data URL), for printing; null before anything is drawn.
 */
export function flattenedCanvases(container: HTMLElement): string | null {
  const canvases = [...container.querySelectorAll('canvas')];
  const base = canvases[0];
  if (!base || base.width === 0) return null;
  const out = document.createElement('canvas');
  out.width = base.width;
  out.height = base.height;
  const ctx = out.getContext('2d');
  if (!ctx) return null;
  for (const canvas of canvases) if (canvas.width > 0) ctx.drawImage(canvas, 0, 0, out.width, out.height);
  return out.toDataURL('image/png');
}
