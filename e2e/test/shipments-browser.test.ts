import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { waitFor } from '@fleet/testing';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium, SCREENSHOTS } from './browser';
import {
  frontDoor,
  ok,
  startHostPlatform,
  type Checkout,
  type ProcessPlatform,
  type Store,
} from './process-platform';

/**
 * Shipments and returns in a real browser: the merchant chooses the carrier and marks the parcel
 * in transit in the admin; the shopper sees the tracking on the order page and asks for a return
 * with JavaScript off, at 375 px. Screenshots go to tmp/screenshots/.
 */
const available = hasChromium();
const browserTest = available ? test : test.skip;

let platform: ProcessPlatform;
let browser: Browser;
let fd: ReturnType<typeof frontDoor>;
let store: Store;
const slug = `shp-${Date.now().toString(36)}`;

beforeAll(async () => {
  if (!available) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  platform = await startHostPlatform(1);
  fd = frontDoor(platform);
  store = await fd.signUp(slug);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

async function paidAndFulfilled(): Promise<Checkout> {
  const product = ok(
    await fd.asOwner(store, '/api/admin/products', {
      body: {
        title: 'Linen Apron',
        description: 'Washed linen.',
        categoryIds: [],
        variants: [
          { sku: `APR-${randomUUID().slice(0, 8)}`, title: 'One', price: 2_500, currency: 'USD', stock: 5 },
        ],
      },
    }),
    201,
  ) as { variants: Array<{ id: string }> };
  const c = await fd.checkout(store.host, product.variants[0]!.id, 1);
  ok(
    await fd.call(store.host, `/api/store/payments/${c.payment.paymentId}/simulate`, {
      body: { outcome: 'succeeded' },
    }),
  );
  await fd.fulfil(store, c.orderId);
  return c;
}

browserTest(
  'the merchant picks the carrier and moves the parcel; the shopper tracks it and asks for a return without JavaScript',
  async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await ctx.newPage();
    const admin = `http://${store.host}/admin`;
    await page.goto(`${admin}/`);
    await page.getByLabel('Email').fill(`owner@${slug}.test`);
    await page.getByLabel('Password').fill('correct horse 1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

    await page.goto(`${admin}/settings/shipping`);
    await page.getByRole('heading', { level: 1, name: 'Shipping and returns' }).waitFor();
    await page.getByRole('radio', { name: /ParcelPost/ }).check();
    await page.getByRole('button', { name: 'Save carrier' }).click();
    await page.getByText('Saved.').first().waitFor();
    await shot(page, 'admin-shipping-settings');
    expect(ok(await fd.asOwner(store, '/api/admin/settings/shipping'))).toMatchObject({
      carrier: 'parcelpost',
    });

    const c = await paidAndFulfilled();
    await waitFor(
      'the parcel on the order',
      async () =>
        (ok(await fd.asOwner(store, `/api/admin/orders/${c.orderId}`)) as { shipments: unknown[] }).shipments
          .length > 0
          ? true
          : undefined,
      { timeoutMs: 30_000 },
    );
    await page.goto(`${admin}/orders/${c.orderId}`);
    await page.getByRole('heading', { name: 'Parcels' }).waitFor();
    const parcels = page.getByRole('region', { name: 'Parcels' });
    await expect(parcels.getByText(/PP[0-9]{9}FL/).count()).resolves.toBe(1);
    await parcels.getByRole('button', { name: 'Mark in transit' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Mark in transit' }).click();
    await waitFor(
      'the order to ship',
      async () => {
        await page.reload();
        return (await page.getByTestId('order-status').textContent()) === 'SHIPPED' ? true : undefined;
      },
      { timeoutMs: 20_000 },
    );
    await shot(page, 'admin-order-parcels');

    // delivered, then the shopper's side at 375 px with JavaScript off
    const shipment = (
      ok(await fd.asOwner(store, `/api/admin/shipments?orderId=${c.orderId}`)) as {
        items: Array<{ id: string; trackingNumber: string }>;
      }
    ).items[0]!;
    ok(
      await fd.asOwner(store, `/api/admin/shipments/${shipment.id}/status`, {
        body: { status: 'DELIVERED' },
      }),
    );
    await waitFor(
      'delivery',
      async () => ((await fd.orderOf(store.host, c)).status === 'DELIVERED' ? true : undefined),
      {
        timeoutMs: 20_000,
      },
    );
    const shopper = await browser.newContext({
      viewport: { width: 375, height: 800 },
      javaScriptEnabled: false,
    });
    const sp = await shopper.newPage();
    await sp.goto(`http://${store.host}/orders/${c.orderId}?token=${c.orderToken}`);
    await sp.getByRole('heading', { name: 'Shipping' }).waitFor();
    await expect(sp.getByRole('link', { name: shipment.trackingNumber }).count()).resolves.toBe(1);
    await sp.getByLabel(/Linen Apron/).fill('1');
    await sp.getByLabel(/Why are you returning/).fill('Too long');
    await sp.getByRole('button', { name: 'Ask to return' }).click();
    await sp.getByText('Your return request was sent to the store.').waitFor();
    await sp.getByRole('heading', { name: 'Returns' }).waitFor();
    expect(await sp.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await shot(sp, 'storefront-order-return-375-nojs');
    const returns = ok(await fd.asOwner(store, '/api/admin/returns')) as {
      items: Array<{ status: string; reason: string }>;
    };
    expect(returns.items).toEqual([expect.objectContaining({ status: 'REQUESTED', reason: 'Too long' })]);
    await shopper.close();
    await ctx.close();
  },
  180_000,
);
