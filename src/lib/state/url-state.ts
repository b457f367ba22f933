/**
 * The shareable state in the URL's query: date range, playhead, speed, mode, selection,
 * language. Parsing is pure and forgiving: a bad value is dropped with a notice naming
 * it, never a blank page. The map view lives in the hash (#map=zoom/lat/lon), kept by MapLibre.
 */
import { FILTER_FIELDS, type Filters } from '../analysis/incident-filters';
import { incidentKinds, statuses, weapons } from '../data/vocabulary';
import { isIsoDate } from '../timeline/incident-time';
import { MAX_SPEED, MIN_SPEED } from '../timeline/playback-clock';

import type { PlaybackMode } from '../timeline/playback-clock';

export type { PlaybackMode };

export interface UrlState {
  from: string | null;
  to: string | null;
  /** Playhead date (YYYY-MM-DD) or null when not set. */
  t: string | null;
  speed: number;
  mode: PlaybackMode;
  windowDays: number;
  incident: string | null;
  place: string | null;
  lang: 'en' | 'ar';
  /** Facet filters: repeated parameters, e.g. weapon=drone&weapon=rockets. */
  filters: Filters;
  /** Search text. */
  q: string;
  /** Imported event types shown (repeated `eventType`); empty shows all. */
  eventTypes: string[];
}

export const DEFAULT_URL_STATE: UrlState = {
  from: null,
  to: null,
  t: null,
  speed: 1,
  mode: 'cumulative',
  windowDays: 14,
  incident: null,
  place: null,
  lang: 'en',
  filters: {},
  q: '',
  eventTypes: [],
};

/** Values a filter accepts: a closed list, or a pattern for ids and free text. */
const FILTER_VALUES: Record<(typeof FILTER_FIELDS)[number], readonly string[] | RegExp> = {
  kind: incidentKinds,
  weapon: weapons,
  status: statuses,
  target: /^[\w:.-]{1,200}$/,
  origin: /^[\w:.-]{1,200}$/,
  dataset: /^[\w:.-]{1,200}$/,
  actor: /^[^\u0000-\u001f]{1,300}$/,
  outlet: /^[^\u0000-\u001f]{1,300}$/,
};

/** Why a value was ignored; each has a message in both languages ('url.reason.*'). */
export type UrlNoticeReason = 'date' | 'order' | 'speed' | 'mode' | 'window' | 'id' | 'choice' | 'value' | 'length' | 'lang';

export interface UrlNotice {
  param: string;
  /** The value as it is shown: cut by echoedValue. */
  value: string;
  reason: UrlNoticeReason;
}

/** Characters of an ignored value quoted back in a notice. */
export const ECHOED_VALUE_CHARS = 40;

/**
 * An ignored value as a notice quotes it: enough to recognise it, never the whole of
 * it, since a hostile link can carry megabytes there (or text made to read like a
 * message of the app's own). Cut after ECHOED_VALUE_CHARS UTF-16 units, never inside a
 * surrogate pair, with an ellipsis.
 */
export function echoedValue(value: string): string {
  if (value.length <= ECHOED_VALUE_CHARS) return value;
  const cut = /[\ud800-\udbff]/.test(value[ECHOED_VALUE_CHARS - 1]!) ? ECHOED_VALUE_CHARS - 1 : ECHOED_VALUE_CHARS;
  return `${value.slice(0, cut)}…`;
}

export function parseUrlState(search: string): { state: UrlState; notices: UrlNotice[] } {
  const params = new URLSearchParams(search);
  const state: UrlState = { ...DEFAULT_URL_STATE };
  const notices: UrlNotice[] = [];
  const reject = (param: string, value: string, reason: UrlNoticeReason) => notices.push({ param, value: echoedValue(value), reason });

  for (const key of ['from', 'to', 't'] as const) {
    const value = params.get(key);
    if (value === null || value === '') continue;
    if (isIsoDate(value)) state[key] = value;
    else reject(key, value, 'date');
  }
  if (state.from && state.to && state.from > state.to) {
    reject('to', state.to, 'order');
    state.to = null;
  }

  const speed = params.get('speed');
  if (speed !== null && speed !== '') {
    const n = Number(speed);
    if (Number.isFinite(n) && n >= MIN_SPEED && n <= MAX_SPEED) state.speed = n;
    else reject('speed', speed, 'speed');
  }

  const mode = params.get('mode');
  if (mode !== null && mode !== '') {
    if (mode === 'cumulative' || mode === 'window') state.mode = mode;
    else reject('mode', mode, 'mode');
  }

  const windowDays = params.get('window');
  if (windowDays !== null && windowDays !== '') {
    const n = Number(windowDays);
    if (Number.isInteger(n) && n >= 1 && n <= 3650) state.windowDays = n;
    else reject('window', windowDays, 'window');
  }

  for (const key of ['incident', 'place'] as const) {
    const value = params.get(key);
    if (value === null || value === '') continue;
    if (/^[\w:.-]{1,200}$/.test(value)) state[key] = value;
    else reject(key, value, 'id');
  }

  const filters: Record<string, string[]> = {};
  for (const field of FILTER_FIELDS) {
    const accepted = FILTER_VALUES[field];
    for (const value of params.getAll(field)) {
      if (value === '') continue;
      const ok = accepted instanceof RegExp ? accepted.test(value) : accepted.includes(value);
      if (ok) (filters[field] ??= []).push(value);
      else reject(field, value, accepted instanceof RegExp ? 'value' : 'choice');
    }
  }
  state.filters = filters;

  const eventTypes: string[] = [];
  for (const value of params.getAll('eventType')) {
    if (value === '') continue;
    if (/^[^\u0000-\u001f]{1,200}$/.test(value)) eventTypes.push(value);
    else reject('eventType', value, 'value');
  }
  state.eventTypes = eventTypes;

  const q = params.get('q');
  if (q !== null) {
    if (q.length <= 300) state.q = q;
    else reject('q', q, 'length');
  }

  const lang = params.get('lang');
  if (lang !== null && lang !== '') {
    if (lang === 'en' || lang === 'ar') state.lang = lang;
    else reject('lang', lang, 'lang');
  }
  return { state, notices };
}

/**
 * The query string for a state: only values that differ from the defaults, and any
 * parameters this module does not own (such as `style`) kept as they were.
 */
export function serializeUrlState(state: UrlState, previousSearch = ''): string {
  const params = new URLSearchParams(previousSearch);
  const set = (key: string, value: string | null, fallback: string | null) => {
    if (value === null || value === fallback) params.delete(key);
    else params.set(key, value);
  };
  set('from', state.from, null);
  set('to', state.to, null);
  set('t', state.t, null);
  set('speed', String(state.speed), String(DEFAULT_URL_STATE.speed));
  set('mode', state.mode, DEFAULT_URL_STATE.mode);
  set('window', String(state.windowDays), String(DEFAULT_URL_STATE.windowDays));
  set('incident', state.incident, null);
  set('place', state.place, null);
  set('lang', state.lang, DEFAULT_URL_STATE.lang);
  for (const field of FILTER_FIELDS) {
    params.delete(field);
    for (const value of state.filters[field] ?? []) params.append(field, value);
  }
  set('q', state.q, '');
  params.delete('eventType');
  for (const value of state.eventTypes) params.append('eventType', value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The address with the map style the reader agreed to (null: none), and without any other:
 * a style a link asked for but nobody chose is not passed on.
 */
export function withStyle(search: string, style: string | null): string {
  const params = new URLSearchParams(search);
  if (style) params.set('style', style);
  else params.delete('style');
  const text = params.toString();
  return text ? `?${text}` : '';
}
