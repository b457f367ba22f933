/**
 * Which basemap to draw. By default the offline basemap shipped with the app; a
 * `style=` URL parameter points the map at any MapLibre style URL instead (that
 * style's own servers are then contacted: an explicit choice of the user).
 */
import { echoedValue } from './url-state';

/** `invalid`: the value as the notice quotes it (cut like every ignored URL value). */
export type MapStyleSetting = { kind: 'bundled' } | { kind: 'url'; url: string } | { kind: 'invalid'; value: string };

export function readMapStyleSetting(search: string): MapStyleSetting {
  const value = new URLSearchParams(search).get('style');
  if (value === null || value === '' || value === 'bundled') return { kind: 'bundled' };
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return { kind: 'url', url: url.href };
  } catch {
    // fall through: not an absolute URL
  }
  return { kind: 'invalid', value: echoedValue(value) };
}
