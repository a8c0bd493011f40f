import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createLogger } from '@fleet/logger';
import { reviewsView, stars } from '../src/domain/engagement-view';
import { sampleData } from '../src/domain/sample-data';
import { DEFAULT_THEME_DIR, readThemeFolder } from '../src/domain/theme-files';
import { createThemes } from '../src/domain/themes';

const defaults = readThemeFolder();
const schema = JSON.parse(defaults.get('config/settings_schema.json') ?? '[]') as unknown;
const themes = createThemes(
  defaults,
  { list: async () => [], recordError: async () => undefined },
  createLogger({ service: 't', level: 'silent' }),
);
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(__dirname, '../../../tmp/screenshots');

const review = (rating: number, title: string, extra: object = {}) => ({
  id: `rev_${rating}`,
  rating,
  title,
  body: 'Line one\nLine two <b>not bold</b>',
  verified: false,
  reply: null,
  createdAt: '2026-02-01T10:00:00.000Z',
  ...extra,
});

const productData = () => {
  const data = sampleData('product', schema);
  return {
    ...data,
    reviews: reviewsView({
      items: [
        review(5, 'Perfect <mug>', {
          verified: true,
          reply: { body: 'Thanks <3', at: '2026-02-02T00:00:00.000Z' },
        }),
        review(3, 'Fine'),
      ],
      nextCursor: null,
      summary: { average: 4, count: 2 },
    }),
  };
};

test('stars and the summary read as the rating rounds', () => {
  expect(stars(4.5)).toBe('★★★★★');
  expect(stars(4.4)).toBe('★★★★☆');
  expect(stars(0)).toBe('☆☆☆☆☆');
  expect(reviewsView({ items: [], nextCursor: null, summary: { average: null, count: 0 } })).toMatchObject({
    count: 0,
    average: null,
  });
});

test('the product page shows rating, reviews (escaped), badge, reply, form, wishlist and recommendations', async () => {
  const html = await themes.defaultEngine.render('product', productData());
  expect(html).toContain('4.0 out of 5');
  expect(html).toContain('Perfect &lt;mug&gt;');
  expect(html).toContain('Line two &lt;b&gt;not bold&lt;/b&gt;');
  expect(html).toContain('Verified purchase');
  expect(html).toContain('Thanks &lt;3');
  expect(html).toContain('action="/products/sample-mug/reviews"');
  expect(html).toContain('action="/account/wishlist"');
  expect(html).toContain('You may also like');
  expect(html.match(/name="_csrf"/g)?.length).toBeGreaterThanOrEqual(3);
  const none = await themes.defaultEngine.render('product', {
    ...productData(),
    reviews: reviewsView({ items: [], nextCursor: null, summary: { average: null, count: 0 } }),
    recommendations: [],
  });
  expect(none).toContain('No reviews yet');
  expect(none).not.toContain('You may also like');
});

test('the account page lists the wishlist with a remove button per product', async () => {
  const html = await themes.defaultEngine.render(
    'customers/account',
    sampleData('customers/account', schema),
  );
  expect(html).toContain('id="wishlist"');
  expect(html).toContain('action="/account/wishlist/remove"');
  const empty = await themes.defaultEngine.render('customers/account', {
    ...sampleData('customers/account', schema),
    wishlist: [],
  });
  expect(empty).toContain('Your wishlist is empty');
});

const withChromium = existsSync(CHROMIUM) ? test : test.skip;
withChromium(
  'with JavaScript off, at 375 and 1280 px: nothing overflows (screenshots in tmp/screenshots)',
  async () => {
    mkdirSync(SHOTS, { recursive: true });
    const css = readFileSync(join(DEFAULT_THEME_DIR, 'assets', 'theme.css'), 'utf8');
    const browser: Browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    try {
      for (const [name, template, data] of [
        ['product', 'product', productData()],
        ['account', 'customers/account', sampleData('customers/account', schema)],
      ] as const) {
        const html = await themes.defaultEngine.render(template, data);
        for (const width of [375, 1280]) {
          const ctx = await browser.newContext({
            javaScriptEnabled: false,
            viewport: { width, height: 900 },
          });
          const page = await ctx.newPage();
          await page.route('**/*', (route) => {
            const url = route.request().url();
            if (url === 'http://sample.example/')
              return route.fulfill({ contentType: 'text/html', body: html });
            if (url.includes('theme.css')) return route.fulfill({ contentType: 'text/css', body: css });
            return route.fulfill({ status: 204, body: '' });
          });
          await page.goto('http://sample.example/');
          expect([name, width, await page.evaluate<number>('document.documentElement.scrollWidth')]).toEqual([
            name,
            width,
            width,
          ]);
          await page.screenshot({
            path: join(SHOTS, `engagement-theme-${name}-${width}.png`),
            fullPage: true,
          });
          await ctx.close();
        }
      }
    } finally {
      await browser.close();
    }
  },
  60_000,
);
