/**
 * A style's attribution as plain text. Styles carry it as HTML (links, bold, entities);
 * a foreign style's could carry anything, so it is never inserted as HTML: DOMParser reads
 * it inert (no script runs, nothing is fetched) and only its text is kept.
 */
import type { StyleSpecification } from 'maplibre-gl';

/** The attribution strings of a style's sources, as plain text, once each. */
export function styleAttribution(style: StyleSpecification): string[] {
  const seen = new Set<string>();
  for (const source of Object.values(style.sources ?? {})) {
    const html = (source as { attribution?: unknown }).attribution;
    if (typeof html !== 'string' || html.trim() === '') continue;
    const text = (new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) seen.add(text);
  }
  return [...seen];
}
