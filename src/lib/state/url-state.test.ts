import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, parseUrlState, serializeUrlState, withStyle } from './url-state';

describe('parseUrlState', () => {
  it('reads a shared link', () => {
    const { state, notices } = parseUrlState('?from=2022-08-01&to=2022-09-30&t=2022-08-24&speed=4&mode=window&window=7&incident=2022-08-24-conoco-rockets&lang=ar');
    expect(notices).toEqual([]);
    expect(state).toEqual({ ...DEFAULT_URL_STATE, from: '2022-08-01', to: '2022-09-30', t: '2022-08-24', speed: 4, mode: 'window', windowDays: 7, incident: '2022-08-24-conoco-rockets', lang: 'ar' });
  });

  it('uses the defaults for an empty query', () => {
    expect(parseUrlState('')).toEqual({ state: DEFAULT_URL_STATE, notices: [] });
  });

  it('drops bad values with a notice naming each, keeping the good ones', () => {
    const { state, notices } = parseUrlState('?from=2022-13-45&to=2022-09-30&speed=999&mode=fast&window=-3&lang=fr&t=yesterday');
    expect(state.from).toBeNull();
    expect(state.to).toBe('2022-09-30');
    expect(state.speed).toBe(1);
    expect(state.mode).toBe('cumulative');
    expect(state.windowDays).toBe(14);
    expect(state.lang).toBe('en');
    expect(notices.map((n) => n.param).sort()).toEqual(['from', 'lang', 'mode', 'speed', 't', 'window']);
  });

  it('quotes at most 40 characters of an ignored value, with an ellipsis', () => {
    const huge = `x${'A'.repeat(1_000_000)}`;
    const { notices } = parseUrlState(`?mode=${huge}&speed=${encodeURIComponent(`a${'🚀'.repeat(30)}`)}&q=${'q'.repeat(301)}`);
    expect(notices.map((n) => [n.param, n.value])).toEqual([
      ['speed', `a${'🚀'.repeat(19)}…`], // 39 UTF-16 units: the 40th is half of the 20th rocket
      ['mode', `x${'A'.repeat(39)}…`],
      ['q', `${'q'.repeat(40)}…`],
    ]);
    expect(parseUrlState('?mode=fast').notices[0]!.value).toBe('fast');
    expect(parseUrlState(`?mode=${'f'.repeat(40)}`).notices[0]!.value).toBe('f'.repeat(40));
  });

  it('rejects a range that ends before it starts', () => {
    const { state, notices } = parseUrlState('?from=2022-09-30&to=2022-08-01');
    expect(state.from).toBe('2022-09-30');
    expect(state.to).toBeNull();
    expect(notices[0]?.param).toBe('to');
  });

  it('accepts the slowest and fastest speeds and nothing beyond', () => {
    expect(parseUrlState('?speed=0.25').state.speed).toBe(0.25);
    expect(parseUrlState('?speed=16').state.speed).toBe(16);
    expect(parseUrlState('?speed=0.1').notices).toHaveLength(1);
    expect(parseUrlState('?speed=NaN').notices).toHaveLength(1);
  });
});

describe('filters in the URL', () => {
  it('reads repeated parameters as several values of one filter', () => {
    const { state, notices } = parseUrlState('?weapon=drone&weapon=rockets&status=confirmed&target=al-omar&outlet=CENTCOM%3B%20SOHR&q=%D8%A7%D9%84%D9%85%D9%8A%D8%A7%D8%AF%D9%8A%D9%86');
    expect(notices).toEqual([]);
    expect(state.filters).toEqual({ weapon: ['drone', 'rockets'], status: ['confirmed'], target: ['al-omar'], outlet: ['CENTCOM; SOHR'] });
    expect(state.q).toBe('الميادين');
  });

  it('drops unknown values of closed lists with a notice', () => {
    const { state, notices } = parseUrlState('?weapon=laser&weapon=drone&kind=war');
    expect(state.filters).toEqual({ weapon: ['drone'] });
    expect(notices.map((n) => `${n.param}=${n.value}`)).toEqual(['kind=war', 'weapon=laser']);
  });

  it('round-trips filters and search', () => {
    const state = { ...DEFAULT_URL_STATE, filters: { weapon: ['drone'], actor: ['Islamic Resistance in Iraq'] }, q: 'Rmelan' };
    expect(parseUrlState(serializeUrlState(state)).state).toEqual(state);
  });
});

describe('serializeUrlState', () => {
  it('writes only what differs from the defaults and keeps foreign parameters', () => {
    const search = serializeUrlState({ ...DEFAULT_URL_STATE, from: '2021-06-01', to: '2021-07-31', speed: 2 }, '?style=https%3A%2F%2Fx.org%2Fs.json&speed=1');
    const params = new URLSearchParams(search);
    expect(params.get('from')).toBe('2021-06-01');
    expect(params.get('speed')).toBe('2');
    expect(params.get('style')).toBe('https://x.org/s.json');
    expect(params.has('mode')).toBe(false);
  });

  it('round-trips through parse', () => {
    const state = { ...DEFAULT_URL_STATE, from: '2023-12-01', to: '2024-01-31', t: '2024-01-02', mode: 'window' as const, windowDays: 3, place: 'al-omar' };
    expect(parseUrlState(serializeUrlState(state)).state).toEqual(state);
  });

  it('is empty for the default state', () => {
    expect(serializeUrlState(DEFAULT_URL_STATE)).toBe('');
  });
});

describe('withStyle', () => {
  it('writes only the style the reader agreed to, and drops any other', () => {
    expect(withStyle('?from=2022-01-01&style=https%3A%2F%2Fevil.example%2Fs.json', null)).toBe('?from=2022-01-01');
    expect(withStyle('?from=2022-01-01', 'https://tiles.example.org/style.json')).toBe('?from=2022-01-01&style=https%3A%2F%2Ftiles.example.org%2Fstyle.json');
    expect(withStyle('?style=x', null)).toBe('');
  });
});
