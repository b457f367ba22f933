import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { BASEMAP_BOUNDS, BASEMAP_COLORS, BASEMAP_FILES } from './basemap-data';
import { INCIDENT_PLACES_LAYERS, INCIDENT_PLACES_SOURCE, basemapStyle } from './basemap-style';

const BASE = 'http://127.0.0.1:4173/some/app/';
const publicDir = fileURLToPath(new URL('../../../public/', import.meta.url));
/** All the committed basemap files together stay well under a megabyte. */
const SIZE_BUDGET = 700 * 1024;
const ARABIC = /[\u0600-\u06FF]/;

type Position = [number, number];
interface Feature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}
interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

function load(file: string): FeatureCollection {
  return JSON.parse(readFileSync(publicDir + file, 'utf8')) as FeatureCollection;
}

function positions(geometry: Feature['geometry']): Position[] {
  const out: Position[] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') out.push(c as Position);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  walk(geometry.coordinates);
  return out;
}

function outerRings(geometry: Feature['geometry']): Position[][] {
  if (geometry.type === 'Polygon') return [(geometry.coordinates as Position[][])[0]!];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Position[][][]).map((p) => p[0]!);
  return [];
}

function inRing([x, y]: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToLines(p: Position, geometry: Feature['geometry']): number {
  const lines = (geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates) as Position[][];
  let best = Infinity;
  for (const line of lines)
    for (let i = 1; i < line.length; i++) {
      const [a, b] = [line[i - 1]!, line[i]!];
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
      best = Math.min(best, Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]));
    }
  return best;
}

function hexToRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

function layer(style: StyleSpecification, id: string): LayerSpecification {
  const l = style.layers.find((x) => x.id === id);
  if (!l) throw new Error(`no layer ${id}`);
  return l;
}

/** Evaluates a symbol layer's text-field for a feature and returns its sections' text. */
function labelSections(style: StyleSpecification, id: string, properties: Record<string, unknown>): string[] {
  const l = layer(style, id);
  if (l.type !== 'symbol') throw new Error(`${id} is not a symbol layer`);
  const spec = (latest as unknown as Record<string, Record<string, unknown>>)['layout_symbol']!['text-field'];
  const parsed = expression.createPropertyExpression(l.layout?.['text-field'], 'text-field', spec as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const value = parsed.value.evaluate({ zoom: 9 }, { type: 'Point', properties } as never) as
    | { sections: { text: string }[] }
    | string;
  return typeof value === 'string' ? [value] : value.sections.map((s) => s.text);
}

describe('basemapStyle', () => {
  const en = basemapStyle({ baseUrl: BASE, lang: 'en' });
  const ar = basemapStyle({ baseUrl: BASE, lang: 'ar' });

  it('is a valid MapLibre style in both languages', () => {
    expect(validateStyleMin(en)).toEqual([]);
    expect(validateStyleMin(ar)).toEqual([]);
  });

  it('asks nothing of any other origin: sources and fonts under baseUrl, no glyphs, no sprite', () => {
    for (const style of [en, ar]) {
      expect(style.glyphs).toBeUndefined();
      expect(style.sprite).toBeUndefined();
      for (const [id, source] of Object.entries(style.sources)) {
        if (id === INCIDENT_PLACES_SOURCE) continue;
        expect(source.type).toBe('geojson');
        const data = (source as { data: unknown }).data;
        expect(typeof data, id).toBe('string');
        expect(String(data).startsWith(BASE), `${id}: ${String(data)}`).toBe(true);
        expect(new URL(String(data)).origin).toBe(new URL(BASE).origin);
      }
      const faces = Object.values(style['font-faces'] ?? {}).flat();
      expect(faces.length).toBeGreaterThanOrEqual(4);
      for (const face of faces) {
        const url = typeof face === 'string' ? face : face.url;
        expect(new URL(url).origin, url).toBe(new URL(BASE).origin);
        expect(url).toMatch(/\.woff2$/);
      }
      expect(JSON.stringify(style)).not.toMatch(/https?:\/\/(?!127\.0\.0\.1:4173\/)/);
    }
  });

  it('declares Arabic and Latin font files for every font its labels use', () => {
    const faces = en['font-faces'] ?? {};
    const used = new Set<string>();
    const collect = (v: unknown): void => {
      if (typeof v === 'string' && v.startsWith('Noto Sans')) used.add(v);
      else if (Array.isArray(v)) v.forEach(collect);
    };
    for (const l of en.layers) if (l.type === 'symbol') collect(l.layout?.['text-font']);
    expect(used.size).toBeGreaterThan(0);
    for (const font of used) {
      const list = faces[font];
      expect(Array.isArray(list), font).toBe(true);
      const urls = (list as { url: string }[]).map((f) => f.url).join(' ');
      expect(urls).toMatch(/noto-sans-arabic-arabic/);
      expect(urls).toMatch(/noto-sans-latin/);
    }
  });

  it('points every basemap source at a committed file', () => {
    for (const file of Object.values(BASEMAP_FILES)) {
      const url = new URL(file, BASE).href;
      expect(Object.values(en.sources).some((s) => (s as { data?: unknown }).data === url), file).toBe(true);
    }
  });

  it('has an empty incident-places source and its layers on top of everything', () => {
    const src = en.sources[INCIDENT_PLACES_SOURCE];
    expect(src).toEqual({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    const ids = en.layers.map((l) => l.id);
    expect(ids.slice(-INCIDENT_PLACES_LAYERS.length)).toEqual([...INCIDENT_PLACES_LAYERS]);
    expect(layer(en, 'incident-places-dot').type).toBe('circle');
    expect(layer(en, 'incident-places-label').type).toBe('symbol');
    const styleText = JSON.stringify(layer(en, 'incident-places-dot'));
    for (const kind of ['base', 'launch-area', 'strike-area', 'field', 'city', 'town', 'region']) expect(styleText).toContain(`"${kind}"`);
  });

  it('keeps every label clear of the places\' dots: an invisible mark over each, placed first, that labels may not cover', () => {
    const ids = en.layers.map((l) => l.id);
    // MapLibre places the symbols of the top layer first.
    expect(ids.indexOf('incident-places-collision')).toBeGreaterThan(ids.indexOf('incident-places-label'));
    const collision = layer(en, 'incident-places-collision') as { layout: Record<string, unknown>; paint: Record<string, unknown> };
    expect(collision.layout['text-allow-overlap']).toBe(true);
    expect(collision.layout['text-ignore-placement']).not.toBe(true);
    expect(collision.paint['text-opacity']).toBe(0);
  });

  it('ranks place labels by what the selection does there, and fades places it does not involve', () => {
    const label = layer(en, 'incident-places-label') as { layout: Record<string, unknown>; paint: Record<string, unknown> };
    expect(JSON.stringify(label.layout['symbol-sort-key'])).toContain('"rank"');
    expect(JSON.stringify(label.paint['text-color'])).toContain('"active"');
  });

  it('uses the exported colours, light and desaturated, far from the arcs’ saturated colours', () => {
    expect(layer(en, 'basemap-sea').paint).toMatchObject({ 'background-color': BASEMAP_COLORS.sea });
    expect(layer(en, 'basemap-land').paint).toMatchObject({ 'fill-color': BASEMAP_COLORS.land });
    const arcs = ['#ff0000', '#e02020', '#0050ff', '#1f5fff', '#8000ff', '#a020f0', '#ffb000', '#ff9900'].map(hexToRgb);
    for (const [name, hex] of Object.entries(BASEMAP_COLORS)) {
      const [r, g, b] = hexToRgb(hex);
      expect(Math.max(r, g, b) - Math.min(r, g, b), `${name} ${hex} is too saturated`).toBeLessThanOrEqual(70);
      for (const arc of arcs) expect(Math.hypot(r - arc[0], g - arc[1], b - arc[2]), `${name} vs arc`).toBeGreaterThan(120);
    }
    for (const name of ['sea', 'land', 'focusLand'] as const) {
      const [r, g, b] = hexToRgb(BASEMAP_COLORS[name]);
      expect((r + g + b) / 3, `${name} is light`).toBeGreaterThan(200);
    }
    // Sea and land can be told apart by colour.
    const [s, l] = [hexToRgb(BASEMAP_COLORS.sea), hexToRgb(BASEMAP_COLORS.land)];
    expect(Math.hypot(s[0] - l[0], s[1] - l[1], s[2] - l[2])).toBeGreaterThan(15);
  });

  it('labels with the chosen language first and the other second', () => {
    const props = { name_en: 'Deir ez-Zor', name_ar: 'دير الزور', rank: 2, kind: 'city' };
    for (const id of ['basemap-city-labels', 'incident-places-label', 'basemap-governorate-labels', 'basemap-river-labels']) {
      expect(labelSections(en, id, props).join('').split('\n'), id).toEqual([
        id === 'basemap-governorate-labels' ? 'DEIR EZ-ZOR' : 'Deir ez-Zor',
        'دير الزور',
      ]);
      expect(labelSections(ar, id, props).join('').split('\n'), id).toEqual([
        'دير الزور',
        id === 'basemap-governorate-labels' ? 'DEIR EZ-ZOR' : 'Deir ez-Zor',
      ]);
    }
    // One name missing: a single line, no stray line break.
    expect(labelSections(ar, 'incident-places-label', { name_en: 'al-Tanf', kind: 'base' }).join('')).toBe('al-Tanf');
    expect(labelSections(en, 'incident-places-label', { name_ar: 'التنف', name_en: '', kind: 'base' }).join('')).toBe('التنف');
  });

  it('can leave out orientation cities the app already shows', () => {
    const style = basemapStyle({ baseUrl: BASE, lang: 'en', hideCities: ['DEIR EZ-ZOR', 'تدمر'] });
    const l = layer(style, 'basemap-city-labels');
    const spec = { type: 'boolean', 'property-type': 'data-driven', expression: { interpolated: false, parameters: ['zoom', 'feature'] } };
    const parsed = expression.createExpression((l as { filter?: unknown }).filter, 'filter', spec as never);
    if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
    const shown = (p: Record<string, unknown>) => parsed.value.evaluate({ zoom: 8 }, { type: 'Point', properties: p } as never);
    expect(shown({ name_en: 'Deir ez-Zor', name_ar: 'دير الزور', rank: 2 })).toBe(false);
    expect(shown({ name_en: 'Palmyra', name_ar: 'تدمر', rank: 2 })).toBe(false);
    expect(shown({ name_en: 'Raqqa', name_ar: 'الرقة', rank: 2 })).toBe(true);
  });
});

describe('committed basemap files (public/basemap)', () => {
  const files = Object.values(BASEMAP_FILES);
  const [west, south, east, north] = BASEMAP_BOUNDS;

  it('exist, parse as GeoJSON feature collections and stay within the size budget', () => {
    let total = 0;
    for (const file of files) {
      expect(existsSync(publicDir + file), file).toBe(true);
      total += statSync(publicDir + file).size;
      const fc = load(file);
      expect(fc.type).toBe('FeatureCollection');
      expect(fc.features.length, file).toBeGreaterThan(0);
      for (const f of fc.features) {
        expect(f.type).toBe('Feature');
        expect(['Point', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      }
    }
    expect(total).toBeLessThan(SIZE_BUDGET);
  });

  it('keeps every coordinate inside the region cut, rounded to 4 decimals', () => {
    const bad: string[] = [];
    let count = 0;
    for (const file of files.filter((f) => f !== BASEMAP_FILES.world)) {
      for (const f of load(file).features) {
        for (const [x, y] of positions(f.geometry)) {
          count++;
          const inside = Number.isFinite(x) && Number.isFinite(y) && x >= west && x <= east && y >= south && y <= north;
          const rounded = [x, y].every((v) => Math.abs(v * 1e4 - Math.round(v * 1e4)) < 1e-6);
          if (!inside || !rounded) bad.push(`${file}: ${x},${y}`);
        }
      }
    }
    expect(count).toBeGreaterThan(1000);
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('draws the coarse context land only outside the cut', () => {
    const world = load(BASEMAP_FILES.world).features;
    expect(world.length).toBeGreaterThan(0);
    const inside = world.flatMap((f) => positions(f.geometry)).filter(([x, y]) => x > west && x < east && y > south && y < north);
    expect(inside).toEqual([]);
  });

  it('has the Euphrates, Khabur and Tigris with Arabic names, where they should be', () => {
    const rivers = load(BASEMAP_FILES.rivers).features.filter((f) => f.properties['label'] === false);
    const byId = (id: string) => rivers.find((f) => f.properties['id'] === id);
    const expected = { euphrates: 'الفرات', khabur: 'الخابور', tigris: 'دجلة' } as const;
    for (const [id, name] of Object.entries(expected)) {
      const river = byId(id);
      expect(river, id).toBeDefined();
      expect(river!.properties['name_ar']).toBe(name);
      expect(String(river!.properties['name_en']).length).toBeGreaterThan(0);
    }
    // The Euphrates runs through Deir ez-Zor and Abu Kamal; the Tigris through Mosul and Baghdad;
    // the Khabur through al-Hasakah and into the Euphrates.
    expect(distanceToLines([40.14, 35.336], byId('euphrates')!.geometry)).toBeLessThan(0.08);
    expect(distanceToLines([40.918, 34.452], byId('euphrates')!.geometry)).toBeLessThan(0.08);
    expect(distanceToLines([43.13, 36.34], byId('tigris')!.geometry)).toBeLessThan(0.08);
    expect(distanceToLines([44.366, 33.315], byId('tigris')!.geometry)).toBeLessThan(0.08);
    expect(distanceToLines([40.748, 36.502], byId('khabur')!.geometry)).toBeLessThan(0.05);
    const khabur = positions(byId('khabur')!.geometry);
    expect(distanceToLines(khabur[khabur.length - 1]!, byId('euphrates')!.geometry)).toBeLessThan(0.001);
  });

  it('has the Syrian and Iraqi governorates with English and Arabic names', () => {
    const govs = load(BASEMAP_FILES.governorates).features;
    const syria = govs.filter((f) => f.properties['country'] === 'SY' && f.properties['iso'] !== 'SY-UNDOF');
    const iraq = govs.filter((f) => f.properties['country'] === 'IQ');
    expect(syria.length).toBe(14);
    expect(iraq.length).toBe(18);
    for (const f of [...syria, ...iraq]) {
      expect(String(f.properties['name_en']).length).toBeGreaterThan(2);
      expect(String(f.properties['name_ar'])).toMatch(ARABIC);
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
    const names = syria.map((f) => f.properties['name_ar']);
    for (const name of ['دير الزور', 'الحسكة', 'الرقة', 'حمص', 'دمشق', 'ريف دمشق']) expect(names).toContain(name);
    // Deir ez-Zor city lies in Deir ez-Zor governorate, al-Tanf in Homs, Qamishli in al-Hasakah.
    const gov = (ar: string) => syria.find((f) => f.properties['name_ar'] === ar)!;
    const contains = (f: Feature, p: Position) => outerRings(f.geometry).some((r) => inRing(p, r));
    expect(contains(gov('دير الزور'), [40.141, 35.336])).toBe(true);
    expect(contains(gov('حمص'), [38.62, 33.5])).toBe(true);
    expect(contains(gov('الحسكة'), [41.226, 37.052])).toBe(true);
    expect(contains(gov('دير الزور'), [41.226, 37.052])).toBe(false);
    // Syrian governorates stay in Syria.
    for (const f of syria) for (const [x, y] of positions(f.geometry)) expect(x > 35.5 && x < 42.5 && y > 32.2 && y < 37.5).toBe(true);
    expect(load(BASEMAP_FILES.governorateLines).features.length).toBeGreaterThan(10);
  });

  it('has country labels and borders, and orientation cities in both languages', () => {
    const countries = load(BASEMAP_FILES.countries).features;
    const syria = countries.find((f) => f.properties['iso'] === 'SYR');
    expect(syria?.properties).toMatchObject({ name_en: 'Syria', name_ar: 'سوريا' });
    expect(countries.find((f) => f.properties['iso'] === 'IRQ')?.properties).toMatchObject({ name_ar: 'العراق' });
    const borders = load(BASEMAP_FILES.borders).features.map((f) => f.properties['kind']);
    expect(borders).toEqual(expect.arrayContaining(['country', 'coast']));
    const labels = load(BASEMAP_FILES.labels).features;
    expect(labels.filter((f) => f.properties['class'] === 'country').length).toBeGreaterThanOrEqual(5);
    const places = load(BASEMAP_FILES.places).features;
    const wanted = ['Damascus', 'Aleppo', 'Homs', 'Raqqa', 'Deir ez-Zor', 'Al-Hasakah', 'Qamishli', 'Palmyra', 'Baghdad', 'Mosul', 'Amman', 'Beirut'];
    for (const name of wanted) {
      const city = places.find((f) => f.properties['name_en'] === name);
      expect(city, name).toBeDefined();
      expect(String(city!.properties['name_ar'])).toMatch(ARABIC);
    }
    for (const f of [...labels, ...places]) {
      expect(String(f.properties['name_ar']), String(f.properties['name_en'])).toMatch(ARABIC);
      expect(String(f.properties['name_en']).length).toBeGreaterThan(1);
    }
  });
});
