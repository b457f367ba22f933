/**
 * What the page and the offline cache's service worker (scripts/service-worker.js, plain
 * JavaScript written out at build time) say to each other. The worker spells the same names;
 * offline-plugin.test.ts checks that it still does.
 */
export const WORKER_MESSAGES = {
  /** Page to its waiting worker: take over now (the user chose to reload). */
  skipWaiting: 'strikes-map:skip-waiting',
  /** Page to its controller, once loaded: a good moment to forget caches no window needs. */
  pageLoaded: 'strikes-map:page-loaded',
  /** Page to a worker, with a port: is my entry script in your cache? Answer `{ serves }`. */
  servesBuild: 'strikes-map:serves-build',
  /** Worker to a page, with a port: which build do you run? Answer `{ entry }`. */
  whichBuild: 'strikes-map:which-build',
} as const;
