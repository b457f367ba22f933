// Compares two production builds exporting the same video, in one run: the wave of
// August–September 2022 as a 1280×720, 24 fps WebM at the automatic speed, the builds taking
// turns (A B, then B A, ...). It prints each export's time (click to download, the app's own
// data-last-ms) and the ratio of the medians. The guardrail of issue 20 (a wave exported at
// most 1.5 times as slowly as before) was checked with it.
//
//   node bench/video-compare.mjs <build A> <build B> [rounds=2] [size=1280x720] [fps=24]
//
// e.g. build the commit before a change into /tmp/before (`git worktree add`, `npx vite build
// --outDir /tmp/before`), the change into dist/, then `node bench/video-compare.mjs /tmp/before dist`.
import { openBrowser, waitForMapIdle } from './lib/browser.mjs';
import { serve } from './lib/servers.mjs';

const [a, b, rounds = '2', size = '1280x720', fps = '24'] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node bench/video-compare.mjs <build A> <build B> [rounds] [size] [fps]');
  process.exit(2);
}
const servers = { A: await serve(a, 'build A'), B: await serve(b, 'build B') };
const results = { A: [], B: [] };
for (let round = 0; round < Number(rounds); round++)
  for (const which of round % 2 ? ['B', 'A'] : ['A', 'B']) {
    const session = await openBrowser();
    try {
      const { page } = session;
      await page.goto(`${servers[which].url}?from=2022-08-01&to=2022-09-30`);
      await waitForMapIdle(page);
      await page.getByTestId('export-open').click();
      await page.getByTestId('export-video-size').selectOption(size);
      await page.getByTestId('export-video-fps').selectOption(fps);
      await page.getByTestId('export-video-format').selectOption('webm');
      await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), page.getByTestId('export-video').click()]);
      const ms = Number(await page.getByTestId('export').getAttribute('data-last-ms'));
      results[which].push(ms);
      console.log(`${which} (${which === 'A' ? a : b}), round ${round + 1}: ${ms} ms`);
    } finally {
      await session.close();
    }
  }
const median = (xs) => xs.slice().sort((x, y) => x - y)[xs.length >> 1];
console.log(`median A ${median(results.A)} ms, B ${median(results.B)} ms, B / A ${(median(results.B) / median(results.A)).toFixed(2)}×`);
await Promise.all(Object.values(servers).map((s) => s.close()));
process.exit(0);
