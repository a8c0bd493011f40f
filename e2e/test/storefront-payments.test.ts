import { createHmac } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import {
  requestAs,
  startRazorpayStandIn,
  startStripeStandIn,
  waitFor,
  type RazorpayStandIn,
  type StripeStandIn,
} from '@fleet/testing';
import { frontDoor, ok, startHostPlatform, type ProcessPlatform, type Store } from './process-platform';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium } from './browser';
import { seedProduct, Shopper, type SeededProduct } from './storefront-support';

/**
 * The order page's online payment (issue 15) through the gateway on the host: a Stripe store's
 * page mounts the Payment Element with its keys (CSP opened to Stripe on that page only), a
 * Razorpay store's page carries Checkout's options, and Checkout's signed answer posted to the
 * storefront confirms the payment at payment (a forged one is refused on the page). The providers'
 * own scripts (js.stripe.com, checkout.razorpay.com) cannot load here: their API is the stand-in.
 */
let platform: ProcessPlatform;
let fd: ReturnType<typeof frontDoor>;
let stripe: StripeStandIn;
let razorpay: RazorpayStandIn;
let stripeStore: Store;
let razorStore: Store;
let stripeProduct: SeededProduct;
let razorProduct: SeededProduct;

const STRIPE_KEYS = {
  secretKey: 'sk_test_sfPayStripe0001',
  publishableKey: 'pk_test_sfPayStripe0001',
  webhookSecret: 'whsec_sfPayStripe0001',
};
const RAZOR_KEYS = {
  keyId: 'rzp_test_sfPayRazor01',
  keySecret: 'sfPayRazorSecret0001',
  webhookSecret: 'sf-pay-wh',
};

beforeAll(async () => {
  [stripe, razorpay] = await Promise.all([startStripeStandIn(), startRazorpayStandIn()]);
  platform = await startHostPlatform(1, {
    payment: { STRIPE_API_BASE: stripe.url, RAZORPAY_API_BASE: razorpay.url },
  });
  fd = frontDoor(platform);
  [stripeStore, razorStore] = await Promise.all([fd.signUp('pay-stripe'), fd.signUp('pay-razor')]);
  // No webhooks: only the storefront's confirmation can settle a Razorpay payment in these tests.
  stripe.addAccount(STRIPE_KEYS);
  razorpay.addAccount(RAZOR_KEYS);
  ok(
    await fd.asOwner(stripeStore, '/api/admin/settings/payments', {
      method: 'PUT',
      body: { provider: 'stripe', credentials: STRIPE_KEYS },
    }),
  );
  ok(
    await fd.asOwner(razorStore, '/api/admin/settings/payments', {
      method: 'PUT',
      body: { provider: 'razorpay', credentials: RAZOR_KEYS },
    }),
  );
  [stripeProduct, razorProduct] = await Promise.all([
    seedProduct(platform, stripeStore, 'Cobalt Kettle'),
    seedProduct(platform, razorStore, 'Saffron Throw'),
  ]);
}, 180_000);
afterAll(async () => {
  await platform?.stop();
  await Promise.all([stripe?.close(), razorpay?.close()]);
});

/** A shopper on the store's host adds the product and checks out with forms; answers the order page. */
async function placeOrder(store: Store, product: SeededProduct) {
  const s = new Shopper(fd.gateway, store.host);
  await s.get(`/products/${product.slug}`);
  const added = await s.post('/cart/add', { variantId: product.variants[0]!.id, quantity: '1' });
  expect(added.status).toBe(303);
  const form = await s.get('/checkout');
  const placed = await s.post('/checkout', {
    idempotencyKey: /name="idempotencyKey" value="([^"]+)"/.exec(form.text)?.[1] ?? '',
    email: 'ada@example.com',
    name: 'Ada Lovelace',
    line1: '1 Main St',
    city: 'Pune',
    postalCode: '411001',
    country: 'IN',
  });
  expect(placed.status).toBe(303);
  const location = String(placed.headers.location);
  const orderId = /^\/orders\/(ord_[A-Za-z0-9]+)\?placed=1$/.exec(location)?.[1] as string;
  expect(orderId).toBeDefined();
  const page = await s.get(location);
  expect(page.status).toBe(200);
  return { s, orderId, page };
}

const csp = (res: { headers: Record<string, unknown> }) => String(res.headers['content-security-policy']);
const attr = (html: string, name: string) =>
  new RegExp(`${name}="([^"]*)"`).exec(html)?.[1]?.replaceAll('&amp;', '&');

test("a Stripe store's order page mounts the Payment Element with its publishable key and the PaymentIntent's client secret; only that page's CSP allows Stripe", async () => {
  const { s, orderId, page } = await placeOrder(stripeStore, stripeProduct);
  expect(page.text).toContain('id="stripe-payment"');
  expect(attr(page.text, 'data-publishable-key')).toBe(STRIPE_KEYS.publishableKey);
  const clientSecret = attr(page.text, 'data-client-secret') as string;
  const intentId = /^(pi_[A-Za-z0-9]+)_secret_/.exec(clientSecret)?.[1] as string;
  // The secret is the one Stripe holds for this order's PaymentIntent.
  const intent = (await (
    await fetch(`${stripe.url}/v1/payment_intents/${intentId}`, {
      headers: { authorization: `Bearer ${STRIPE_KEYS.secretKey}` },
    })
  ).json()) as { client_secret: string; metadata: Record<string, string> };
  expect(intent.client_secret).toBe(clientSecret);
  expect(JSON.stringify(intent.metadata)).toContain(orderId);
  expect(attr(page.text, 'data-return-url')).toBe(`http://${stripeStore.host}/orders/${orderId}`);
  expect(page.text).toContain('<script src="https://js.stripe.com/v3" defer></script>');
  const ours = /<script src="(\/assets\/stripe-payment\.js\?v=[^"]+)" defer><\/script>/.exec(page.text)?.[1];
  expect(ours).toBeDefined();
  // With JavaScript off: the form stays hidden, the page says why, the order is kept (cancel stays).
  expect(page.text).toMatch(/<form id="stripe-payment" hidden/);
  expect(page.text).toMatch(/<noscript><p class="notice">Paying by card needs JavaScript/);
  expect(page.text).toContain(`action="/orders/${orderId}/cancel"`);
  expect(page.text).not.toContain('is not available on this page yet');

  const policy = csp(page);
  expect(policy).toContain("script-src 'self' https://js.stripe.com;");
  expect(policy).toMatch(/frame-src [^;]*https:\/\/js\.stripe\.com/);
  expect(policy).toContain("connect-src 'self' https://api.stripe.com;");
  expect(policy).not.toContain('razorpay');
  for (const path of ['/', `/products/${stripeProduct.slug}`, '/cart', '/account/login']) {
    const other = await s.get(path);
    expect([path, other.status]).toEqual([path, 200]);
    expect(csp(other)).not.toContain('stripe.com');
    expect(csp(other)).toContain("script-src 'self';");
  }

  // Our script stays small: theme.js + stripe-payment.js well inside the page's 30 KB budget.
  const asset = await requestAs(stripeStore.host, `${fd.gateway}${ours}`);
  expect(asset.status).toBe(200);
  expect(asset.headers['content-type']).toContain('text/javascript');
  expect(asset.text).toContain('confirmPayment');
  expect(gzipSync(asset.text).length).toBeLessThan(2_048);
});

test("back from Stripe's page (return_url with redirect_status), the order page asks payment to sync and shows the order placed without waiting for the webhook", async () => {
  const { s, orderId, page } = await placeOrder(stripeStore, stripeProduct);
  const clientSecret = attr(page.text, 'data-client-secret') as string;
  const intentId = /^(pi_[A-Za-z0-9]+)_secret_/.exec(clientSecret)?.[1] as string;
  // The shopper pays at Stripe; this account has no webhook, so only a sync can tell payment.
  await stripe.pay(intentId, 'succeeded');
  const plain = await s.get(`/orders/${orderId}`);
  expect(plain.text).toContain('Awaiting payment');
  const back = await s.get(
    `/orders/${orderId}?payment_intent=${intentId}&payment_intent_client_secret=${clientSecret}&redirect_status=succeeded`,
  );
  expect(back.status).toBe(200);
  expect(back.text).toContain('Placed: paid and confirmed');
  expect(back.text).not.toContain('id="stripe-payment"');
  expect(csp(back)).not.toContain('stripe.com');

  // A return without paying (declined at Stripe, or a hand-typed URL) changes nothing.
  const unpaid = await placeOrder(stripeStore, stripeProduct);
  const again = await unpaid.s.get(`/orders/${unpaid.orderId}?redirect_status=failed`);
  expect(again.status).toBe(200);
  expect(again.text).toContain('Awaiting payment');
  expect(again.text).toContain('id="stripe-payment"');
  // Another shopper cannot use the return to reach this order.
  const stranger = new Shopper(fd.gateway, stripeStore.host);
  const foreign = await stranger.get(`/orders/${unpaid.orderId}?redirect_status=succeeded`);
  expect(foreign.status).toBe(404);
});

test("a Razorpay store's order page carries Checkout's options; a forged answer is refused on the page, the signed one confirms the order to PLACED", async () => {
  const { s, orderId, page } = await placeOrder(razorStore, razorProduct);
  const rzpOrders = (await (
    await fetch(`${razorpay.url}/v1/orders?receipt=${orderId}`, {
      headers: {
        authorization: `Basic ${Buffer.from(`${RAZOR_KEYS.keyId}:${RAZOR_KEYS.keySecret}`).toString('base64')}`,
      },
    })
  ).json()) as { items: Array<{ id: string; amount: number; currency: string }> };
  const rzpOrder = rzpOrders.items[0]!;
  const form = /<form id="razorpay-payment"[^>]*>/.exec(page.text)?.[0] ?? '';
  expect({
    key: attr(form, 'data-key-id'),
    order: attr(form, 'data-order-id'),
    amount: attr(form, 'data-amount'),
    currency: attr(form, 'data-currency'),
    name: attr(form, 'data-name'),
    email: attr(form, 'data-email'),
    action: attr(form, 'action'),
  }).toEqual({
    key: RAZOR_KEYS.keyId,
    order: rzpOrder.id,
    amount: String(rzpOrder.amount),
    currency: rzpOrder.currency,
    name: 'Store pay-razor',
    email: 'ada@example.com',
    action: `/orders/${orderId}/razorpay`,
  });
  expect(page.text).toContain('<script src="https://checkout.razorpay.com/v1/checkout.js" defer></script>');
  expect(page.text).toMatch(/<script src="\/assets\/razorpay-payment\.js\?v=[^"]+" defer><\/script>/);
  expect(page.text).toMatch(/<noscript><p class="notice">Paying with Razorpay needs JavaScript/);
  expect(csp(page)).toContain("script-src 'self' https://checkout.razorpay.com;");
  expect(csp(page)).not.toContain('stripe.com');
  expect(csp(await s.get('/cart'))).not.toContain('razorpay');

  // The shopper pays at Razorpay; Checkout hands back the payment id and the key-secret signature.
  await s.get(`/orders/${orderId}`);
  const paid = await razorpay.pay(rzpOrder.id, 'succeeded');
  const signature = createHmac('sha256', RAZOR_KEYS.keySecret)
    .update(`${rzpOrder.id}|${paid.paymentId}`)
    .digest('hex');
  const forged = await s.post(`/orders/${orderId}/razorpay`, {
    razorpay_order_id: rzpOrder.id,
    razorpay_payment_id: paid.paymentId,
    razorpay_signature: createHmac('sha256', 'not-the-secret')
      .update(`${rzpOrder.id}|${paid.paymentId}`)
      .digest('hex'),
  });
  expect(forged.status).toBe(400);
  expect(forged.text).toContain('The payment answer could not be verified');
  expect(forged.text).toContain('Awaiting payment');
  expect((await s.get(`/orders/${orderId}`)).text).toContain('Awaiting payment');

  // Without the page's CSRF token nothing is forwarded.
  const noCsrf = await s.post(`/orders/${orderId}/razorpay`, {
    _csrf: '',
    razorpay_order_id: rzpOrder.id,
    razorpay_payment_id: paid.paymentId,
    razorpay_signature: signature,
  });
  expect(noCsrf.status).toBe(403);
  expect((await s.get(`/orders/${orderId}`)).text).toContain('Awaiting payment');

  const confirmed = await s.post(`/orders/${orderId}/razorpay`, {
    razorpay_order_id: rzpOrder.id,
    razorpay_payment_id: paid.paymentId,
    razorpay_signature: signature,
  });
  expect([confirmed.status, confirmed.headers.location]).toEqual([303, `/orders/${orderId}`]);
  await waitFor(
    'the order page to show PLACED',
    async () =>
      (await s.get(`/orders/${orderId}`)).text.includes('Placed: paid and confirmed') ? true : undefined,
    { timeoutMs: 10_000 },
  );
  const after = await s.get(`/orders/${orderId}`);
  expect(after.text).not.toContain('id="razorpay-payment"');
  expect(csp(after)).not.toContain('razorpay');
});

test("another store's order id is a 404 on this store's host, for the page and the confirmation", async () => {
  const { orderId } = await placeOrder(razorStore, razorProduct);
  const stranger = new Shopper(fd.gateway, stripeStore.host);
  const page = await stranger.get(`/orders/${orderId}`);
  expect(page.status).toBe(404);
  expect(page.text).not.toContain('razorpay');
  await stranger.get(`/products/${stripeProduct.slug}`);
  const post = await stranger.post(`/orders/${orderId}/razorpay`, {
    razorpay_order_id: 'order_x',
    razorpay_payment_id: 'pay_x',
    razorpay_signature: '0'.repeat(64),
  });
  expect(post.status).toBe(404);
  // And a shopper of the same store without the order's token sees no order either.
  const nosy = new Shopper(fd.gateway, razorStore.host);
  expect((await nosy.get(`/orders/${orderId}`)).status).toBe(404);
});

/**
 * Our scripts in a real browser (Chromium, skipped when missing). The providers' scripts cannot
 * load here, so the browser is served a minimal stand-in for each at the provider's own URL (the
 * page's CSP must let it run): it records what our script hands it and answers as the provider's
 * documented API does.
 */
const browserTest = hasChromium() ? test : test.skip;

async function browserShopper(s: Shopper, javaScriptEnabled = true) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const ctx = await browser.newContext({ javaScriptEnabled });
  await ctx.addCookies(
    ['sf_sid', 'sf_orders', 'sf_cart']
      .filter((name) => s.cookie(name))
      .map((name) => ({ name, value: s.cookie(name) as string, url: `http://${s.host}` })),
  );
  const page = await ctx.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (err) => errors.push(err));
  return { browser, page, errors };
}

const FAKE_STRIPE = `window.Stripe = function (key) {
  return {
    elements: function (options) {
      sessionStorage.setItem('stripe', JSON.stringify({ key: key, clientSecret: options.clientSecret }));
      return { create: function () { return { mount: function (at) { document.querySelector(at).textContent = 'card fields'; } }; } };
    },
    confirmPayment: function (args) {
      sessionStorage.setItem('confirm', args.confirmParams.return_url);
      location.href = args.confirmParams.return_url + '?redirect_status=succeeded';
      return new Promise(function () {});
    },
  };
};`;

browserTest(
  "in a browser: stripe-payment.js mounts the element with the page's key and secret and confirms back to the order page; without Stripe.js or JavaScript the page explains",
  async () => {
    const { s, orderId, page: html } = await placeOrder(stripeStore, stripeProduct);
    const { browser, page, errors } = await browserShopper(s);
    try {
      await page.route('https://js.stripe.com/v3', (route) =>
        route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_STRIPE }),
      );
      const orderUrl = `http://${stripeStore.host}/orders/${orderId}`;
      await page.goto(orderUrl);
      await page.getByText('card fields').waitFor({ timeout: 10_000 });
      await page.getByRole('button', { name: /^Pay / }).click();
      await page.waitForURL(`${orderUrl}?redirect_status=succeeded`);
      expect(
        JSON.parse((await page.evaluate<string | null>("sessionStorage.getItem('stripe')")) ?? '{}'),
      ).toEqual({
        key: STRIPE_KEYS.publishableKey,
        clientSecret: attr(html.text, 'data-client-secret'),
      });
      expect(await page.evaluate<string | null>("sessionStorage.getItem('confirm')")).toBe(orderUrl);
      expect(errors).toEqual([]);

      // Stripe.js unreachable: the form says so instead of failing silently.
      await page.unroute('https://js.stripe.com/v3');
      await page.route('https://js.stripe.com/v3', (route) => route.abort());
      await page.goto(orderUrl);
      await page.getByText('The card form could not load').waitFor({ timeout: 10_000 });
    } finally {
      await browser.close();
    }
    const off = await browserShopper(s, false);
    try {
      await off.page.goto(`http://${stripeStore.host}/orders/${orderId}`);
      // Playwright's text matching skips <noscript>: read the note itself.
      const note = off.page.locator('noscript .notice');
      expect(await note.textContent()).toContain('Paying by card needs JavaScript');
      expect(await note.isVisible()).toBe(true);
      expect(await off.page.locator('#stripe-payment').isVisible()).toBe(false);
      expect(await off.page.getByRole('button', { name: 'Cancel this order' }).isVisible()).toBe(true);
    } finally {
      await off.browser.close();
    }
  },
  60_000,
);

browserTest(
  "in a browser: razorpay-payment.js opens Checkout with the page's options and posts its signed answer, and the order is PLACED",
  async () => {
    const { s, orderId } = await placeOrder(razorStore, razorProduct);
    const rzpOrder = (
      (await (
        await fetch(`${razorpay.url}/v1/orders?receipt=${orderId}`, {
          headers: {
            authorization: `Basic ${Buffer.from(`${RAZOR_KEYS.keyId}:${RAZOR_KEYS.keySecret}`).toString('base64')}`,
          },
        })
      ).json()) as { items: Array<{ id: string }> }
    ).items[0]!.id;
    const paid = await razorpay.pay(rzpOrder, 'succeeded');
    const answer = {
      razorpay_order_id: rzpOrder,
      razorpay_payment_id: paid.paymentId,
      razorpay_signature: createHmac('sha256', RAZOR_KEYS.keySecret)
        .update(`${rzpOrder}|${paid.paymentId}`)
        .digest('hex'),
    };
    const fake = `window.Razorpay = function (options) {
      this.on = function () {};
      this.open = function () {
        sessionStorage.setItem('razorpay', JSON.stringify({ key: options.key, order: options.order_id,
          amount: options.amount, currency: options.currency, name: options.name, email: options.prefill.email }));
        options.handler(${JSON.stringify(answer)});
      };
    };`;
    const { browser, page, errors } = await browserShopper(s);
    try {
      await page.route('https://checkout.razorpay.com/v1/checkout.js', (route) =>
        route.fulfill({ status: 200, contentType: 'text/javascript', body: fake }),
      );
      const orderUrl = `http://${razorStore.host}/orders/${orderId}`;
      await page.goto(orderUrl);
      await page.getByRole('button', { name: /^Pay / }).click();
      await page.waitForURL(orderUrl);
      await page.getByText('Placed: paid and confirmed').waitFor({ timeout: 15_000 });
      expect(
        JSON.parse((await page.evaluate<string | null>("sessionStorage.getItem('razorpay')")) ?? '{}'),
      ).toEqual({
        key: RAZOR_KEYS.keyId,
        order: rzpOrder,
        amount: 3_900,
        currency: 'USD',
        name: 'Store pay-razor',
        email: 'ada@example.com',
      });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  },
  60_000,
);
