/**
 * Which basemap the map draws, and the reader's consent to any other. A link may name a
 * MapLibre style (`?style=https://…`); nothing is requested from its server until the reader
 * agrees in a dialog that names it, and agrees again if the style also loads from other
 * servers. Refusing keeps the offline basemap. The address keeps `style=` only once the
 * reader agreed, so a link passed on never carries a style nobody chose.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { sanitizeForeignStyle, styleOrigins } from '../map/foreign-style';
import { readMapStyleSetting } from './map-style-setting';

export type StyleConsent =
  /** The offline basemap; nothing to ask. */
  | { step: 'bundled' }
  /** A link names a style: the dialog asks before anything is requested. */
  | { step: 'ask'; url: string; origin: string }
  | { step: 'loading'; url: string; origin: string }
  /** The style also loads from other servers: asked again, naming them. */
  | { step: 'more'; url: string; origin: string; style: StyleSpecification; others: string[] }
  | { step: 'granted'; url: string; style: StyleSpecification; origins: string[] }
  | { step: 'failed'; url: string; origin: string; error: string };

/** Servers the reader agreed to in this tab's session, so a reload does not ask again. */
const SESSION_KEY = 'strikes-map:style-consent';

function agreedOrigins(): Set<string> {
  try {
    const stored = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(stored) ? stored.filter((o): o is string => typeof o === 'string') : []);
  } catch {
    return new Set();
  }
}

function rememberOrigins(origins: readonly string[]): void {
  try {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify([...new Set([...agreedOrigins(), ...origins])]));
  } catch {
    // Storage refused: the reader is asked again next time.
  }
}

class MapStyleState {
  consent = $state.raw<StyleConsent>({ step: 'bundled' });
  /** A `style=` value that is not an https URL: ignored, with a notice. */
  invalid = $state<string | null>(null);
  /** The servers the map may contact besides this page's own. */
  allowed = $derived<ReadonlySet<string>>(new Set(this.consent.step === 'granted' ? this.consent.origins : []));
}

export const mapStyle = new MapStyleState();

/** Reads the link's style once at start: asks about it, or goes on silently if agreed earlier in this session. */
export function startMapStyle(search: string): void {
  const setting = readMapStyleSetting(search);
  if (setting.kind === 'invalid') mapStyle.invalid = setting.value;
  if (setting.kind !== 'url') return;
  const origin = new URL(setting.url).origin;
  mapStyle.consent = { step: 'ask', url: setting.url, origin };
  if (agreedOrigins().has(origin)) void allowStyle();
}

/** The reader agreed to the style's server: fetch the style, then ask about any other servers it names. */
export async function allowStyle(): Promise<void> {
  const consent = mapStyle.consent;
  if (consent.step !== 'ask' && consent.step !== 'failed') return;
  const { url, origin } = consent;
  mapStyle.consent = { step: 'loading', url, origin };
  rememberOrigins([origin]);
  try {
    const response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const fetched = (await response.json()) as StyleSpecification | null;
    if (!fetched || typeof fetched !== 'object' || !Array.isArray(fetched.layers)) throw new Error('not a MapLibre style');
    const style = sanitizeForeignStyle(fetched);
    const agreed = agreedOrigins();
    const others = styleOrigins(style, url).filter((o) => o !== origin && o !== location.origin && !agreed.has(o));
    if (others.length > 0) mapStyle.consent = { step: 'more', url, origin, style, others };
    else grant(url, style);
  } catch (error) {
    mapStyle.consent = { step: 'failed', url, origin, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The reader agreed to the other servers the style names too. */
export function allowMore(): void {
  const consent = mapStyle.consent;
  if (consent.step !== 'more') return;
  rememberOrigins(consent.others);
  grant(consent.url, consent.style);
}

function grant(url: string, style: StyleSpecification): void {
  mapStyle.consent = { step: 'granted', url, style, origins: styleOrigins(style, url).filter((o) => o !== location.origin) };
}

/** Keeps the offline basemap, and drops the style from the address so the link is not passed on with it. */
export function refuseStyle(): void {
  mapStyle.consent = { step: 'bundled' };
  const params = new URLSearchParams(location.search);
  if (!params.has('style')) return;
  params.delete('style');
  const search = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
}

/** The `style` value the app writes into the addresses it makes: only a style the reader agreed to. */
export function styleParameter(): string | null {
  return mapStyle.consent.step === 'granted' ? mapStyle.consent.url : null;
}
