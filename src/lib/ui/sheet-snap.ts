/**
 * The bottom sheet of the phone and tablet layouts: closed to a bar at the map's foot, at a
 * peek (the list or an incident's first lines, the map still mostly in view), or at full
 * height. A drag ends at the nearest of the three, or the next one along when flicked.
 */
export type SheetState = 'closed' | 'peek' | 'full';

export const SHEET_STATES: readonly SheetState[] = ['closed', 'peek', 'full'];

/** The bar the closed sheet keeps, in CSS pixels: a thumb's height. */
export const SHEET_BAR = 48;

/** The sheet's height in each state, for a stage (the map's area) `stage` pixels high. */
export function sheetHeights(stage: number): Record<SheetState, number> {
  const full = Math.max(SHEET_BAR, stage - 8);
  const peek = Math.min(full, Math.max(SHEET_BAR + 120, Math.round(stage * 0.42)));
  return { closed: Math.min(SHEET_BAR, full), peek, full };
}

/**
 * Where a drag ends: released at `height` pixels, moving at `velocity` pixels per millisecond
 * (positive upwards), from `from`. A flick (faster than 0.5 px/ms) goes one state on in its
 * direction; a slow release goes to the nearest state.
 */
export function snapSheet(height: number, velocity: number, stage: number, from: SheetState): SheetState {
  const heights = sheetHeights(stage);
  if (Math.abs(velocity) > 0.5) {
    const i = SHEET_STATES.indexOf(from);
    const next = SHEET_STATES[Math.min(SHEET_STATES.length - 1, Math.max(0, i + (velocity > 0 ? 1 : -1)))]!;
    // A flick that went past the next state keeps to the nearest in its direction.
    const onward = SHEET_STATES.filter((s) => (velocity > 0 ? heights[s] >= height : heights[s] <= height));
    if (onward.length === 0) return next;
    return onward.reduce((best, s) => (Math.abs(heights[s] - height) < Math.abs(heights[best] - height) ? s : best), next);
  }
  return SHEET_STATES.reduce((best, s) => (Math.abs(heights[s] - height) < Math.abs(heights[best] - height) ? s : best), 'closed' as SheetState);
}

/** A tap on the sheet's bar: closed opens to the peek, the peek grows to full, full goes back to the peek. */
export function tapSheet(state: SheetState): SheetState {
  return state === 'peek' ? 'full' : 'peek';
}
