/**
 * A published map (issue 21): a copy of the app's build with a configuration and the data,
 * served read-only from any static host. The copy's index.html names its configuration in a
 * <meta> tag (SITE_META_NAME), which is how the app knows it runs as a published map; the
 * configuration says which view it opens with and which datasets it holds.
 * Pure: parsing, checking and the decisions made from it.
 */
import { z } from 'zod';
import '../data/schema'; // zod's configuration: no eval (the page's Content-Security-Policy forbids it)
import { DATABASE_NAME } from '../data/db';
import { parseUrlState, serializeUrlState } from '../state/url-state';
import { SITE_CONFIG_PATH, SITE_DATA_PATH, SITE_META_NAME } from './site-files';

export const SITE_FORMAT = 'eastern-syria-strikes-map-site';
export const SITE_VERSION = 1;
export { SITE_CONFIG_PATH, SITE_DATA_PATH, SITE_META_NAME };

const idText = z.string().min(1).max(200);

const siteConfigSchema = z.object({
  format: z.literal(SITE_FORMAT),
  version: z.number().int().min(1).max(SITE_VERSION),
  /** Names this publication: its caches, and the version of its data a reader's browser holds. */
  publication: z.string().regex(/^[\w-]{1,64}$/),
  title: z.string().max(300),
  createdAt: z.string().max(40),
  /** The view it opens with: the app's query (range, filters, language, speed, mode) and the map's place (#map=…). */
  view: z.object({
    search: z.string().max(4000),
    hash: z.string().max(200),
    /** What the publisher's map showed (west, south, east, north): fitted to each reader's frame, whatever its size. */
    bounds: z.tuple([z.number().min(-360).max(360), z.number().min(-90).max(90), z.number().min(-360).max(360), z.number().min(-90).max(90)]).nullable(),
  }),
  /** What the data file holds: each dataset's id and the hash its record carries. */
  datasets: z.array(z.object({ id: idText, hash: idText, name: z.string().max(300) })).max(1000),
  data: z.object({ path: z.literal(SITE_DATA_PATH), bytes: z.number().int().min(0) }),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;
export type SiteDataset = SiteConfig['datasets'][number];

/** A configuration file checked; the error names the file and the field. */
export function parseSiteConfig(text: string, fileName = SITE_CONFIG_PATH): SiteConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${fileName}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const result = siteConfigSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${fileName}: ${issue.path.map(String).join('.') || 'file'}: ${issue.message}`);
  }
  const view = result.data.view;
  return { ...result.data, view: { search: shareableSearch(view.search), hash: mapHash(view.hash), bounds: view.bounds } };
}

/**
 * The parts of a query a published view keeps: what the app reads (parseUrlState drops what
 * it would refuse), never a map style (a published map asks no other server for anything)
 * nor parameters of the publisher's own page.
 */
export function shareableSearch(search: string): string {
  return serializeUrlState(parseUrlState(search).state, '');
}

/** Only `#map=zoom/lat/lon` (MapLibre's hash) is kept of a hash. */
export function mapHash(hash: string): string {
  const match = /(?:^#|&)map=([\d.\-/]{1,80})/.exec(hash);
  return match ? `#map=${match[1]}` : '';
}

/**
 * The address a published map opens at: the reader's own when it names a view (a link to a
 * moment shared by another reader), else the published view, keeping the reader's other
 * parameters (`embed`). The map's place: the reader's link's (#map=), else the publisher's
 * bounds fitted to the reader's frame (`bounds`), else the publisher's #map=.
 */
export function openingAddress(site: SiteConfig, search: string, hash: string): { search: string; hash: string; bounds: SiteConfig['view']['bounds'] } {
  let opened = search;
  if (shareableSearch(search) === '') {
    const params = new URLSearchParams(site.view.search);
    for (const [key, value] of new URLSearchParams(search)) params.append(key, value);
    const text = params.toString();
    opened = text ? `?${text}` : '';
  }
  if (mapHash(hash)) return { search: opened, hash, bounds: null };
  return site.view.bounds ? { search: opened, hash: '', bounds: site.view.bounds } : { search: opened, hash: site.view.hash, bounds: null };
}

/**
 * The database of a published map: one per folder it is served from, so that the app and
 * several maps on one origin never mix their data.
 */
export function siteDatabaseName(pathname: string): string {
  const folder = pathname.slice(0, pathname.lastIndexOf('/') + 1) || '/';
  return `${DATABASE_NAME}@${folder}`;
}

/**
 * What the reader's browser must do to hold the publication's data: load the data file when a
 * dataset is missing or older, and remove datasets the publication no longer has.
 */
export function siteDataPlan(stored: readonly { id: string; hash: string }[], wanted: readonly SiteDataset[]): { load: boolean; remove: string[] } {
  const storedHash = new Map(stored.map((d) => [d.id, d.hash]));
  const wantedIds = new Set(wanted.map((d) => d.id));
  return {
    load: wanted.some((d) => storedHash.get(d.id) !== d.hash),
    remove: stored.filter((d) => !wantedIds.has(d.id)).map((d) => d.id),
  };
}

/** The published copy's index.html: the app's, byte for byte, with the <meta> tag naming the configuration. */
export function siteIndexHtml(html: string): string {
  const tag = `<meta name="${SITE_META_NAME}" content="${SITE_CONFIG_PATH}" />`;
  if (!html.includes('</head>')) throw new Error('index.html has no </head>');
  return html.replace('</head>', `  ${tag}\n  </head>`);
}
