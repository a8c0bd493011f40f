import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Debian's Chromium, driven by playwright-core (no browser download). */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = (): boolean => existsSync(CHROMIUM);

// The same flags as the Lighthouse scripts (one list: bench/support/chromium-flags.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const CHROMIUM_ARGS = (require('../../bench/support/chromium-flags') as string).split(' ');

/**
 * Where the browser tests save their screenshots: `tmp/screenshots/` (ignored by git), so a test
 * run leaves the tree clean. `SCREENSHOTS_DIR=docs/screenshots npm test` refreshes the README's.
 */
export const SCREENSHOTS = process.env.SCREENSHOTS_DIR
  ? join(process.cwd(), process.env.SCREENSHOTS_DIR)
  : join(__dirname, '../../tmp/screenshots');
