/**
 * Where a published map keeps its files, and the <meta> tag of its index.html that says it is one.
 * No imports: the page's first load reads the tag (lib/state/site.ts) without loading the rest.
 */
/** <meta name="strikes-map-site" content="site/site.json">: in a published copy's index.html only. */
export const SITE_META_NAME = 'strikes-map-site';
export const SITE_CONFIG_PATH = 'site/site.json';
export const SITE_DATA_PATH = 'site/data.zip';
