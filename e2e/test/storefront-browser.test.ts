import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { waitFor } from '@fleet/testing';
import { frontDoor, ok, startHostPlatform, type ProcessPlatform, type Store } from './process-platform';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium, SCREENSHOTS } from './browser';
import { seedProduct } from './storefront-support';

/**
 * A real browser (Debian's Chromium through playwright-core) on the platform as `npm start` runs
 * it: a merchant signs up on the apex page and lands on the new shop; a shopper searches with a
 * typo, picks a variant, buys with the test-mode payment, registers and finds the order in the
 * history; the same with JavaScript off; a phone-sized screen; a second store showing none of the
 * first one's products; the home featuring a collection at 375 px and on a desktop. Screenshots go to tmp/screenshots/ (SCREENSHOTS_DIR=docs/screenshots refreshes the README's). Skipped when /usr/bin/chromium is
 * missing (CI installs it).
 */
const available = hasChromium();
if (!available) {
  console.warn(`storefront browser tests SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium)`);
}
const browserTest = available ? test : test.skip;
const SHOTS = SCREENSHOTS;

let platform: ProcessPlatform;
let browser: Browser;
let fd: ReturnType<typeof frontDoor>;
let port: string;
let store: Store;
const merchant = { slug: `shop-${Date.now().toString(36)}`, email: '', password: 'correct horse 1' };

beforeAll(async () => {
  if (!available) return;
  mkdirSync(SHOTS, { recursive: true });
  platform = await startHostPlatform(1);
  fd = frontDoor(platform);
  port = fd.gateway.split(':').pop() as string;
  merchant.email = `owner@${merchant.slug}.test`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const storeUrl = (path = '/') => `http://${store.host}${path}`;

async function newShopper(
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...options });
  const page = await ctx.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
  return { ctx, page };
}

browserTest(
  'a new merchant signs up on the apex page and lands on the new storefront',
  async () => {
    const { ctx, page } = await newShopper();
    await page.goto(`http://localhost:${port}/`);
    await shot(page, 'signup');
    await page.getByLabel('Store name').fill('Northwind Goods');
    await page.getByLabel('Store address').fill(merchant.slug);
    await page.getByLabel('Your email').fill(merchant.email);
    await page.getByLabel('Password (at least 8 characters)').fill(merchant.password);
    await page.getByRole('button', { name: 'Create my store' }).click();
    await page.waitForURL(`http://${merchant.slug}.localhost:${port}/`);
    await expectText(page, 'Welcome to Northwind Goods');
    await expectText(page, 'Test mode');
    await ctx.close();

    const login = ok(
      await fd.call(`${merchant.slug}.localhost:${port}`, '/api/admin/auth/login', {
        body: { email: merchant.email, password: merchant.password },
      }),
    ) as { accessToken: string };
    store = { host: `${merchant.slug}.localhost:${port}`, token: login.accessToken };
    await seedProduct(platform, store, 'Aurora Lantern');
    await waitFor('the product to be searchable with a typo', async () => {
      const res = ok(await fd.call(store.host, '/api/store/search?q=aurorra')) as { hits: unknown[] };
      return res.hits.length > 0 || undefined;
    });
  },
  120_000,
);

for (const javaScriptEnabled of [true, false]) {
  browserTest(
    `a shopper buys with the test payment and finds the order in the history (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`,
    async () => {
      const { ctx, page } = await newShopper({ javaScriptEnabled });
      const tag = javaScriptEnabled ? '' : '-nojs';
      await page.goto(storeUrl());
      if (javaScriptEnabled) await shot(page, 'home');
      await page.getByLabel('Search products').fill('aurorra');
      await page.getByLabel('Search products').press('Enter');
      await page.waitForURL(/\/search\?q=aurorra/);
      if (javaScriptEnabled) await shot(page, 'search');
      await page.getByRole('link', { name: 'Aurora Lantern', exact: true }).click();
      await page.waitForURL(/\/products\/aurora-lantern/);
      await page.locator('label.variant', { hasText: 'Large' }).click();
      if (javaScriptEnabled) {
        await expectText(page, '$75.00');
        await page.waitForURL(/variant=/);
        await shot(page, 'product');
      }
      await page.getByRole('button', { name: 'Add to cart' }).click();
      if (javaScriptEnabled) {
        await page.locator('.cart-count', { hasText: '1' }).first().waitFor();
        await page.getByRole('link', { name: /^Cart/ }).click();
      }
      await page.waitForURL(/\/cart$/);
      await expectText(page, 'Large');
      await expectText(page, '$59.00');
      if (javaScriptEnabled) await shot(page, 'cart');
      await page.getByRole('link', { name: 'Check out' }).click();
      await page.waitForURL(/\/checkout$/);
      await page.getByLabel('Email').fill(`shopper${tag}@example.com`);
      await page.getByLabel('Full name').fill('Ada Lovelace');
      await page.getByLabel('Address', { exact: true }).fill('12 St James Square');
      await page.getByLabel('City').fill('London');
      await page.getByLabel('Postal code').fill('SW1Y 4JH');
      await page.getByLabel(/Country code/).fill('GB');
      if (javaScriptEnabled) await shot(page, 'checkout');
      await page.getByRole('button', { name: 'Place order' }).click();
      await page.waitForURL(/\/orders\/ord_[^/?]+\?placed=1/);
      await expectText(page, 'Thank you! Your order is in.');
      const orderId = /\/orders\/(ord_[^/?]+)/.exec(page.url())?.[1] as string;
      await page.getByRole('button', { name: 'Pay now (test)' }).click();
      await page.waitForURL(new RegExp(`/orders/${orderId}$`));
      await page
        .locator('[data-order-status]', { hasText: 'Placed' })
        .waitFor({ timeout: 15_000 })
        .catch(async () => {
          await page.reload();
          await page.locator('[data-order-status]', { hasText: 'Placed' }).waitFor();
        });
      if (javaScriptEnabled) await shot(page, 'order');

      await page.getByRole('link', { name: 'Account' }).click();
      await page.waitForURL(/\/account\/login$/);
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.getByLabel('Name').fill('Ada Lovelace');
      await page.getByLabel('Email').fill(`ada${tag}-${Date.now()}@example.com`);
      await page.getByLabel(/^Password/).fill('analytical engine 1');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.waitForURL(/\/account$/);
      await expectText(page, 'Hello, Ada Lovelace');
      await expectText(page, orderId);
      if (javaScriptEnabled) await shot(page, 'account');
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.waitForURL(storeUrl());
      await ctx.close();
    },
    120_000,
  );
}

browserTest(
  'a 375 px phone screen: nothing wider than the screen, every page usable',
  async () => {
    const { ctx, page } = await newShopper({
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
    });
    for (const [path, name] of [
      ['/', 'mobile-home'],
      ['/products/aurora-lantern', 'mobile-product'],
      ['/collections/all', 'mobile-category'],
      ['/cart', 'mobile-cart'],
    ] as const) {
      await page.goto(storeUrl(path));
      const width = await page.evaluate('document.documentElement.scrollWidth');
      expect([path, width]).toEqual([path, 375]);
      if (name !== 'mobile-category') await shot(page, name);
    }
    await ctx.close();
  },
  60_000,
);

browserTest(
  "a second store open at the same time shows none of the first store's products or theme",
  async () => {
    const other = await fd.signUp(`other-${Date.now().toString(36)}`);
    await seedProduct(platform, other, 'Borealis Chair');
    const first = await newShopper();
    const second = await newShopper();
    await Promise.all([first.page.goto(storeUrl()), second.page.goto(`http://${other.host}/`)]);
    await expectText(first.page, 'Aurora Lantern');
    await expectText(second.page, 'Borealis Chair');
    expect(await second.page.content()).not.toContain('Aurora Lantern');
    expect(await second.page.content()).not.toContain('Northwind Goods');
    expect(await first.page.content()).not.toContain('Borealis Chair');
    await second.page.goto(`http://${other.host}/products/aurora-lantern`);
    await expectText(second.page, 'Product not found');
    await first.ctx.close();
    await second.ctx.close();
  },
  60_000,
);

browserTest(
  'the home with a featured collection, on a 375 px phone and a desktop: its title, its products, nothing overflowing',
  async () => {
    const auth = { authorization: `Bearer ${store.token}` };
    const picks = ok(
      await fd.call(store.host, '/api/admin/collections', {
        headers: auth,
        body: { title: 'Staff picks', slug: 'staff-picks' },
      }),
      201,
    ) as { id: string };
    const lantern = ok(await fd.call(store.host, '/api/store/products/aurora-lantern')) as { id: string };
    const vase = await seedProduct(platform, store, 'Cirrus Vase');
    for (const id of [lantern.id, vase.id]) {
      ok(
        await fd.call(store.host, `/api/admin/products/${id}`, {
          method: 'PATCH',
          headers: auth,
          body: { collectionIds: [picks.id] },
        }),
      );
    }
    for (const [width, options] of [
      [375, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true }],
      [1280, {}],
    ] as const) {
      const { ctx, page } = await newShopper(options);
      await page.goto(storeUrl());
      await page.getByRole('heading', { name: 'Staff picks', level: 2 }).waitFor();
      await expectText(page, 'Cirrus Vase');
      await expectText(page, 'Aurora Lantern');
      expect([width, await page.evaluate('document.documentElement.scrollWidth')]).toEqual([width, width]);
      await page.screenshot({ path: join(SHOTS, `home-collection-${width}.png`), fullPage: true });
      await page.getByRole('link', { name: 'View all' }).click();
      await page.waitForURL(/\/collections\/staff-picks$/);
      await page.getByRole('heading', { name: 'Staff picks', level: 1 }).waitFor();
      await ctx.close();
    }
  },
  60_000,
);

async function expectText(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor({ timeout: 10_000 });
}
