/**
 * What a story caption says, in the interface language: the incident's date (marked when
 * approximate), its status, title, the outlet that reported it, and a short quote: the
 * Arabic original and the English summary, the interface language first. Built by
 * lib/i18n/story-texts.ts; drawn by StoryCaptions.svelte and, burned into a video, by
 * lib/export/story-drawing.ts.
 */
import type { IncidentKind, Status } from '../data/vocabulary';

export interface CaptionLine {
  text: string;
  lang: 'ar' | 'en';
}

export interface CaptionText {
  id: string;
  kind: IncidentKind;
  status: Status;
  /** "4 Jul 2021 ≈ · Disputed". */
  heading: string;
  title: string;
  /** "Al-Araby Al-Jadeed, 13 Jul 2021". */
  source: string;
  /** The quote and the summary, the interface language first. */
  lines: CaptionLine[];
}

/** `text` cut to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.،؛-]+$/u, '')}…`;
}
