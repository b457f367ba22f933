// Where Chromium lives and how to start it here: software WebGL2 (SwiftShader), and none of
// the background traffic Chromium would otherwise send to hosts this machine cannot reach.
// Shared by the end-to-end tests (tests/e2e/chromium.ts) and the benchmark (bench/lib/browser.mjs).

export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-extensions',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  // Chromium preloads its own omnibox popup (a WebUI page of some 400 files) in a renderer of its
  // own: about 2 s of CPU at each start, taken from the page on a two-core machine.
  '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];
