/**
 * The offline cache as the page sees it: registers the service worker (scripts/service-worker.js)
 * and says when a newer version of the app is ready. A new version never takes over by itself:
 * the page's code and its lazily loaded chunks must come from one build, so the user chooses
 * when to reload (UpdateBanner), and until then this page keeps running the build it started with.
 *
 * A build is known by the URL of its entry script (hashed by the bundler): a worker "serves" this
 * page when that file is in its cache.
 */
import { WORKER_MESSAGES } from './worker-messages';

class OfflineCache {
  /** A version newer than the one this page runs is ready: reloading brings it. */
  updateReady = $state(false);
  /** Reload was chosen: the new version is taking over, then the page reloads. */
  applying = $state(false);
}
export const offlineCache = new OfflineCache();

/** How long a worker has to say whether it serves this page (one from before updates were offered never does). */
const ANSWER_WAIT_MS = 3000;
/** The browser looks for a new version only when a page opens: a tab left open asks now and then. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;
/** Should the new version never take over (replaced meanwhile by a newer one), reload anyway. */
const TAKE_OVER_WAIT_MS = 10_000;

let registration: ServiceWorkerRegistration | null = null;
let entry = '';

/** Starts the offline cache; `entryScript` is the URL of the page's entry script (its build). */
export function startOfflineCache(entryScript: string): void {
  const container = navigator.serviceWorker;
  entry = entryScript;
  // Answered from the start: the worker asks before it deletes any cache.
  container.addEventListener('message', (event: MessageEvent) => {
    if (event.data?.type === WORKER_MESSAGES.whichBuild) event.ports[0]?.postMessage({ entry });
  });
  container.startMessages();
  let hadController = container.controller !== null;
  container.addEventListener('controllerchange', () => {
    if (offlineCache.applying) return location.reload();
    // Another tab chose to reload and the new version took this one over too: this page still
    // runs the old code (unless it had already loaded the new one from the network).
    if (hadController && container.controller) void offerIfNewer(container.controller);
    hadController = true;
  });
  container.controller?.postMessage({ type: WORKER_MESSAGES.pageLoaded });
  // Registered once the page has settled, so filling the cache never competes with the first frame.
  afterSettling(() => {
    container
      .register('./sw.js')
      .then(watch)
      .catch((error: unknown) => console.warn('Offline cache unavailable:', error));
  });
}

/** Lets the waiting version take over, then reloads (on `controllerchange`). */
export function applyUpdate(): void {
  const waiting = registration?.waiting;
  // None waiting: the new version already controls the page, which only needs reloading.
  if (!waiting) return location.reload();
  offlineCache.applying = true;
  waiting.postMessage({ type: WORKER_MESSAGES.skipWaiting });
  setTimeout(() => location.reload(), TAKE_OVER_WAIT_MS);
}

function watch(found: ServiceWorkerRegistration): void {
  registration = found;
  if (found.waiting) void offerIfNewer(found.waiting);
  if (found.installing) follow(found.installing);
  found.addEventListener('updatefound', () => {
    if (found.installing) follow(found.installing);
  });
  const check = () => void found.update().catch(() => {}); // offline: the next check will do
  setInterval(check, UPDATE_CHECK_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}

function follow(worker: ServiceWorker): void {
  worker.addEventListener('statechange', () => {
    // Installed beside an active version, it waits. (On a first visit it goes on to activate.)
    if (worker.state === 'installed' && registration?.active) void offerIfNewer(worker);
  });
}

async function offerIfNewer(worker: ServiceWorker): Promise<void> {
  if (!(await servesThisPage(worker))) offlineCache.updateReady = true;
}

function servesThisPage(worker: ServiceWorker): Promise<boolean> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(false), ANSWER_WAIT_MS);
    channel.port1.onmessage = (event: MessageEvent) => {
      clearTimeout(timer);
      resolve(event.data?.serves === true);
    };
    worker.postMessage({ type: WORKER_MESSAGES.servesBuild, entry }, [channel.port2]);
  });
}

function afterSettling(run: () => void): void {
  const settle = () => setTimeout(() => ('requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 5000 }) : run()), 2000);
  if (document.readyState === 'complete') settle();
  else window.addEventListener('load', settle, { once: true });
}
