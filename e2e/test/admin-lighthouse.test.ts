import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { CHROMIUM, hasChromium } from './browser';
import { frontDoor, startHostPlatform, type ProcessPlatform } from './process-platform';

/**
 * Lighthouse's accessibility score of every merchant admin page, signed in, on the platform as
 * `npm start` runs it (bench/lighthouse-admin.js does the runs). Slow (a Lighthouse run per page),
 * so only with LIGHTHOUSE=1: `LIGHTHOUSE=1 npx jest e2e/test/admin-lighthouse.test.ts`.
 */
const run = process.env.LIGHTHOUSE === '1' && hasChromium();
const lighthouseTest = run ? test : test.skip;

let platform: ProcessPlatform | undefined;
afterAll(async () => {
  await platform?.stop();
});

lighthouseTest(
  'every admin page scores at least 95 for accessibility',
  async () => {
    platform = await startHostPlatform(1);
    const slug = `lh-${Date.now().toString(36)}`;
    const store = await frontDoor(platform).signUp(slug);
    const output = execFileSync(
      process.execPath,
      [
        join(__dirname, '../../bench/lighthouse-admin.js'),
        `http://${store.host}`,
        `owner@${slug}.test`,
        'correct horse 1',
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    console.log(output);
    const rows = output
      .trim()
      .split('\n')
      .filter((line) => line.includes(' | ') && !line.startsWith('page |'))
      .map((line) => line.split(' | '));
    expect(rows.length).toBe(11);
    const low = rows.filter((r) => Number(r[2]) < 95).map((r) => `${r[0]}: ${r[2]} (${r[5]})`);
    expect(low).toEqual([]);
  },
  900_000,
);
