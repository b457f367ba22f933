/**
 * Embed mode (issue 21): the map, the timeline and play, filling a frame of another page,
 * with a link to the full map. Asked for with `embed=1`; the default of a published map shown
 * in a frame, unless `embed=0`. Pure.
 */
export function isEmbedded(search: string, published: boolean, framed: boolean): boolean {
  const embed = new URLSearchParams(search).get('embed');
  if (embed === '1') return true;
  if (embed === '0') return false;
  return published && framed;
}

/** The full map's address for an embed's link: the same view, without `embed`. */
export function fullMapAddress(href: string): string {
  const url = new URL(href);
  url.searchParams.set('embed', '0');
  return url.href;
}

export interface EmbedOptions {
  /** Where the published folder will be online (http or https). */
  address: string;
  /** CSS width: pixels, or a percentage to fill the column of the article. */
  width: string;
  height: number;
  /** What a screen reader announces for the frame. */
  title: string;
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The embed's address: the folder's, with `embed=1`; null when it is not an http(s) address. */
export function embedAddress(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!url.pathname.endsWith('/') && !/\.html?$/i.test(url.pathname)) url.pathname += '/';
  url.searchParams.set('embed', '1');
  url.hash = '';
  return url.href;
}

/** An <iframe> a newsroom pastes into an article (null while the address is not one). */
export function embedSnippet(options: EmbedOptions): string | null {
  const src = embedAddress(options.address);
  if (!src) return null;
  const width = /^\d{1,4}(%|px)?$/.test(options.width.trim()) ? options.width.trim().replace(/px$/, '') : '100%';
  const height = Math.min(Math.max(Math.round(options.height) || 500, 240), 4000);
  return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(options.title)}" width="${width}" height="${height}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}
