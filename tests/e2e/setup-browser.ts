/** After each test file: close the Chromium its sessions shared (browser-session.ts). */
import { afterAll } from 'vitest';
import { closeSharedBrowser } from './browser-session';

afterAll(closeSharedBrowser);
