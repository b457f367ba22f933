/**
 * Which basemap a link asks for. By default the offline basemap shipped with the app; a
 * `style=` parameter names a MapLibre style URL instead, which is only a request: nothing
 * is fetched from it until the reader agrees (map-style.svelte.ts). Only https: styles are
 * taken (the page's Content-Security-Policy allows no other scheme to other servers).
 */
import { echoedValue } from './url-state';

/** `invalid`: the value as the notice quotes it (cut like every ignored URL value). */
export type MapStyleSetting = { kind: 'bundled' } | { kind: 'url'; url: string } | { kind: 'invalid'; value: string };

export function readMapStyleSetting(search: string): MapStyleSetting {
  const value = new URLSearchParams(search).get('style');
  if (value === null || value === '' || value === 'bundled') return { kind: 'bundled' };
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return { kind: 'url', url: url.href };
  } catch {
    // fall through: not an absolute URL
  }
  return { kind: 'invalid', value: echoedValue(value) };
}
