import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { connect } from 'amqplib';
import { createEnvelope, MESSAGE_HEADERS } from '@fleet/messaging';
import { waitFor } from '@fleet/testing';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium, SCREENSHOTS } from './browser';
import { frontDoor, ok, startHostPlatform, type ProcessPlatform, type Store } from './process-platform';

/**
 * The merchant admin and the platform console in a real browser (Debian's Chromium through
 * playwright-core) on the platform as `npm start` runs it. Every call the apps make goes through
 * the gateway's public API with the session cookie, as a third-party app's would. Screenshots go
 * to tmp/screenshots/ (SCREENSHOTS_DIR=docs/screenshots refreshes the README's). Skipped with a message when /usr/bin/chromium is missing.
 */
const available = hasChromium();
if (!available)
  console.warn(`admin browser tests SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium)`);
const browserTest = available ? test : test.skip;
const SHOTS = SCREENSHOTS;
const PASSWORD = 'correct horse 1';

let platform: ProcessPlatform;
let browser: Browser;
let fd: ReturnType<typeof frontDoor>;
let port: string;
let storeA: Store;
let storeB: Store;
const slugA = `adm-a-${Date.now().toString(36)}`;
const slugB = `adm-b-${Date.now().toString(36)}`;

beforeAll(async () => {
  if (!available) return;
  mkdirSync(SHOTS, { recursive: true });
  platform = await startHostPlatform(1);
  fd = frontDoor(platform);
  port = fd.gateway.split(':').pop() as string;
  storeA = await fd.signUp(slugA);
  storeB = await fd.signUp(slugB);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The page against axe-core's WCAG 2 A/AA rules (the engine behind Lighthouse's accessibility
 * audits): no serious or critical violation. Needs a context made with `bypassCSP` (the apps'
 * CSP refuses injected scripts, as it should).
 */
async function expectAccessible(page: Page, where: string): Promise<void> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate<
    Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>
  >(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
       .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
  );
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({ where, serious }).toEqual({ where, serious: [] });
}

async function newPage(width = 1280, height = 860, bypassCSP = false): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height }, bypassCSP });
  const page = await ctx.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
  return page;
}

async function signIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor();

browserTest(
  'a merchant runs the store: sign in, stay in across a reload, a product with two variants, CSV import errors by row, an order fulfilled, shipped and partly refunded, the theme colour',
  async () => {
    const page = await newPage(1280, 860, true);
    const admin = `http://${storeA.host}/admin`;
    await page.goto(`${admin}/`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await expectAccessible(page, 'sign-in');
    await signIn(page, `${admin}/`, `owner@${slugA}.test`, PASSWORD);
    await heading(page, 'Dashboard');
    // The session survives a reload with nothing in storage and no readable cookie.
    await page.reload();
    await heading(page, 'Dashboard');
    expect(await page.evaluate('[localStorage.length, sessionStorage.length, document.cookie]')).toEqual([
      0,
      0,
      '',
    ]);

    // A product with two variants of option Size, in a collection; a bad price first, shown next
    // to its field.
    const summer = ok(
      await fd.asOwner(storeA, '/api/admin/collections', { method: 'POST', body: { title: 'Summer' } }),
    ) as { id: string };
    await page.getByRole('link', { name: 'Products', exact: true }).click();
    await heading(page, 'Products');
    await page.getByRole('link', { name: 'Add product' }).click();
    await heading(page, 'New product');
    await page.getByLabel('Title', { exact: true }).first().fill('Linen Shirt');
    await page.getByRole('group', { name: 'Collections' }).getByLabel('Summer').check();
    await page.getByLabel('Option name (optional)').fill('Size');
    const variant = (n: number) => page.getByRole('group', { name: `Variant ${n}` });
    await variant(1).getByLabel('SKU', { exact: true }).fill('LIN-S');
    await variant(1).getByLabel('Title', { exact: true }).fill('Small');
    await variant(1).getByLabel('Size', { exact: true }).fill('S');
    await variant(1).getByLabel('Price (USD)', { exact: true }).fill('49.00');
    await variant(1).getByLabel('Units in stock', { exact: true }).fill('10');
    await page.getByRole('button', { name: 'Add a variant' }).click();
    await variant(2).getByLabel('SKU', { exact: true }).fill('LIN-M');
    await variant(2).getByLabel('Title', { exact: true }).fill('Medium');
    await variant(2).getByLabel('Size', { exact: true }).fill('M');
    await variant(2).getByLabel('Price (USD)', { exact: true }).fill('forty');
    await variant(2).getByLabel('Compare-at price (USD)', { exact: true }).fill('59.00');
    await variant(2).getByLabel('Units in stock', { exact: true }).fill('10');
    await page.getByRole('button', { name: 'Create product' }).click();
    const priceField = variant(2).getByLabel('Price (USD)', { exact: true });
    await waitFor(
      'the price error next to its field',
      async () => (await priceField.getAttribute('aria-invalid')) === 'true',
      {
        timeoutMs: 15_000,
      },
    );
    expect(await variant(2).locator('.field-error').first().textContent()).toBeTruthy();
    await expectAccessible(page, 'product form with an error');
    await priceField.fill('49.00');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.getByText('Saved.').waitFor();
    expect(page.url()).toMatch(/\/admin\/products\/prod_[0-9a-z]{26}/);
    await heading(page, 'Linen Shirt');
    const saved = ok(
      await fd.asOwner(storeA, `/api/admin/products/${new URL(page.url()).pathname.split('/').pop()}`),
    ) as { options: string[]; collectionIds: string[]; variants: Array<{ sku: string; options: object }> };
    expect(saved.options).toEqual(['Size']);
    expect(saved.collectionIds).toEqual([summer.id]);
    expect(saved.variants.map((v) => [v.sku, v.options]).sort()).toEqual([
      ['LIN-M', { Size: 'M' }],
      ['LIN-S', { Size: 'S' }],
    ]);
    await shot(page, 'admin-product');

    // Inventory: each variant with its stock, on hand edited in its row, the low-stock filter.
    await page.getByRole('link', { name: 'Inventory', exact: true }).click();
    await heading(page, 'Inventory');
    const small = page.locator('tr', { hasText: 'LIN-S' });
    // Inventory makes the levels from catalog's product event: look again until they are there.
    await waitFor(
      'the levels of the new variants',
      async () => {
        if ((await small.count()) === 1) return true;
        await page.reload();
        await page.locator('table, main p.muted:not([role="status"])').first().waitFor();
        return (await small.count()) === 1;
      },
      { timeoutMs: 20_000 },
    );
    await page.getByLabel('On hand for Linen Shirt Small').fill('3');
    await page.getByRole('button', { name: 'Save on hand for Linen Shirt Small' }).click();
    await waitFor(
      'the new level in its row',
      async () => (await small.locator('td.num').first().textContent())?.startsWith('3') === true,
      { timeoutMs: 15_000 },
    );
    await page.getByLabel('Low stock only').check();
    await waitFor(
      'only the low variant',
      async () =>
        (await page.locator('tr', { hasText: 'LIN-M' }).count()) === 0 && (await small.count()) === 1,
      { timeoutMs: 15_000 },
    );
    expect(page.url()).toContain('lowStock=true');
    await shot(page, 'admin-inventory');
    await expectAccessible(page, 'inventory');

    // CSV import with one bad row: its error is shown against row 3.
    await page.goto(`${admin}/products/import`);
    await heading(page, 'Import products');
    const csv = [
      'handle,title,variant_sku,variant_title,price,currency,stock',
      'mug,Mug,MUG-1,Default,12.00,USD,5',
      'cap,Cap,CAP-1,Default,twelve,USD,5',
      'pen,Pen,PEN-1,Default,2.50,USD,5',
    ].join('\n');
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'catalog.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('2 rows imported, 1 rows failed.').waitFor({ timeout: 20_000 });
    const badRow = page.locator('tr[data-row="3"]');
    expect(await badRow.locator('th').textContent()).toBe('3');
    expect(await badRow.locator('td').first().textContent()).toBe('price');
    await shot(page, 'admin-import-errors');
    await expectAccessible(page, 'import result');

    // An order placed in the shop (through the store API) and paid in test mode.
    const products = ok(await fd.asOwner(storeA, '/api/admin/products?q=LIN-M')) as {
      items: Array<{ variants: Array<{ id: string; sku: string }> }>;
    };
    const variantId = products.items[0]?.variants.find((v) => v.sku === 'LIN-M')?.id as string;
    const order = await fd.checkout(storeA.host, variantId, 2);
    ok(
      await fd.call(storeA.host, `/api/store/payments/${order.payment.paymentId}/simulate`, {
        body: { outcome: 'succeeded' },
      }),
    );
    await waitFor(
      'the order to be PLACED',
      async () => (await fd.orderOf(storeA.host, order)).status === 'PLACED',
      {
        timeoutMs: 30_000,
      },
    );

    await page.goto(`${admin}/`);
    await heading(page, 'Dashboard');
    await page.getByRole('link', { name: order.orderId }).waitFor();
    await shot(page, 'admin-dashboard');
    await expectAccessible(page, 'dashboard');
    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    await heading(page, 'Orders');
    await expectAccessible(page, 'orders');
    // Search on the server: an e-mail start that matches nothing, then the order's number.
    await page.getByLabel('Search').fill('nobody-at-all@');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('No orders match these filters.').waitFor();
    await page.getByLabel('Search').fill(order.orderId);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await waitFor('one order found', async () => (await page.locator('tbody tr').count()) === 1, {
      timeoutMs: 15_000,
    });
    await page.getByRole('link', { name: order.orderId }).click();
    await heading(page, `Order ${order.orderId}`);
    // The saga's steps as a timeline, from the order service's stored history.
    await page.getByTestId('saga-timeline').waitFor();
    expect(await page.getByTestId('saga-timeline').locator('li').count()).toBeGreaterThan(1);
    expect(await page.getByTestId('saga-timeline').textContent()).toContain('started');
    const status = page.getByTestId('order-status');
    const act = async (button: string, fields: Record<string, string> = {}) => {
      await page.getByRole('button', { name: button, exact: true }).click();
      const dialog = page.getByRole('dialog');
      for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label).fill(value);
      await dialog
        .getByRole('button', { name: button === 'Mark delivered' ? 'Mark delivered' : button, exact: true })
        .click();
    };
    await act('Fulfil');
    await waitFor('FULFILLED', async () => (await status.textContent()) === 'FULFILLED', {
      timeoutMs: 15_000,
    });
    await act('Ship', { Carrier: 'DHL', 'Tracking number': 'JD0146000032' });
    await waitFor('SHIPPED', async () => (await status.textContent()) === 'SHIPPED', { timeoutMs: 15_000 });
    expect(await page.getByTestId('carrier').textContent()).toBe('DHL');
    expect(await page.getByTestId('tracking-number').textContent()).toBe('JD0146000032');
    // A refund over what was paid is refused: the API's problem shows in the dialog.
    await act('Refund', { 'Amount (USD)': '9999.00' });
    await page.getByRole('dialog').getByRole('alert').waitFor({ timeout: 15_000 });
    await page.getByRole('dialog').getByRole('button', { name: 'Keep as is' }).click();
    await act('Refund', { 'Amount (USD)': '10.00' });
    await waitFor(
      'the partial refund',
      async () => (await page.getByTestId('refunded').textContent())?.includes('10.00'),
      {
        timeoutMs: 20_000,
      },
    );
    await shot(page, 'admin-order');
    await expectAccessible(page, 'order');

    // The theme colour and the home's featured collection (picked among the store's collections):
    // saved through the settings API, shown to shoppers by the store's info.
    const picks = ok(
      await fd.call(storeA.host, '/api/admin/collections', {
        headers: { authorization: `Bearer ${storeA.token}` },
        body: { title: 'Staff picks' },
      }),
      201,
    ) as { slug: string };
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await heading(page, 'Settings');
    await page.getByLabel('Theme colour').fill('#aa3300');
    await page.getByLabel('Font').selectOption({ label: 'Classic serif' });
    await page.getByLabel('Featured collection').selectOption({ label: 'Staff picks' });
    await page.getByRole('button', { name: 'Save store' }).click();
    await page.getByText('Saved. The shop shows it on its next page.').waitFor();
    const info = ok(await fd.call(storeA.host, '/api/store/info')) as {
      theme: { primaryColor?: string; font?: string; featuredCollection?: string };
    };
    expect(info.theme.primaryColor?.toLowerCase()).toBe('#aa3300');
    expect(info.theme.font).toBe('serif');
    expect(info.theme.featuredCollection).toBe(picks.slug);
    await shot(page, 'admin-settings');
    await expectAccessible(page, 'settings');

    // A template override: refused with its error next to the source, previewed (nothing saved),
    // then published; the shop shows it, store B's does not.
    await page.getByRole('link', { name: 'Theme templates', exact: true }).click();
    await heading(page, 'Theme templates');
    const source = page.getByLabel('Liquid source of index');
    await source.fill('<h1>Spring sale {% if %}</h1>');
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await waitFor(
      'the Liquid error next to the source',
      async () => (await source.getAttribute('aria-invalid')) === 'true',
      {
        timeoutMs: 15_000,
      },
    );
    await source.fill('<h1 class="sale">Spring sale at {{ shop.name }}</h1>');
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page
      .frameLocator('iframe[title="Preview of index"]')
      .getByText('Spring sale at')
      .waitFor({ timeout: 15_000 });
    expect((await fd.call(storeA.host, '/')).text).not.toContain('Spring sale at');
    await shot(page, 'admin-theme-preview');
    await expectAccessible(page, 'theme templates');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Published. The shop shows it on its next page.').waitFor();
    await waitFor(
      'the shop to show the override',
      async () => (await fd.call(storeA.host, '/')).text.includes('Spring sale at'),
      {
        timeoutMs: 15_000,
      },
    );
    expect((await fd.call(storeB.host, '/')).text).not.toContain('Spring sale at');

    // Payments and domains: the keys are write-only, the TXT record to create is shown.
    await page.getByRole('link', { name: 'Payments', exact: true }).click();
    await heading(page, 'Payments');
    expect(await page.getByTestId('payment-mode').textContent()).toBe('Test mode');
    await page.getByLabel('Payment provider').selectOption('stripe');
    await page.getByLabel('Secret key (sk_…)').fill('not-a-key');
    await page.getByRole('button', { name: 'Save provider' }).click();
    await waitFor(
      'the key error next to its field',
      async () => (await page.getByLabel('Secret key (sk_…)').getAttribute('aria-invalid')) === 'true',
      { timeoutMs: 15_000 },
    );
    await expectAccessible(page, 'payments');
    await page.getByRole('link', { name: 'Domains', exact: true }).click();
    await heading(page, 'Domains');
    await page.getByLabel('Domain', { exact: true }).fill(`shop.${slugA}.example`);
    await page.getByRole('button', { name: 'Add domain' }).click();
    const domain = page.locator(`section[data-domain="shop.${slugA}.example"]`);
    await domain.getByText(/^fleet-verify=/).waitFor({ timeout: 15_000 });
    await shot(page, 'admin-domains');
    await expectAccessible(page, 'domains');
    await domain.getByRole('button', { name: `Remove shop.${slugA}.example` }).click();
    await domain.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true }).click();
    await waitFor('the domain removed', async () => (await domain.count()) === 0, { timeoutMs: 15_000 });

    // Staff: an invitation link, accepted in another browser; the new member signs in, then is removed.
    await page.getByRole('link', { name: 'Staff', exact: true }).click();
    await heading(page, 'Staff');
    await page.getByLabel('Email').fill(`helper@${slugA}.test`);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const link = await page.getByLabel('Invitation link').inputValue({ timeout: 15_000 });
    expect(link).toMatch(new RegExp(`^http://${storeA.host}/admin/accept#token=inv_`));
    await shot(page, 'admin-staff');
    await expectAccessible(page, 'staff');
    const helper = await newPage();
    await helper.goto(link);
    await heading(helper, 'Join the staff');
    await helper.getByLabel('Your name').fill('Hal Helper');
    await helper.getByLabel('Choose a password').fill('helper pass 1');
    await helper.getByRole('button', { name: 'Join' }).click();
    await helper.getByText('Welcome, Hal Helper').waitFor();
    await signIn(helper, `${admin}/`, `helper@${slugA}.test`, 'helper pass 1');
    await heading(helper, 'Dashboard');
    await page.reload();
    await heading(page, 'Staff');
    await page.getByRole('button', { name: 'Remove Hal Helper' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true }).click();
    await waitFor(
      'the member removed',
      async () => (await page.locator(`tr[data-email="helper@${slugA}.test"]`).count()) === 0,
      { timeoutMs: 15_000 },
    );
    await helper.context().close();

    // Signing out ends the session: a reload shows the sign-in form.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.context().close();
  },
  240_000,
);

browserTest(
  "a merchant of store A cannot open store B's admin with A's session",
  async () => {
    const page = await newPage();
    await signIn(page, `http://${storeA.host}/admin/`, `owner@${slugA}.test`, PASSWORD);
    await heading(page, 'Dashboard');
    // Store B's admin in the same browser: A's cookie is host-only, so B asks for a sign-in.
    await page.goto(`http://${storeB.host}/admin/`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // A's page cannot call B's session endpoint at all (the app's CSP allows only its own origin,
    // and the CSRF header would need a CORS preflight that B refuses); a cookie presented by hand is
    // no session on B either (gateway/test/identity.test.ts).
    await page.goto(`http://${storeA.host}/admin/`);
    await heading(page, 'Dashboard');
    const crossOrigin = await page.evaluate(async (b) => {
      try {
        const res = await fetch(`http://${b}/api/admin/session/refresh`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'x-csrf': '1' },
        });
        return `answered ${res.status}`;
      } catch {
        return 'blocked';
      }
    }, storeB.host);
    expect(crossOrigin).toBe('blocked');
    // The staff member of A signing in on B with A's password is refused: no such staff there.
    await signIn(page, `http://${storeB.host}/admin/`, `owner@${slugA}.test`, PASSWORD);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('incorrect');
    await page.context().close();
  },
  120_000,
);

browserTest(
  'the admin works on a 375 px phone screen',
  async () => {
    const page = await newPage(375, 760);
    await signIn(page, `http://${storeA.host}/admin/orders`, `owner@${slugA}.test`, PASSWORD);
    await heading(page, 'Orders');
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'admin-phone');
    // The product form (categories, collections, options) fits too.
    await page.goto(`http://${storeA.host}/admin/products/new`);
    await heading(page, 'New product');
    await page.getByRole('group', { name: 'Collections' }).waitFor();
    expect(
      await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'admin-product-form-phone.png'), fullPage: true });
    await page.context().close();
  },
  120_000,
);

browserTest(
  'a platform admin suspends a store with a reason and resumes it',
  async () => {
    const page = await newPage(1280, 860, true);
    const env = platform.env('gateway');
    await signIn(
      page,
      `http://console.localhost:${port}/`,
      env.PLATFORM_ADMIN_EMAIL as string,
      env.PLATFORM_ADMIN_PASSWORD as string,
    );
    await heading(page, 'Tenants');
    await page.getByLabel('Search').fill(slugA);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: `Store ${slugA}` }).click();
    await heading(page, `Store ${slugA}`);
    await shot(page, 'console-tenant');
    await expectAccessible(page, 'console tenant');
    const status = page.getByTestId('tenant-status');
    await page.getByRole('button', { name: 'Suspend store' }).click();
    await page.getByRole('dialog').getByLabel('Reason').fill('Chargebacks under review');
    await page.getByRole('dialog').getByRole('button', { name: 'Suspend store' }).click();
    await waitFor('suspended', async () => (await status.textContent()) === 'suspended', {
      timeoutMs: 15_000,
    });
    await waitFor(
      'the shop to answer 503',
      async () => (await fd.call(storeA.host, '/api/store/products')).status === 503,
      {
        timeoutMs: 15_000,
      },
    );
    await page.getByRole('button', { name: 'Resume store' }).click();
    await page.getByRole('dialog').getByLabel('Reason').fill('Review closed');
    await page.getByRole('dialog').getByRole('button', { name: 'Resume store' }).click();
    await waitFor('active', async () => (await status.textContent()) === 'active', { timeoutMs: 15_000 });
    await waitFor(
      'the shop to answer again',
      async () => (await fd.call(storeA.host, '/api/store/products')).status === 200,
      {
        timeoutMs: 15_000,
      },
    );
    await page.goto(`http://console.localhost:${port}/?status=active`);
    await heading(page, 'Tenants');
    await shot(page, 'console-tenants');
    await expectAccessible(page, 'console tenants');
    await page.context().close();
  },
  120_000,
);

/** A platform admin's access token through the console's API (for checks beside the browser). */
async function adminToken(): Promise<string> {
  const env = platform.env('gateway');
  const login = await fd.call(`console.localhost:${port}`, '/api/platform/auth/login', {
    body: { email: env.PLATFORM_ADMIN_EMAIL, password: env.PLATFORM_ADMIN_PASSWORD },
  });
  return (ok(login) as { accessToken: string }).accessToken;
}

/**
 * A dead letter as a consumer leaves one after its last failed attempt: a valid event with the
 * failure headers, in tenancy's usage DLQ (the cause is "fixed" already, so a replay succeeds).
 */
async function deadLetterFor(tenantId: string): Promise<string> {
  const env = platform.env('tenancy');
  const queue = `${env.AMQP_PREFIX}tenancy.usage`;
  const event = createEnvelope({ requestId: 'e2e', tenantId }, { type: 'product.created', data: {} });
  const connection = await connect(env.AMQP_URL as string);
  try {
    const channel = await connection.createConfirmChannel();
    channel.sendToQueue(`${queue}.dlq`, Buffer.from(JSON.stringify(event)), {
      persistent: true,
      messageId: event.id,
      contentType: 'application/json',
      headers: {
        [MESSAGE_HEADERS.error]: 'usage store unavailable (simulated outage)',
        [MESSAGE_HEADERS.attempts]: 5,
        [MESSAGE_HEADERS.failedAt]: new Date().toISOString(),
        [MESSAGE_HEADERS.consumer]: queue,
        [MESSAGE_HEADERS.originalRoutingKey]: event.type,
      },
    });
    await channel.waitForConfirms();
  } finally {
    await connection.close();
  }
  return event.id;
}

browserTest(
  'a platform admin replays a dead letter and opens /queues; a merchant session and no session get 401/403 there',
  async () => {
    const consoleHost = `console.localhost:${port}`;
    const token = await adminToken();
    const bearer = { authorization: `Bearer ${token}` };
    const found = ok(await fd.call(consoleHost, `/api/platform/tenants?q=${slugB}`, { headers: bearer })) as {
      items: Array<{ id: string }>;
    };
    const tenantId = found.items[0]!.id;
    const products = async () =>
      (
        ok(await fd.call(consoleHost, `/api/platform/tenants/${tenantId}`, { headers: bearer })) as {
          usage: { products: number };
        }
      ).usage.products;
    const before = await products();
    const messageId = await deadLetterFor(tenantId);

    const page = await newPage(1280, 860, true);
    const env = platform.env('gateway');
    await signIn(
      page,
      `http://${consoleHost}/dead-letters`,
      env.PLATFORM_ADMIN_EMAIL as string,
      env.PLATFORM_ADMIN_PASSWORD as string,
    );
    await heading(page, 'Dead letters');
    const row = page.getByRole('row').filter({ hasText: messageId });
    await row.getByText('usage store unavailable (simulated outage)').waitFor();
    await shot(page, 'console-dead-letters');
    await expectAccessible(page, 'console dead letters');
    // At 375 px the list fits the screen (the table scrolls inside itself, the page does not).
    const phone = await newPage(375, 800);
    await signIn(
      phone,
      `http://${consoleHost}/dead-letters`,
      env.PLATFORM_ADMIN_EMAIL as string,
      env.PLATFORM_ADMIN_PASSWORD as string,
    );
    await phone.getByRole('row').filter({ hasText: messageId }).waitFor();
    expect(
      await phone.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);
    await shot(phone, 'console-phone');
    await phone.context().close();
    await row.getByRole('link', { name: 'product.created' }).click();
    await heading(page, 'Dead letter: product.created');
    await expect(page.getByTestId('dead-letter-error').textContent()).resolves.toMatch(/simulated outage/);
    await shot(page, 'console-dead-letter');
    await expectAccessible(page, 'console dead letter');
    await page.getByRole('link', { name: '← All dead letters' }).click();
    await heading(page, 'Dead letters');
    await page.getByRole('checkbox', { name: new RegExp(messageId) }).check();
    await page.getByRole('button', { name: 'Replay selected (1)' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Replay' }).click();
    await page.getByText('Replayed 1 dead letter').waitFor();
    // Delivered to its consumer again, and handled this time: the store's product count moves.
    await waitFor(
      'the replayed event counted',
      async () => ((await products()) === before + 1 ? true : undefined),
      {
        timeoutMs: 15_000,
      },
    );
    await page.getByRole('row').filter({ hasText: messageId }).waitFor({ state: 'detached' });

    // The job dashboard: from the console's navigation, on the console's own session.
    await page.getByRole('button', { name: 'Job dashboard' }).click();
    await page.waitForURL(`http://${consoleHost}/queues/**`);
    await page.getByText('search-reindex').first().waitFor({ timeout: 15_000 });
    await shot(page, 'console-queues');
    await page.context().close();

    // No session: 401 on every /queues path, never the dashboard.
    const anonymous = await newPage();
    const bare = await anonymous.goto(`http://${consoleHost}/queues/`);
    expect(bare?.status()).toBe(401);
    expect(await anonymous.content()).not.toMatch(/search-reindex/);
    await anonymous.context().close();
    // A merchant's session: its token opens no ticket, and its cookie is no pass.
    const merchant = await newPage();
    await signIn(merchant, `http://${storeA.host}/admin/`, `owner@${slugA}.test`, PASSWORD);
    await heading(merchant, 'Dashboard');
    const ticket = await fd.call(consoleHost, '/api/platform/queues/ticket', {
      method: 'POST',
      headers: { authorization: `Bearer ${storeA.token}` },
    });
    expect([401, 403]).toContain(ticket.status);
    const there = await merchant.goto(`http://${consoleHost}/queues/`);
    expect(there?.status()).toBe(401);
    const onStore = await merchant.goto(`http://${storeA.host}/queues/`);
    expect(onStore?.status()).toBe(404);
    expect(await merchant.content()).not.toMatch(/search-reindex/);
    await merchant.context().close();
  },
  180_000,
);

browserTest(
  'the accessibility check fails on an unlabelled field (it can fail)',
  async () => {
    const page = await newPage(800, 600, true);
    await page.setContent(
      '<!doctype html><html lang="en"><title>t</title><main><input type="text"></main></html>',
    );
    await expect(expectAccessible(page, 'bad page')).rejects.toThrow(/label/);
    await page.context().close();
  },
  60_000,
);
