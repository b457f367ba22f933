/** Where Chromium lives and how to start it here (shared with the benchmark). */
export { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
