import { mount } from 'svelte';
import App from './App.svelte';
import { startApp } from './lib/state/app-start';
import { startOfflineCache } from './lib/offline/offline-cache.svelte';
import { watchLayout } from './lib/state/layout.svelte';
import { loadLanguage } from './lib/i18n/i18n.svelte';
import { openApp, siteConfigPath, siteConfigUrl } from './lib/state/site';
// Only the scripts the interface writes in: Latin (with accented transliterations) and Arabic.
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-600.css';
import '@fontsource/noto-sans/latin-ext-600.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-600.css';
import './app.css';

// Which build this is (STRIKES_MAP_BUILD_ID at build time, else the package version): for a bug
// report, and for the update test to tell two builds apart.
document.documentElement.dataset['build'] = __BUILD_ID__;

// Keep the whole app in the browser's cache so it opens with no network, and offer a new version
// when one is ready (production builds; the worker is written by scripts/offline-plugin.mjs).
// This module is the entry script: its URL names the build.
if (import.meta.env.PROD && 'serviceWorker' in navigator) startOfflineCache(import.meta.url);

// The layout (desktop, tablet, phone) is known before the first render: no flash of the wrong one.
watchLayout();

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
// A published map (src/lib/publish/) names its configuration in index.html: it is read, and its
// view written into the address, before anything reads the address.
// (The configuration is fetched while the code that reads it loads.)
const sitePath = siteConfigPath();
const opened: Promise<{ started: Promise<void> }> = sitePath
  ? ((configResponse) => import('./lib/state/site-open').then(({ openPublishedSite }) => openPublishedSite(sitePath, configResponse)))(
      Promise.resolve().then(() => fetch(siteConfigUrl(sitePath))),
    )
  : Promise.resolve({ started: (openApp(), startApp()) });
// The data are read from IndexedDB (and seeded on a first visit) before the interface and the
// map are built: each IndexedDB request ends on this thread, where the map's first frames would
// hold it (about a second in all with software WebGL on 2 cores). The wait is capped at a
// second, so that a database kept at an older version by another tab, or a very large one,
// never leaves the page blank; startApp shows what becomes of it.
// (No top-level await: it would also make the bundler split the entry into many chunks.)
void opened.then(({ started }) => {
  // A page opened in Arabic fetches its strings meanwhile, so that its first render is in Arabic.
  const strings = new URLSearchParams(location.search).get('lang') === 'ar' ? loadLanguage('ar').catch(() => undefined) : Promise.resolve();
  return Promise.all([Promise.race([new Promise((resolve) => setTimeout(resolve, 1000)), started]), strings]).then(() => mount(App, { target }));
});
