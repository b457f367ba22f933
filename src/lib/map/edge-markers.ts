/**
 * Markers at the edges of the map for incidents outside the view, so that none is lost
 * when the camera frames the action: one per direction, with the number of incidents and
 * the place hit most, pointing the way. Pure: positions in, markers out.
 */
import type { ScreenRect } from './follow-camera';

/** A target outside the view, at its (off-screen) screen position. */
export interface OffscreenTarget {
  placeId: string;
  x: number;
  y: number;
  /** Incidents there that are not in view. */
  count: number;
}

export interface EdgeMarker {
  /** Stable while the same places are grouped (for keyed rendering). */
  key: string;
  /** Where the marker sits, on the rect's border. */
  x: number;
  y: number;
  /** Direction to the incidents, radians, screen axes (0 = right, π/2 = down). */
  angle: number;
  count: number;
  /** The places grouped here, most incidents first. */
  placeIds: string[];
  /** Which border it sits on, for its layout. */
  side: 'top' | 'right' | 'bottom' | 'left';
}

/** Where the ray from the rect's centre to (x, y) leaves the rect, and on which side. */
export function onBorder(rect: ScreenRect, x: number, y: number): { x: number; y: number; side: EdgeMarker['side'] } {
  const cx = (rect.left + rect.right) / 2;
  const cy = (rect.top + rect.bottom) / 2;
  const dx = x - cx;
  const dy = y - cy;
  const halfW = (rect.right - rect.left) / 2;
  const halfH = (rect.bottom - rect.top) / 2;
  const tx = dx === 0 ? Infinity : halfW / Math.abs(dx);
  const ty = dy === 0 ? Infinity : halfH / Math.abs(dy);
  if (tx <= ty) return { x: cx + dx * tx, y: cy + dy * tx, side: dx > 0 ? 'right' : 'left' };
  return { x: cx + dx * ty, y: cy + dy * ty, side: dy > 0 ? 'bottom' : 'top' };
}

/** Distance along the border, clockwise from the top-left corner. */
function perimeterPosition(rect: ScreenRect, p: { x: number; y: number; side: EdgeMarker['side'] }): number {
  const w = rect.right - rect.left;
  const h = rect.bottom - rect.top;
  switch (p.side) {
    case 'top':
      return p.x - rect.left;
    case 'right':
      return w + (p.y - rect.top);
    case 'bottom':
      return w + h + (rect.right - p.x);
    case 'left':
      return 2 * w + h + (rect.bottom - p.y);
  }
}

/**
 * One marker per group of targets whose border positions lie within `mergePx` of each
 * other (the border is a loop: groups across a corner join). Each marker points at its
 * group's incident-weighted centre and sits where that direction leaves `rect`.
 */
export function edgeMarkers(targets: readonly OffscreenTarget[], rect: ScreenRect, mergePx = 120): EdgeMarker[] {
  if (targets.length === 0 || rect.right <= rect.left || rect.bottom <= rect.top) return [];
  const perimeter = 2 * (rect.right - rect.left + rect.bottom - rect.top);
  const placed = targets
    .map((t) => ({ target: t, at: perimeterPosition(rect, onBorder(rect, t.x, t.y)) }))
    .sort((a, b) => a.at - b.at);
  // Start the loop after its widest gap, so that no group is cut in two at the corner.
  let start = 0;
  let widest = -1;
  for (let i = 0; i < placed.length; i++) {
    const next = i + 1 < placed.length ? placed[i + 1]!.at : placed[0]!.at + perimeter;
    if (next - placed[i]!.at > widest) {
      widest = next - placed[i]!.at;
      start = (i + 1) % placed.length;
    }
  }
  const ordered = [...placed.slice(start), ...placed.slice(0, start)];
  const groups: OffscreenTarget[][] = [];
  let previous = -Infinity;
  for (const { target, at } of ordered) {
    const position = at < ordered[0]!.at ? at + perimeter : at;
    if (groups.length === 0 || position - previous > mergePx) groups.push([target]);
    else groups[groups.length - 1]!.push(target);
    previous = position;
  }
  const cx = (rect.left + rect.right) / 2;
  const cy = (rect.top + rect.bottom) / 2;
  return groups.map((group) => {
    const count = group.reduce((n, t) => n + t.count, 0);
    // The mean direction (unit vectors weighted by count), so that a far place does not outweigh near ones.
    let ux = 0;
    let uy = 0;
    for (const t of group) {
      const length = Math.hypot(t.x - cx, t.y - cy) || 1;
      ux += ((t.x - cx) / length) * t.count;
      uy += ((t.y - cy) / length) * t.count;
    }
    const at = onBorder(rect, cx + ux * 1e4, cy + uy * 1e4);
    const sorted = [...group].sort((a, b) => b.count - a.count || a.placeId.localeCompare(b.placeId));
    const placeIds = sorted.map((t) => t.placeId);
    return { key: [...placeIds].sort().join('|'), x: at.x, y: at.y, angle: Math.atan2(uy, ux), count, placeIds, side: at.side };
  });
}
