import { describe, expect, it } from 'vitest';
import type { StyleSpecification } from 'maplibre-gl';
import { hostOf, requestGuard, sanitizeForeignStyle, styleOrigins } from './foreign-style';

function createStyle(patch: Partial<StyleSpecification> = {}): StyleSpecification {
  return {
    version: 8,
    sources: {
      tiles: { type: 'vector', tiles: ['https://a.tiles.example/{z}/{x}/{y}.pbf'] },
      terrain: { type: 'raster', url: 'https://tilejson.example/terrain.json' },
    },
    glyphs: 'https://fonts.example/{fontstack}/{range}.pbf',
    sprite: 'https://tiles.example.org/sprite',
    layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#000' } }],
    ...patch,
  };
}

describe('styleOrigins', () => {
  it('lists every server the style names, its own first, once each', () => {
    expect(styleOrigins(createStyle(), 'https://tiles.example.org/style.json')).toEqual([
      'https://tiles.example.org',
      'https://a.tiles.example',
      'https://tilejson.example',
      'https://fonts.example',
    ]);
  });

  it('reads relative URLs against the style\'s own address', () => {
    const style = createStyle({ sources: { s: { type: 'vector', url: './tiles.json' } }, glyphs: undefined, sprite: undefined });
    expect(styleOrigins(style, 'https://tiles.example.org/style.json')).toEqual(['https://tiles.example.org']);
  });
});

describe('sanitizeForeignStyle', () => {
  it('renames sources and layers that would take over the app\'s own, and their references', () => {
    const style = createStyle({
      sources: { 'incident-places': { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
      layers: [
        { id: 'incident-places-dot', type: 'circle', source: 'incident-places' },
        { id: 'place-uncertainty-fill', type: 'background' },
        { id: 'roads', type: 'background' },
      ],
    });
    const safe = sanitizeForeignStyle(style);
    expect(Object.keys(safe.sources)).toEqual(['foreign-incident-places']);
    expect(safe.layers.map((l) => l.id)).toEqual(['foreign-incident-places-dot', 'foreign-place-uncertainty-fill', 'roads']);
    expect((safe.layers[0] as { source: string }).source).toBe('foreign-incident-places');
  });
});

describe('requestGuard', () => {
  const guard = requestGuard(() => new Set(['https://tiles.example.org']), 'https://app.example');

  it('lets through the page\'s own files and the servers agreed to', () => {
    expect(guard('https://app.example/basemap/rivers.json').url).toBe('https://app.example/basemap/rivers.json');
    expect(guard('https://tiles.example.org/1/2/3.pbf').url).toBe('https://tiles.example.org/1/2/3.pbf');
    expect(guard('data:image/png;base64,AAAA').url).toBe('data:image/png;base64,AAAA');
  });

  it('asks nothing of any other server', () => {
    expect(guard('https://tracker.example/pixel.png').url.startsWith('data:')).toBe(true);
    expect(guard('http://tiles.example.org/1/2/3.pbf').url.startsWith('data:')).toBe(true);
  });
});

describe('hostOf', () => {
  it('names a server by its host', () => {
    expect(hostOf('https://tiles.example.org')).toBe('tiles.example.org');
  });
});
