// The offline cache's service worker. scripts/offline-plugin.mjs writes it to dist/sw.js with
// three constants put in front: PREFIX, how the names of the app's caches start; CACHE, this
// build's cache name; and FILES, every file of the build. A published copy of the app
// (src/lib/publish/site-worker.ts) puts its own in front: caches named after its folder.
//
// How a new version arrives without breaking the tabs that are open (issue 14):
// - It installs beside the old one and waits: the page offers a reload (src/lib/offline/), and
//   only then is it told to take over. A tab running the old code is never switched under it.
// - Once it has taken over, pages still running an older build keep getting that build's files
//   (their lazily loaded chunks are gone from the server) from that build's cache.
// - A cache is deleted only when no open window needs it: each window is asked which build it
//   runs (the URL of its entry script), and a build is known by the cache that holds that file.
//   Nothing is kept in memory between events, so a worker stopped and restarted decides the same.
// The message names are shared with the page in src/lib/offline/worker-messages.ts.
/* global PREFIX, CACHE, FILES */

// Module scripts carry an Origin header a cached response may vary on; search strings never
// change which file is meant.
const MATCH = { ignoreSearch: true, ignoreVary: true };
// A page that has not answered in this time may be loading, frozen in the background or from a
// build that cannot answer: then nothing is deleted, and the next page load asks again.
const ANSWER_WAIT_MS = 3000;
// A navigation waits this long for the network before the cached page is used (a link that
// connects but carries nothing must not leave the app blank).
const NETWORK_WAIT_MS = 4000;

self.addEventListener('install', (event) => {
  // No skipWaiting(): the new version waits for the user (or for every old tab to close).
  // On a first visit there is no old version, and the browser activates it at once.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  // claim(): a first visit is kept offline without a reload, and after an update the page that
  // asked for it sees the new worker take over (its cue to reload).
  event.waitUntil(self.clients.claim());
  // Not inside waitUntil: requests from every page wait for activation to finish, and asking the
  // pages can take seconds. If the worker stops first, the next page load does it.
  void forgetUnusedCaches();
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'strikes-map:skip-waiting') {
    event.waitUntil(self.skipWaiting());
  } else if (type === 'strikes-map:page-loaded') {
    // Sent to the page's controller, the active worker: a page that left may have freed a cache.
    event.waitUntil(forgetUnusedCaches());
  } else if (type === 'strikes-map:serves-build' && event.ports[0]) {
    // A page asks whether its build is this worker's: if not, a newer version is ready for it.
    const port = event.ports[0];
    event.waitUntil(holds(CACHE, String(event.data.entry)).then((serves) => port.postMessage({ serves })));
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === 'navigate' ? pageFromNetwork(request) : fileFromCaches(request));
});

/**
 * The page itself comes from the network first, so a new deploy reaches a new tab at once; this
 * build's cached page is the fallback offline. (Cache-first kept serving the old index.html.)
 */
async function pageFromNetwork(request) {
  const network = fetch(request);
  const answer = await Promise.race([network.catch(() => null), delay(NETWORK_WAIT_MS)]);
  if (answer) return answer;
  const cached = (await caches.match(request, { ...MATCH, cacheName: CACHE })) ?? (await caches.match('./index.html', { ...MATCH, cacheName: CACHE }));
  return cached ?? network;
}

/**
 * Files never change under one name (the built ones carry a content hash), so any of the app's
 * caches that has the file will do: this build's first, then the others, newest first. An older
 * one holds the chunks of a tab still running an older build; a waiting version's, those of a
 * tab that loaded that version from the network.
 */
async function fileFromCaches(request) {
  const own = await caches.match(request, { ...MATCH, cacheName: CACHE });
  if (own) return own;
  const others = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE).reverse();
  for (const cacheName of others) {
    const hit = await caches.match(request, { ...MATCH, cacheName });
    if (hit) return hit;
  }
  return fetch(request);
}

/**
 * Deletes the app's caches that are older than this worker's and that no open window needs.
 * A window needs a cache when its entry script is not in this worker's cache but is in that one.
 * Only older caches: caches.keys() lists caches in the order they were made, and a newer one may
 * still be filling for a worker that is installing or waiting.
 */
async function forgetUnusedCaches() {
  const names = await caches.keys();
  const current = names.indexOf(CACHE);
  const older = names.slice(0, Math.max(current, 0)).filter((name) => name.startsWith(PREFIX));
  if (older.length === 0) return;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const entries = await Promise.all(windows.map(askEntry));
  if (entries.includes(null)) return;
  const elsewhere = [];
  for (const entry of entries) if (!(await holds(CACHE, entry))) elsewhere.push(entry);
  for (const name of older) {
    let needed = false;
    for (const entry of elsewhere) needed ||= await holds(name, entry);
    if (!needed) await caches.delete(name);
  }
}

/** The URL of the entry script a window runs, or null when it does not answer. */
function askEntry(client) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), ANSWER_WAIT_MS);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      resolve(event.data && typeof event.data.entry === 'string' ? event.data.entry : null);
    };
    client.postMessage({ type: 'strikes-map:which-build' }, [channel.port2]);
  });
}

async function holds(cacheName, url) {
  return Boolean(await caches.match(url, { ...MATCH, cacheName }));
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms));
}
