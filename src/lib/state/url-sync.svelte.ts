/**
 * Keeps the URL and the state in step: the URL is read once at start and on back/forward;
 * every discrete change (range, mode, selection, language) pushes a history entry; the
 * playhead is written when playback pauses, replacing the entry rather than adding one.
 *
 * The URL is written once the state has been still for URL_WRITE_DELAY_MS: dragging the date
 * brush changes the range many times a second, and each history entry cost the page about
 * 10 ms (2-core machine) and left Back to step through every position of the drag. One drag
 * is one entry. Whoever reads the address for the user (publishing, the full-map link) calls
 * flushUrl() first.
 */
import { locale, useLanguage } from '../i18n/i18n.svelte';
import { dayNumber, isoDateOfDay } from '../timeline/incident-time';
import { app } from './app-state.svelte';
import { selectIncident, selectPlace } from './selection';
import { resetPlayback, seek, setMode, setRange, setSpeed } from './playback.svelte';
import { time } from './time-state.svelte';
import { filterState } from './filter-state.svelte';
import { parseUrlState, serializeUrlState, withStyle, type UrlNotice, type UrlState } from './url-state';
import { styleParameter } from './map-style.svelte';

class UrlNotices {
  list = $state.raw<UrlNotice[]>([]);
}
export const urlNotices = new UrlNotices();

/** The state as the URL writes it. */
export function currentUrlState(): UrlState {
  return {
    from: time.from,
    to: time.to,
    t: time.playhead === null ? null : isoDateOfDay(Math.min(time.playhead, app.rangeDays[1] - 1e-3)),
    speed: time.speed,
    mode: time.mode,
    windowDays: time.windowDays,
    incident: app.selectedIncidentId,
    place: app.selectedPlaceId,
    lang: locale.lang,
    filters: filterState.filters,
    q: filterState.query,
    eventTypes: filterState.eventTypes,
  };
}

/** Applies a URL's state; returns what it had to ignore. */
export function applyUrl(search: string): UrlNotice[] {
  const { state, notices } = parseUrlState(search);
  useLanguage(state.lang);
  filterState.filters = state.filters;
  filterState.query = state.q;
  filterState.eventTypes = state.eventTypes;
  setRange(state.from, state.to);
  setSpeed(state.speed);
  setMode(state.mode, state.windowDays);
  if (state.t) seek(dayNumber(state.t) + 0.9999);
  else resetPlayback();
  if (state.incident) selectIncident(state.incident);
  else if (state.place) selectPlace(state.place);
  else selectIncident(null);
  return notices;
}

/** The URL without the values that change continuously (playhead, search text as typed). */
function withoutPlayhead(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('t');
  params.delete('q');
  return params.toString();
}

export const URL_WRITE_DELAY_MS = 300;
let pendingWrite: ReturnType<typeof setTimeout> | null = null;

/** Writes the state into the address now (as it is now, not as it was when the write was asked for). */
function writeUrl(): void {
  pendingWrite = null;
  // While playing, the playhead moves every frame: it is written once playback pauses.
  if (time.playing) return;
  const search = withStyle(serializeUrlState(currentUrlState(), location.search), styleParameter());
  if (search === location.search) return;
  const url = `${location.pathname}${search}${location.hash}`;
  if (withoutPlayhead(search) === withoutPlayhead(location.search)) history.replaceState(history.state, '', url);
  else history.pushState(history.state, '', url);
}

/** Writes a change still waiting to be written, so that the address read next is the state's. */
export function flushUrl(): void {
  if (pendingWrite === null) return;
  clearTimeout(pendingWrite);
  writeUrl();
}

/** Starts syncing; returns a function that stops it. */
export function startUrlSync(): () => void {
  urlNotices.list = applyUrl(location.search);
  const onPopState = () => {
    // The address is the reader's now: a write still waiting would overwrite it.
    if (pendingWrite !== null) clearTimeout(pendingWrite);
    pendingWrite = null;
    urlNotices.list = applyUrl(location.search);
  };
  window.addEventListener('popstate', onPopState);
  // Leaving or hiding the page writes what is waiting (a reload or a bookmark reads it).
  window.addEventListener('pagehide', flushUrl);
  const onHidden = () => document.visibilityState === 'hidden' && flushUrl();
  document.addEventListener('visibilitychange', onHidden);
  const stopEffects = $effect.root(() => {
    $effect(() => {
      // What the address holds: read here so that a change of any of it schedules a write.
      currentUrlState();
      styleParameter();
      if (time.playing) return;
      if (pendingWrite !== null) clearTimeout(pendingWrite);
      pendingWrite = setTimeout(writeUrl, URL_WRITE_DELAY_MS);
    });
  });
  return () => {
    window.removeEventListener('popstate', onPopState);
    window.removeEventListener('pagehide', flushUrl);
    document.removeEventListener('visibilitychange', onHidden);
    if (pendingWrite !== null) clearTimeout(pendingWrite);
    pendingWrite = null;
    stopEffects();
  };
}
