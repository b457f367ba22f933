/**
 * Renders the map at an export size without touching the map on screen: a MapLibre map
 * of its own in an off-screen container (same style, `pixelRatio` for the density), read
 * once when idle, then a deck.gl `Deck` on a canvas of its own drawing the incident layers
 * from the same pure `buildIncidentLayers` as the screen, as often as asked (one basemap
 * image serves every frame of a video: the camera does not move).
 */
import { Deck, MapView, WebMercatorViewport, type Layer } from '@deck.gl/core';
import * as maplibregl from 'maplibre-gl';
import type { StyleSpecification } from 'maplibre-gl';
import { densityAreaFor, type DensityArea } from '../map/event-density';
import { buildMapLayers, type MapState } from '../map/map-layers';
import { pixelSize, type Camera, type RenderSize } from './export-geometry';

/** How long the export map may take to load its style and data. */
const IDLE_TIMEOUT_MS = 90_000;

export class ExportCancelled extends Error {
  override name = 'ExportCancelled';
  constructor() {
    super('The export was cancelled.');
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportCancelled();
}

/** A Deck that updates its layers and draws now, when asked, rather than on its next animation frame. */
class ImmediateDeck extends Deck<MapView> {
  drawNow(layers: Layer[]): void {
    this.setProps({ layers });
    this.layerManager?.updateLayers();
    this.redraw('export');
  }
}

function offscreenContainer(size: RenderSize): HTMLDivElement {
  const div = document.createElement('div');
  div.setAttribute('aria-hidden', 'true');
  div.dataset['testid'] = 'export-offscreen';
  Object.assign(div.style, {
    position: 'fixed',
    left: `${-(size.cssWidth + 1000)}px`,
    top: '0px',
    width: `${size.cssWidth}px`,
    height: `${size.cssHeight}px`,
    overflow: 'hidden',
    pointerEvents: 'none',
    contain: 'strict',
  } satisfies Partial<CSSStyleDeclaration>);
  document.body.appendChild(div);
  return div;
}

function layer(container: HTMLElement, size: RenderSize): HTMLDivElement {
  const div = document.createElement('div');
  Object.assign(div.style, { position: 'absolute', left: '0px', top: '0px', width: `${size.cssWidth}px`, height: `${size.cssHeight}px` });
  container.appendChild(div);
  return div;
}

function waitForIdle(map: maplibregl.Map, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error('The map for the export did not finish loading in time.')), IDLE_TIMEOUT_MS);
    const onAbort = () => finish(new ExportCancelled());
    // A missing file or image is not fatal (the screen shows the same): the map still goes idle.
    const onError = (e: { error?: { message?: string } }) => console.warn('export map:', e.error?.message ?? e);
    const onIdle = () => finish(null);
    function finish(error: Error | null) {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      map.off('idle', onIdle);
      map.off('error', onError);
      if (error) reject(error);
      else resolve();
    }
    signal?.addEventListener('abort', onAbort);
    map.on('error', onError);
    map.on('idle', onIdle);
  });
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Drops the WebGL context now rather than when garbage is collected (Chromium keeps at most 16). */
function loseContext(canvas: HTMLCanvasElement): void {
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  gl?.getExtension('WEBGL_lose_context')?.loseContext();
}

/** The basemap drawn at an export size: an image (a 2D canvas) and the camera it was drawn with. */
export async function renderBasemap(
  style: StyleSpecification | string,
  camera: Camera,
  size: RenderSize,
  signal?: AbortSignal,
): Promise<{ image: HTMLCanvasElement; camera: Camera }> {
  throwIfAborted(signal);
  const container = offscreenContainer(size);
  let map: maplibregl.Map | null = null;
  try {
    const { width, height } = pixelSize(size);
    map = new maplibregl.Map({
      container: layer(container, size),
      style,
      center: camera.center,
      zoom: camera.zoom,
      bearing: camera.bearing,
      pitch: camera.pitch,
      pixelRatio: size.pixelRatio,
      maxCanvasSize: [16384, 16384],
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
    });
    await waitForIdle(map, signal);
    const image = document.createElement('canvas');
    image.width = width;
    image.height = height;
    image.getContext('2d')!.drawImage(map.getCanvas(), 0, 0, width, height);
    const c = map.getCenter();
    return { image, camera: { center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() } };
  } finally {
    map?.remove();
    container.remove();
  }
}

/** deck.gl on a canvas of its own at an export size; draws the incident layers for any state. */
export class IncidentRenderer {
  readonly #container: HTMLDivElement;
  readonly #canvas: HTMLCanvasElement;
  readonly #deck: ImmediateDeck;
  readonly #densityArea: DensityArea;
  /** The zoom in output pixels (imported arcs' curve detail). */
  readonly #zoom: number;

  private constructor(container: HTMLDivElement, canvas: HTMLCanvasElement, deck: ImmediateDeck, densityArea: DensityArea, zoom: number) {
    this.#container = container;
    this.#canvas = canvas;
    this.#deck = deck;
    this.#densityArea = densityArea;
    this.#zoom = zoom;
  }

  static async open(camera: Camera, size: RenderSize, signal?: AbortSignal): Promise<IncidentRenderer> {
    throwIfAborted(signal);
    const container = offscreenContainer(size);
    const canvas = document.createElement('canvas');
    Object.assign(canvas.style, { position: 'absolute', left: '0px', top: '0px', width: `${size.cssWidth}px`, height: `${size.cssHeight}px` });
    container.appendChild(canvas);
    let deck: ImmediateDeck | null = null;
    try {
      const loaded = new Promise<void>((resolve, reject) => {
        deck = new ImmediateDeck({
          canvas,
          width: size.cssWidth,
          height: size.cssHeight,
          useDevicePixels: size.pixelRatio,
          views: new MapView({ id: 'export-view' }),
          viewState: {
            longitude: camera.center[0],
            latitude: camera.center[1],
            zoom: camera.zoom,
            bearing: camera.bearing,
            pitch: camera.pitch,
          },
          controller: false,
          layers: [],
          deviceProps: { type: 'webgl', webgl: { preserveDrawingBuffer: true, antialias: true } },
          onLoad: () => resolve(),
          onError: (error) => reject(error),
        });
      });
      await loaded;
      const renderer = new IncidentRenderer(container, canvas, deck!, exportDensityArea(camera, size), camera.zoom + Math.log2(size.pixelRatio));
      // The drawing buffer follows the canvas's CSS size through a ResizeObserver: wait for it.
      const { width, height } = pixelSize(size);
      for (let i = 0; i < 300; i++) {
        renderer.draw({ layers: [] });
        if (canvas.width === width && canvas.height === height) break;
        throwIfAborted(signal);
        await nextFrame();
      }
      if (canvas.width !== width || canvas.height !== height)
        throw new Error(`The incident layers could not be drawn at ${width}×${height} (got ${canvas.width}×${canvas.height}).`);
      return renderer;
    } catch (error) {
      (deck as ImmediateDeck | null)?.finalize();
      loseContext(canvas);
      container.remove();
      throw error;
    }
  }

  /** Draws layers now; the canvas holds them until the next draw (read it before awaiting anything). */
  draw({ layers }: { layers: Layer[] }): HTMLCanvasElement {
    this.#deck.drawNow(layers);
    return this.#canvas;
  }

  /**
   * Draws the incident layers for a state, exactly as the screen builds them (large datasets
   * counted over the first view), seen from `camera` when given (a video following the action).
   */
  render(state: MapState, camera?: Camera): HTMLCanvasElement {
    if (camera) this.#deck.setProps({ viewState: { longitude: camera.center[0], latitude: camera.center[1], zoom: camera.zoom, bearing: camera.bearing, pitch: camera.pitch } });
    return this.draw({ layers: buildMapLayers({ ...state, densityArea: this.#densityArea, zoom: this.#zoom }) });
  }

  dispose(): void {
    try {
      this.#deck.finalize();
    } finally {
      loseContext(this.#canvas);
      this.#container.remove();
    }
  }
}

/** The density cells for an export: its view, cells of the same size in output pixels as on screen. */
function exportDensityArea(camera: Camera, size: RenderSize): DensityArea {
  const viewport = new WebMercatorViewport({
    width: size.cssWidth,
    height: size.cssHeight,
    longitude: camera.center[0],
    latitude: camera.center[1],
    zoom: camera.zoom,
    bearing: camera.bearing,
    pitch: camera.pitch,
  });
  const [west, south, east, north] = viewport.getBounds();
  return densityAreaFor({ west, south, east, north }, camera.zoom + Math.log2(size.pixelRatio), 0);
}
