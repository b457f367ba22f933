/**
 * A map style from someone else's server, made safe to draw once the reader agreed to it:
 * which servers it would contact, its sources and layers kept from taking over the app's
 * own (places, uncertainty, range rings), and a guard that lets the map contact only the
 * servers the reader agreed to. Pure, apart from nothing: the fetch lives in the state.
 */
import type { RequestParameters, StyleSpecification } from 'maplibre-gl';

/** Ids the app gives its own sources and layers: a foreign style may not use them. */
const APP_ID = /^(incident-places|place-uncertainty|range-rings)/;
const FOREIGN_PREFIX = 'foreign-';

function originOf(url: string, base: string): string | null {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** Every server a style would have the map contact (its own first), from what it declares. */
export function styleOrigins(style: StyleSpecification, styleUrl: string): string[] {
  const urls: string[] = [styleUrl];
  for (const source of Object.values(style.sources ?? {})) {
    const s = source as { url?: unknown; tiles?: unknown; data?: unknown; urls?: unknown };
    if (typeof s.url === 'string') urls.push(s.url);
    if (typeof s.data === 'string') urls.push(s.data);
    for (const list of [s.tiles, s.urls]) if (Array.isArray(list)) urls.push(...list.filter((u): u is string => typeof u === 'string'));
  }
  if (typeof style.glyphs === 'string') urls.push(style.glyphs.replace(/\{[^}]*\}/g, 'x'));
  const sprite = style.sprite as unknown;
  if (typeof sprite === 'string') urls.push(sprite);
  else if (Array.isArray(sprite)) for (const s of sprite) if (s && typeof (s as { url?: unknown }).url === 'string') urls.push((s as { url: string }).url);
  const origins = urls.map((u) => originOf(u.replace(/\{[^}]*\}/g, '0'), styleUrl)).filter((o): o is string => o !== null);
  return [...new Set(origins)];
}

/**
 * The style with every source and layer whose id the app uses renamed ("foreign-…"), so that
 * the app's own are added beside them rather than being taken over or hidden, and nothing
 * else changed. Attribution stays as data: the app shows it as text, never as HTML.
 */
export function sanitizeForeignStyle(style: StyleSpecification): StyleSpecification {
  const renamed = (id: string) => (APP_ID.test(id) ? `${FOREIGN_PREFIX}${id}` : id);
  const sources = Object.fromEntries(Object.entries(style.sources ?? {}).map(([id, source]) => [renamed(id), source]));
  const layers = (style.layers ?? []).map((layer) => {
    const copy = { ...layer, id: renamed(layer.id) } as typeof layer & { source?: unknown };
    if (typeof copy.source === 'string') copy.source = renamed(copy.source);
    return copy as typeof layer;
  });
  return { ...style, sources, layers };
}

/**
 * A MapLibre `transformRequest` that lets through only this page's own origin and the
 * origins the reader agreed to; anything else (a tile server the style names only in a
 * TileJSON fetched later, say) gets an empty answer instead of a request.
 */
export function requestGuard(allowed: () => ReadonlySet<string>, pageOrigin: string): (url: string) => RequestParameters {
  return (url: string) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return { url };
    const origin = originOf(url, pageOrigin);
    if (origin === pageOrigin || (origin !== null && allowed().has(origin))) return { url };
    return { url: 'data:application/json,{}' };
  };
}

/** A short name for a server, for the consent dialog: its host. */
export function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}
