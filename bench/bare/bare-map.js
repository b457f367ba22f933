// What every bare page shares: MapLibre with the app's offline basemap style at the app's
// opening view, sized by ?w=&h= (the app map's size), and ONE deck.gl MapboxOverlay
// (interleaved: false, as the app) that records its frames in window.__strikesMapPerf as the
// app does (src/lib/map/render-stats.ts). `drawn()` tells which first-frame mark a frame sets.
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { basemapStyle } from '../../src/lib/map/basemap-style';

export const params = new URLSearchParams(location.search);

/** @param {{ firstFrameKey: 'firstIncidentFrame' | 'firstEventFrame', drawn: () => boolean }} options */
export function bareMap({ firstFrameKey, drawn }) {
  const container = document.getElementById('map');
  const width = Number(params.get('w') || 0);
  const height = Number(params.get('h') || 0);
  if (width > 0 && height > 0) {
    container.style.width = `${width}px`;
    container.style.height = `${height}px`;
  }
  window.__strikesMapPerf ??= { firstIncidentFrame: null, firstEventFrame: null, lastFrame: 0, frames: 0 };
  maplibregl.setWorkerUrl(workerUrl);
  const map = new maplibregl.Map({
    container,
    style: basemapStyle({ baseUrl: new URL('.', document.baseURI).href, lang: 'en' }),
    bounds: [
      [35.6, 32.4],
      [42.6, 37.5],
    ],
    fitBoundsOptions: { padding: 24 },
    hash: 'map',
    keyboard: false,
    attributionControl: false,
  });
  const overlay = new MapboxOverlay({
    interleaved: false,
    layers: [],
    onAfterRender: () => {
      const stats = window.__strikesMapPerf;
      const now = performance.now();
      stats.lastFrame = now;
      stats.frames += 1;
      if (stats[firstFrameKey] === null && drawn()) stats[firstFrameKey] = now;
    },
  });
  map.addControl(overlay);
  return { map, overlay };
}
