// `vite preview` (programmatic, as tests/e2e/global-setup.ts) on a free port of 127.0.0.1,
// for the app's production build and for the bare pages.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview } from 'vite';

export async function serve(outDir, what) {
  const dir = resolve(outDir);
  if (!existsSync(resolve(dir, 'index.html')) && !existsSync(resolve(dir, 'arcs.html')))
    throw new Error(`No build in ${outDir} (${what}): run \`npm run bench\`, which builds it.`);
  const server = await preview({
    configFile: false,
    root: process.cwd(),
    base: './',
    logLevel: 'warn',
    build: { outDir: dir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not start on a TCP port');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}
