/**
 * Whether the map could start. MapLibre GL and deck.gl need WebGL2, which Tor Browser
 * (at its Safer and Safest levels), locked-down machines and blocklisted graphics drivers
 * do not offer: the map then reports why here, and the page explains it instead of
 * throwing (the list, timeline, panels and data exports work without the map).
 */
export type MapFailure = 'no-webgl2' | 'map-failed';

class MapSupport {
  /** Null while the map runs (or has not started). */
  failure = $state<MapFailure | null>(null);
  /** The browser's own words, for a bug report. */
  detail = $state('');
}

export const mapSupport = new MapSupport();

/** Whether this browser gives a page a WebGL2 context (checked only after the map failed to start). */
export function webgl2Available(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return gl !== null;
  } catch {
    return false;
  }
}

/** Records why the map could not start: no WebGL2 at all, or another failure. */
export function reportMapFailure(error: unknown): void {
  mapSupport.detail = error instanceof Error ? error.message : String(error);
  mapSupport.failure = webgl2Available() ? 'map-failed' : 'no-webgl2';
  console.warn(`The map could not start: ${mapSupport.detail}`);
}
