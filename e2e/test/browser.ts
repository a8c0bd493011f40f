import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Debian's Chromium, driven by playwright-core (no browser download). */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = (): boolean => existsSync(CHROMIUM);

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Where the browser tests save their screenshots: `tmp/screenshots/` (ignored by git), so a test
 * run leaves the tree clean. `SCREENSHOTS_DIR=docs/screenshots npm test` refreshes the README's.
 */
export const SCREENSHOTS = process.env.SCREENSHOTS_DIR
  ? join(process.cwd(), process.env.SCREENSHOTS_DIR)
  : join(__dirname, '../../tmp/screenshots');
