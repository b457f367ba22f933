// basemap/geometry.mjs: the cut, the simplification tolerances and the geometry helpers of
// scripts/build-basemap.mjs (planar, in degrees: fine for simplification at this scale), and the
// FeatureCollection every layer is written as.

/** The cut: [west, south, east, north]. Wide enough for the region view at zoom 5.5 on a wide
 * screen; beyond it only the coarse context land (world.json) is drawn. */
export const CUT = [22, 24, 58, 44];
/** Where detail matters (Syria, Iraq and their borders): finer simplification inside. */
const DETAIL = [33, 29, 49, 39.5];
const EPS_DETAIL = 0.0015; // degrees, about 150 m
const EPS_OUTSIDE = 0.02; // degrees, about 2 km
const DECIMALS = 4;

const ATTRIBUTION = 'Natural Earth (public domain)';

export const inBox = ([x, y], [w, s, e, n]) => x >= w && x <= e && y >= s && y <= n;
export const epsAt = (p) => (inBox(p, DETAIL) ? EPS_DETAIL : EPS_OUTSIDE);
const round = (v) => Math.round(v * 10 ** DECIMALS) / 10 ** DECIMALS;
export const roundPoint = (p) => [round(p[0]), round(p[1])];

export function segDist(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Douglas-Peucker keeping both ends; the tolerance may depend on where the point lies. */
export function simplify(points, eps) {
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

export function dedupe(points) {
  const out = [];
  for (const p of points) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  return out;
}

export function signedArea(ring) {
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
export function finishPolygons(polygons, { box = CUT, eps = epsAt, minArea = 0 } = {}) {
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

export function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

export function linesOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'LineString') return [geometry.coordinates];
  if (geometry.type === 'MultiLineString') return geometry.coordinates;
  return [];
}

export const polygonGeometry = (polys) =>
  polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
export const lineGeometry = (lines) =>
  lines.length === 1 ? { type: 'LineString', coordinates: lines[0] } : { type: 'MultiLineString', coordinates: lines };

export function finishLines(lines, { box = CUT, eps = epsAt } = {}) {
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
export function absoluteTopology(topology, eps) {
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

export function pointInRing([x, y], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function featureCollection(features, extra = {}) {
  return {
    type: 'FeatureCollection',
    bbox: CUT,
    attribution: ATTRIBUTION,
    ...extra,
    features,
  };
}
