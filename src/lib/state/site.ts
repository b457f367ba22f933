/**
 * Whether this page is a published map (src/lib/publish/) and how it shows: read-only (no
 * import, no renaming or deleting datasets, no publishing again), and, in a frame or with
 * `embed=1`, as an embed (the map, the timeline and play, with a link to the full map).
 * Set once by main.ts (and site-open.ts) before the interface is built; never changes after.
 */
import { isEmbedded } from '../publish/embed';
import type { SiteConfig } from '../publish/site-config';
import { SITE_META_NAME } from '../publish/site-files';


export const site: { config: SiteConfig | null; readOnly: boolean; embedded: boolean } = { config: null, readOnly: false, embedded: false };

/** The configuration a published copy's index.html names, or null in the app itself. */
export function siteConfigPath(): string | null {
  return document.querySelector<HTMLMetaElement>(`meta[name="${SITE_META_NAME}"]`)?.content || null;
}

/**
 * The configuration's address; it is this site's own file, never another server's, whatever
 * index.html says (then an error).
 */
export function siteConfigUrl(path: string): URL {
  const url = new URL(path, location.href);
  if (url.origin !== location.origin) throw new Error(`${path}: a published map reads its configuration from its own site only`);
  return url;
}

export function framed(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}

/** The app itself: embedded only when asked (`embed=1`). */
export function openApp(): void {
  site.embedded = isEmbedded(location.search, false, framed());
}
