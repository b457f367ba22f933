/**
 * Following the action during playback: which incidents are "now", whether the camera
 * must move to keep them in view, and how far it may zoom. Pure decisions; the map moves.
 * Gentle by design: nothing moves while the action is in view, never twice within
 * `MIN_INTERVAL_MS`, and a move pans before it zooms.
 */
import { incidentsBetween, type FramedIncident } from './framing';

export const FOLLOW = {
  /** Wall time between two moves of the camera, at least. */
  minIntervalMs: 2500,
  /** Length of one move. */
  durationMs: 1400,
  /** Wall seconds of playback ahead of the playhead that count as "now": the camera arrives before the fire. */
  leadSeconds: 1.6,
  /** Days behind the playhead that still count as "now" (the pulse at impact lasts under a day). */
  trailDays: 0.8,
  /** A point nearer the edge than this share of the view's size counts as leaving it. */
  margin: 0.06,
  /** The camera zooms in only when the action would fit this many levels closer. */
  zoomInThreshold: 1.5,
  maxZoom: 8.5,
} as const;

/** The incidents happening now or about to, at this playhead and speed (days per wall second). */
export function currentIncidents(items: readonly FramedIncident[], playhead: number, daysPerSecond: number): FramedIncident[] {
  return incidentsBetween(items, playhead - FOLLOW.trailDays, playhead + Math.max(0.5, daysPerSecond * FOLLOW.leadSeconds));
}

export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** True when a point lies outside the rect shrunk by the follow margin. */
export function leavesView(points: readonly { x: number; y: number }[], rect: ScreenRect): boolean {
  const mx = (rect.right - rect.left) * FOLLOW.margin;
  const my = (rect.bottom - rect.top) * FOLLOW.margin;
  return points.some((p) => p.x < rect.left + mx || p.x > rect.right - mx || p.y < rect.top + my || p.y > rect.bottom - my);
}

/**
 * The zoom of a follow move: the current one when the action fits by panning alone (or a
 * little closer), further out when it must, closer only when it would fit well closer.
 */
export function followZoom(current: number, fitted: number): number {
  if (fitted < current) return fitted;
  if (fitted - current >= FOLLOW.zoomInThreshold) return Math.min(fitted, FOLLOW.maxZoom, current + 2);
  return current;
}

/** Whether a move is allowed now, given when the last one started. */
export function mayMove(nowMs: number, lastMoveMs: number): boolean {
  return nowMs - lastMoveMs >= FOLLOW.minIntervalMs;
}
