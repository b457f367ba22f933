/// <reference types="vitest/config" />
// End-to-end tests: the production build (dist/) served by `vite preview`, driven in
// headless Chromium through playwright-core. One file at a time: software WebGL on two
// cores is slow enough without two browsers competing.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    setupFiles: ['tests/e2e/setup-browser.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    environment: 'node',
  },
});
