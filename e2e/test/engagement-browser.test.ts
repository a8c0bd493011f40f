import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { waitFor } from '@fleet/testing';
import { frontDoor, ok, startHostPlatform, type ProcessPlatform, type Store } from './process-platform';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium, SCREENSHOTS } from './browser';

/**
 * Reviews, wishlist and recommendations in a real browser with JavaScript OFF, on the platform as
 * `npm start` runs it: a shopper is sent to sign in before saving or reviewing, saves a product,
 * reviews it, sees a similar product recommended, finds the wishlist on the account page and
 * removes it; another store shows none of it. Screenshots go to tmp/screenshots/.
 */
const available = hasChromium();
if (!available) console.warn(`engagement browser tests SKIPPED: ${CHROMIUM} is missing`);
const browserTest = available ? test : test.skip;

let platform: ProcessPlatform;
let browser: Browser;
let fd: ReturnType<typeof frontDoor>;
let a: Store;
let b: Store;
const products: Record<'lamp' | 'shade' | 'other', { id: string; slug: string }> = {} as never;

async function product(store: Store, title: string, categoryIds: string[]) {
  const body = {
    title,
    description: `${title}, made to last.`,
    categoryIds,
    variants: [
      {
        sku: title.toUpperCase().replace(/\W+/g, '-'),
        title: 'One',
        price: 4_900,
        currency: 'USD',
        stock: 5,
      },
    ],
  };
  return ok(await fd.asOwner(store, '/api/admin/products', { body }), 201) as { id: string; slug: string };
}

beforeAll(async () => {
  if (!available) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  platform = await startHostPlatform(1);
  fd = frontDoor(platform);
  const suffix = Date.now().toString(36);
  a = await fd.signUp(`eng-a-${suffix}`);
  b = await fd.signUp(`eng-b-${suffix}`);
  const lamps = ok(await fd.asOwner(a, '/api/admin/categories', { body: { name: 'Lamps' } }), 201) as {
    id: string;
  };
  products.lamp = await product(a, 'Brass Desk Lamp', [lamps.id]);
  products.shade = await product(a, 'Linen Lamp Shade', [lamps.id]);
  products.other = await product(b, 'Other Store Lamp', []);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
const text = (page: Page, value: string) =>
  page.getByText(value, { exact: false }).first().waitFor({ timeout: 15_000 });

browserTest(
  'a shopper saves, reviews and finds recommendations with JavaScript off',
  async () => {
    const ctx = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    const page = await ctx.newPage();
    const url = (path: string) => `http://${a.host}${path}`;
    await page.goto(url(`/products/${products.lamp.slug}`));
    await text(page, 'No reviews yet');
    await text(page, 'You may also like');
    await expectVisible(page, 'Linen Lamp Shade');
    // saving before signing in leads to the sign-in page
    await page.getByRole('button', { name: 'Save to wishlist' }).click();
    await page.waitForURL(url('/account/login'));
    await page.goto(url('/account/register'));
    await page.getByLabel('Name').fill('Ada');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password (at least 8 characters)').fill('correct horse 1');
    await page.getByRole('button', { name: /create/i }).click();
    await page.waitForURL(url('/account'));
    await text(page, 'Your wishlist is empty');

    await page.goto(url(`/products/${products.lamp.slug}`));
    await page.getByRole('button', { name: 'Save to wishlist' }).click();
    await text(page, 'Saved to your wishlist.');
    await page.getByLabel('4 stars').check();
    await page.getByLabel('Title').fill('Warm light');
    await page.getByLabel('Your review').fill('Bright enough to read by.\nSolid brass.');
    await page.getByRole('button', { name: 'Post review' }).click();
    await text(page, 'Thank you: your review is published.');
    await text(page, 'Warm light');
    await text(page, '4.0 out of 5');
    await shot(page, 'engagement-product');

    await page.goto(url('/account'));
    await expectVisible(page, 'Brass Desk Lamp');
    await shot(page, 'engagement-account-wishlist');
    await page.getByRole('button', { name: 'Remove Brass Desk Lamp' }).click();
    await text(page, 'Your wishlist is empty');

    // a second review by the same customer is refused with a message
    await page.goto(url(`/products/${products.lamp.slug}`));
    await page.getByLabel('1 star', { exact: true }).check();
    await page.getByLabel('Title').fill('Again');
    await page.getByLabel('Your review').fill('Twice');
    await page.getByRole('button', { name: 'Post review' }).click();
    await text(page, 'You have already reviewed this product.');

    // the rating reaches the product in catalog (through the events): the store API shows it
    await waitFor(
      'the rating on the product',
      async () => {
        const res = ok(await fd.call(a.host, `/api/store/products/${products.lamp.id}`)) as {
          rating?: { average: number; count: number };
        };
        return res.rating?.count === 1 && res.rating.average === 4;
      },
      { timeoutMs: 20_000 },
    );
    await ctx.close();
  },
  120_000,
);

browserTest(
  'a phone-sized product page; another store shows none of the first store’s reviews',
  async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(`http://${a.host}/products/${products.lamp.slug}`);
    await text(page, 'Warm light');
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(375);
    await shot(page, 'engagement-product-375');
    await page.goto(`http://${b.host}/products/${products.other.slug}`);
    await text(page, 'No reviews yet');
    expect(await page.getByText('Warm light').count()).toBe(0);
    const foreign = await page.goto(`http://${b.host}/products/${products.lamp.slug}`);
    expect(foreign?.status()).toBe(404);
    const reviews = ok(await fd.call(b.host, `/api/store/products/${products.lamp.id}/reviews`)) as {
      items: unknown[];
    };
    expect(reviews.items).toEqual([]);
    await ctx.close();
  },
  60_000,
);

async function expectVisible(page: Page, value: string): Promise<void> {
  await page.getByText(value, { exact: false }).first().waitFor({ state: 'visible', timeout: 15_000 });
}

browserTest(
  'the merchant hides, shows and replies to a review in the admin; another store’s admin has none',
  async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await ctx.newPage();
    page.on('pageerror', (err) => {
      throw err;
    });
    const signIn = async (store: Store) => {
      await page.goto(`http://${store.host}/admin/reviews`);
      await page.getByLabel('Email').fill(`owner@${store.host.split('.')[0]}.test`);
      await page.getByLabel('Password').fill('correct horse 1');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Reviews' }).waitFor();
    };
    await signIn(a);
    await text(page, 'Warm light');
    await text(page, 'Brass Desk Lamp');
    await shot(page, 'engagement-admin-reviews');
    await page.getByRole('button', { name: 'Hide' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hide' }).click();
    await page.getByRole('button', { name: 'Show' }).waitFor();
    const shown = async () =>
      (ok(await fd.call(a.host, `/api/store/products/${products.lamp.id}/reviews`)) as { items: unknown[] })
        .items.length;
    expect(await shown()).toBe(0);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Show' }).click();
    await page.getByRole('button', { name: 'Hide' }).waitFor();
    await page.getByRole('button', { name: 'Reply' }).click();
    await page.getByRole('dialog').getByLabel('Reply').fill('Thank you, Ada!');
    await page.getByRole('button', { name: 'Publish reply' }).click();
    await text(page, 'Your reply:');
    expect(await shown()).toBe(1);
    await shot(page, 'engagement-admin-replied');

    const shop = await browser.newContext({ javaScriptEnabled: false });
    const productPage = await shop.newPage();
    await productPage.goto(`http://${a.host}/products/${products.lamp.slug}?done=none`);
    await text(productPage, 'Thank you, Ada!');
    await shop.close();

    await page.context().clearCookies();
    await signIn(b);
    await text(page, 'No reviews yet');
    await ctx.close();
  },
  90_000,
);
