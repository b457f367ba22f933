/**
 * Opening a published map (loaded only by one: main.ts imports it when index.html names a
 * configuration). See site.ts.
 */
import { createImportWorker } from '../import/import-session';
import { isEmbedded } from '../publish/embed';
import { openingAddress, parseSiteConfig, siteDatabaseName, type SiteConfig } from '../publish/site-config';
import { ensureSiteData } from '../publish/site-data';
import { failStart, startApp } from './app-start';
import { rememberOpeningView } from './camera.svelte';
import { framed, site } from './site';

/**
 * A published map: reads its configuration, writes its view into the address (unless the
 * reader's link names one), then starts on its own database, loading the data on a first visit.
 * Resolves once the address is written (the interface may be built); `started` once the data are read.
 */
export async function openPublishedSite(path: string, configResponse: Promise<Response>): Promise<{ started: Promise<void> }> {
  let config: SiteConfig;
  try {
    const response = await configResponse;
    if (!response.ok) throw new Error(`${path}: ${response.status} ${response.statusText}`);
    config = parseSiteConfig(await response.text(), path);
  } catch (error) {
    site.readOnly = true;
    failStart(error);
    return { started: Promise.resolve() };
  }
  site.config = config;
  site.readOnly = true;
  const opening = openingAddress(config, location.search, location.hash);
  history.replaceState(history.state, '', `${location.pathname}${opening.search}${opening.hash}`);
  rememberOpeningView(opening.hash, opening.bounds);
  site.embedded = isEmbedded(opening.search, true, framed());
  const started = startApp({
    dbName: siteDatabaseName(location.pathname),
    seed: (db) =>
      ensureSiteData(db, config, {
        fetchData: async (dataPath) => {
          const response = await fetch(dataPath);
          if (!response.ok) throw new Error(`${dataPath}: ${response.status} ${response.statusText}`);
          return response.blob();
        },
        createWorker: createImportWorker,
      }),
  });
  return { started };
}
