/**
 * Before the end-to-end tests: find Chromium (never skip silently), check the build
 * exists, and serve it with `vite preview` on a free port of 127.0.0.1.
 */
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './chromium';

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const executable = chromiumPath();
  if (!existsSync(executable)) {
    throw new Error(
      `Chromium not found at ${executable}. The browser tests need it: on Debian run ` +
        '`sudo apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium binary). They are never skipped.',
    );
  }
  if (!existsSync('dist/index.html')) {
    throw new Error('No production build in dist/: run `npm run build` first (npm test does it for you).');
  }
  server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not start on a TCP port');
  project.provide('appUrl', `http://127.0.0.1:${address.port}/`);
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}
