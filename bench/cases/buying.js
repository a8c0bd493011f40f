// Issue 5: checkouts through the gateway to PLACED (offline provider, simulated success) with 20
// concurrent shoppers, every service its own process; and add-to-cart at 50 connections. The
// baseline for each is the platform's own trivial read in the same run (GET /api/store/info).
const { randomUUID } = require('node:crypto');
const { request } = require('undici');
const { createDb } = require('@fleet/db');
const { seedProducts } = require('@fleet/catalog');
const { createRegistryClient, signContext, CONTEXT_HEADER } = require('@fleet/tenancy');
const { startPlatform } = require('../support/platform');
const { load, summary } = require('../support/load');

const SHOPPERS = 20;
const DURATION_MS = Number(process.env.BENCH_BUY_MS ?? 15_000);

module.exports = async function buying() {
  const platform = await startPlatform({ basePort: 15000 });
  try {
    const key = platform.env('gateway').INTERNAL_SIGNING_KEY;
    const registry = createRegistryClient({
      baseUrl: platform.urlOf('tenancy'),
      signingKey: key,
      caller: 'bench',
    });
    const tenant = await registry.provision({
      slug: 'buyers',
      name: 'Buyers',
      currency: 'USD',
      country: 'US',
      plan: 'enterprise',
    });
    const catalogDb = createDb({ url: platform.databaseUrl('catalog', 'fleet_app'), max: 2 });
    const { variantIds } = await seedProducts(catalogDb, tenant.id, {
      count: 50,
      variantsPerProduct: 1,
      prefix: 'buy',
    });
    await catalogDb.close();
    const staff = signContext(
      { requestId: 'bench', tenantId: tenant.id, actor: { kind: 'staff', id: 'stf_bench' } },
      key,
    );
    for (const variantId of variantIds) {
      const res = await fetch(`${platform.urlOf('inventory')}/api/admin/inventory/${variantId}`, {
        method: 'PUT',
        headers: { [CONTEXT_HEADER]: staff, 'content-type': 'application/json' },
        body: JSON.stringify({ onHand: 1_000_000 }),
      });
      if (res.status >= 300) throw new Error(`stock for ${variantId}: ${res.status} ${await res.text()}`);
    }
    const gateway = platform.urlOf('gateway');
    const host = `${tenant.hosts[0]}:${gateway.split(':').pop()}`;
    const call = async (method, path, body, headers = {}) => {
      const res = await request(`${gateway}${path}`, {
        method,
        headers: { host, 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.body.text();
      return { status: res.statusCode, body: text ? JSON.parse(text) : null };
    };

    const latencies = [];
    let failures = 0;
    const deadline = Date.now() + DURATION_MS;
    const shopper = async (s) => {
      for (let i = 0; Date.now() < deadline; i++) {
        const cart = await call('POST', '/api/store/carts');
        await call('POST', `/api/store/carts/${cart.body.id}/items`, {
          variantId: variantIds[(s * 7 + i) % variantIds.length],
          quantity: 1,
        });
        const t0 = process.hrtime.bigint();
        const order = await call(
          'POST',
          '/api/store/checkout',
          {
            cartId: cart.body.id,
            email: `s${s}@bench.test`,
            shippingAddress: {
              name: 'Bench',
              line1: '1 Main St',
              city: 'Springfield',
              postalCode: '12345',
              country: 'US',
            },
          },
          { 'idempotency-key': randomUUID() },
        );
        if (order.status !== 201) {
          failures++;
          continue;
        }
        await call('POST', `/api/store/payments/${order.body.payment.paymentId}/simulate`, {
          outcome: 'succeeded',
        });
        for (;;) {
          const seen = await call(
            'GET',
            `/api/store/orders/${order.body.orderId}?token=${order.body.orderToken}`,
          );
          if (seen.body?.status === 'PLACED') break;
          if (Date.now() > deadline + 30_000) {
            failures++;
            break;
          }
          await new Promise((r) => setTimeout(r, 10));
        }
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: SHOPPERS }, (_, s) => shopper(s)));
    const seconds = (Date.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;

    // Add-to-cart spreads over four stores, each below its plan's rate limit (2,000/s enterprise):
    // the figure is the platform's, not the limiter's.
    const carts = [];
    for (let t = 0; t < 4; t++) {
      const store =
        t === 0
          ? tenant
          : await registry.provision({
              slug: `cartload-${t}`,
              name: `Cart load ${t}`,
              currency: 'USD',
              country: 'US',
              plan: 'enterprise',
            });
      const storeHost = `${store.hosts[0]}:${gateway.split(':').pop()}`;
      const storeDb = createDb({ url: platform.databaseUrl('catalog', 'fleet_app'), max: 1 });
      const variant =
        t === 0
          ? variantIds[0]
          : (await seedProducts(storeDb, store.id, { count: 1, variantsPerProduct: 1, prefix: `cl${t}` }))
              .variantIds[0];
      await storeDb.close();
      for (let i = 0; i < 50; i++) {
        const res = await request(`${gateway}/api/store/carts`, {
          method: 'POST',
          headers: { host: storeHost },
        });
        carts.push({
          host: storeHost,
          id: JSON.parse(await res.body.text()).id,
          body: JSON.stringify({ variantId: variant, quantity: 1 }),
        });
      }
    }
    let n = 0;
    const add = summary(
      await load({
        url: gateway,
        method: 'POST',
        body: carts[0].body,
        headers: { 'content-type': 'application/json' },
        pick: () => {
          const c = carts[n++ % carts.length];
          return { host: c.host, path: `/api/store/carts/${c.id}/items`, body: c.body };
        },
      }),
    );
    const info = summary(await load({ url: gateway, pick: () => ({ host, path: '/api/store/info' }) }));
    return [
      {
        name: `checkout -> PLACED via gateway (${SHOPPERS} shoppers, offline provider)`,
        value: `${(latencies.length / seconds).toFixed(1)} orders/s, p50 ${pct(0.5).toFixed(0)} ms, p99 ${pct(0.99).toFixed(0)} ms, ${latencies.length} orders, ${failures} failed`,
        baseline: `${Math.round(info.rps)} req/s GET /api/store/info (same run)`,
        ratio: NaN,
        target: '>= 100 orders/s, p99 < 500 ms',
      },
      {
        name: 'add-to-cart via gateway (50 conns over 4 stores)',
        value: `${Math.round(add.rps)} ok req/s, p50 ${add.p50} ms, p99 ${add.p99} ms, non-2xx ${add.errors}`,
        baseline: `${Math.round(info.rps)} req/s, p99 ${info.p99} ms (GET /api/store/info)`,
        ratio: info.rps / add.rps,
        target: '>= 2000 req/s, p99 < 30 ms',
      },
    ];
  } finally {
    await platform.stop();
  }
};
