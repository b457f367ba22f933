/** Playback shortcuts: space play/pause, ←/→ previous/next incident, Home/End. */
import { seekEnd, seekStart, stepNext, stepPrevious, togglePlay } from './playback.svelte';

const ACTIONS: Record<string, () => void> = {
  ' ': togglePlay,
  ArrowLeft: stepPrevious,
  ArrowRight: stepNext,
  Home: seekStart,
  End: seekEnd,
};

/** Where typing or a control's own keys must win over the shortcuts. */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  // Space presses a focused button; let it.
  return key === ' ' && (tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A');
}

export function handlePlaybackKey(event: KeyboardEvent): void {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
  const action = ACTIONS[event.key];
  if (!action || ownsKeys(event.target, event.key)) return;
  event.preventDefault();
  action();
}
