/**
 * Where Chromium lives and how to start it here (shared with the benchmark), plus what only
 * the tests add: the page composited in software. WebGL still draws with SwiftShader, but the
 * page's frames and screenshots no longer go through it too, which on two cores costs about a
 * sixth of a page load's CPU time and most of each screenshot's.
 */
import { chromiumArgs as sharedArgs } from '../../scripts/chromium.mjs';

export { chromiumPath } from '../../scripts/chromium.mjs';
export const chromiumArgs = [...sharedArgs, '--disable-gpu-compositing'];
