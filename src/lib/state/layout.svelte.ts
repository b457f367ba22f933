/**
 * Which layout the screen gets: the desktop one (side panel, details beside the map), or,
 * up to 1024 CSS pixels wide, the compact one (the map full width, panels in a bottom
 * sheet, the header in a menu); up to 640, the phone's (a shorter timeline, fewer words).
 * Read from media queries, so it follows a rotated tablet or a resized window.
 */
import type { SheetState } from '../ui/sheet-snap';

export const COMPACT_QUERY = '(max-width: 1024px)';
export const PHONE_QUERY = '(max-width: 640px)';
/** A finger rather than a mouse: taps get a wider pick radius. */
export const COARSE_QUERY = '(pointer: coarse)';

class LayoutState {
  compact = $state(false);
  phone = $state(false);
  coarse = $state(false);
  /** The bottom sheet (compact layouts only). */
  sheet = $state<SheetState>('closed');
  /** The sheet's height on screen now, in CSS pixels (0 without a sheet): framing keeps clear of it. */
  sheetHeight = $state(0);
  /** The page is being printed (between beforeprint and afterprint): the legend prints open. */
  printing = $state(false);
}

export const layout = new LayoutState();

export function setSheet(state: SheetState): void {
  layout.sheet = state;
}

/** Follows the media queries; call once before the interface is mounted. */
export function watchLayout(): () => void {
  if (typeof matchMedia !== 'function') return () => {};
  const queries: [MediaQueryList, (on: boolean) => void][] = [
    [matchMedia(COMPACT_QUERY), (on) => (layout.compact = on)],
    [matchMedia(PHONE_QUERY), (on) => (layout.phone = on)],
    [matchMedia(COARSE_QUERY), (on) => (layout.coarse = on)],
  ];
  const stops = queries.map(([query, set]) => {
    set(query.matches);
    const onChange = (e: MediaQueryListEvent) => set(e.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  });
  return () => stops.forEach((stop) => stop());
}

/** The pick radius around a pointer or a tap, in CSS pixels: a fingertip needs at least 12. */
export function pickRadius(): number {
  return layout.coarse || layout.compact ? 12 : 5;
}
