/**
 * Keeps the URL and the state in step: the URL is read once at start and on back/forward;
 * every discrete change (range, mode, selection, language) pushes a history entry; the
 * playhead is written when playback pauses, replacing the entry rather than adding one.
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

/** Starts syncing; returns a function that stops it. */
export function startUrlSync(): () => void {
  urlNotices.list = applyUrl(location.search);
  const onPopState = () => {
    urlNotices.list = applyUrl(location.search);
  };
  window.addEventListener('popstate', onPopState);
  const stopEffects = $effect.root(() => {
    $effect(() => {
      const state = currentUrlState();
      // While playing, the playhead moves every frame: it is written once playback pauses.
      if (time.playing) return;
      const search = withStyle(serializeUrlState(state, location.search), styleParameter());
      if (search === location.search) return;
      const url = `${location.pathname}${search}${location.hash}`;
      if (withoutPlayhead(search) === withoutPlayhead(location.search)) history.replaceState(history.state, '', url);
      else history.pushState(history.state, '', url);
    });
  });
  return () => {
    window.removeEventListener('popstate', onPopState);
    stopEffects();
  };
}
