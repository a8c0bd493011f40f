// Issue 5: checkouts through the gateway to PLACED (offline provider, simulated success) with 20
// concurrent shoppers, and add-to-cart at 50 connections; measured on each layout of the platform:
// the host (every service in each of one worker process per core, what `npm start` runs) and a
// process per service (as Kubernetes runs it). BENCH_LAYOUT=host or =services measures one. The
// baseline for each is the platform's own trivial read in the same run (GET /api/store/info).
// A shopper learns that its order is PLACED from the `order.placed` event on the platform's
// exchange (a transient queue of this process), not by polling the order: polling loaded the
// gateway and order with reads that no real shopper makes at that rate. The time to PLACED so
// includes the order's outbox relay, which is conservative. The CPU each process (and each
// platform database's Postgres backends) spent per order is reported beside the rate, since on a
// shared machine the rate moves with everything else that runs. Postgres round trips per order
// are counted too (support/round-trip-hook.js in every process): a count does not drift.
const { randomUUID } = require('node:crypto');
const { availableParallelism } = require('node:os');
const { request } = require('undici');
const { createDb } = require('@fleet/db');
const { seedProducts } = require('@fleet/catalog/testing');
const { createLogger } = require('@fleet/logger');
const { createBroker } = require('@fleet/messaging');
const { createRegistryClient, signContext, CONTEXT_HEADER } = require('@fleet/tenancy');
const { dbUrl } = require('../../scripts/dev-env');
const { cpuSnapshot, postgresCpu, perOperation, formatBreakdown, sharedServers } = require('../support/cpu');
const { startPlatform } = require('../support/platform');
const { roundTripCounting, formatRoundTrips } = require('../support/round-trips');
const { load, summary } = require('../support/load');

const SHOPPERS = Number(process.env.BENCH_SHOPPERS ?? 20);
const DURATION_MS = Number(process.env.BENCH_BUY_MS ?? 15_000);
/** BENCH_BUY_CHECKOUT_ONLY=1 skips the add-to-cart load (profiling runs of the checkout alone). */
const CHECKOUT_ONLY = process.env.BENCH_BUY_CHECKOUT_ONLY === '1';
const LAYOUTS = (process.env.BENCH_LAYOUT ?? 'host,services').split(',');
const WORKERS = Number(process.env.BENCH_HOST_WORKERS) || availableParallelism();
/** Postgres round trips per order are counted in every platform process unless BENCH_ROUND_TRIPS=0. */
const ROUND_TRIPS = process.env.BENCH_ROUND_TRIPS !== '0';

module.exports = async function buying() {
  const rows = [];
  for (const layout of LAYOUTS) {
    const label = layout === 'host' ? `host, ${WORKERS} workers` : 'a process per service';
    for (const row of await buyingOn(layout)) rows.push({ ...row, name: `${row.name} [${label}]` });
  }
  return rows;
};

async function buyingOn(layout) {
  if (layout !== 'host' && layout !== 'services') throw new Error(`BENCH_LAYOUT: unknown layout ${layout}`);
  const counting = ROUND_TRIPS ? roundTripCounting() : undefined;
  const platform = await startPlatform({
    basePort: Number(process.env.BENCH_BASE_PORT) || 15000,
    host: layout === 'host' ? { workers: WORKERS } : undefined,
    preload: counting?.preload,
  });
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
    for (const variantId of variantIds) {
      const path = `/api/admin/inventory/${variantId}`;
      const staff = signContext(
        { requestId: 'bench', tenantId: tenant.id, actor: { kind: 'staff', id: 'stf_bench' } },
        key,
        { audience: 'inventory', method: 'PUT', path },
      );
      const res = await fetch(`${platform.urlOf('inventory')}${path}`, {
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

    const placed = await watchPlaced(platform);
    const latencies = [];
    /** Where the time goes: the checkout call, the simulate call, then waiting for order.placed. */
    const phases = { checkout: [], simulate: [], toPlaced: [] };
    let failures = 0;
    /** Why checkouts failed, `{reason: count}`, shown beside the count. */
    const reasons = {};
    const failed = (reason) => {
      failures++;
      reasons[reason] = (reasons[reason] ?? 0) + 1;
    };
    const tripsBefore = await counting?.read(platform.databasePrefix);
    const cpuBefore = await cpuReadings(platform);
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
          failed(`checkout ${order.status} ${order.body?.code ?? ''}`.trim());
          continue;
        }
        placed.last = { orderId: order.body.orderId, orderToken: order.body.orderToken };
        const t1 = process.hrtime.bigint();
        await call('POST', `/api/store/payments/${order.body.payment.paymentId}/simulate`, {
          outcome: 'succeeded',
        });
        const t2 = process.hrtime.bigint();
        const placedAt = await placed.wait(order.body.orderId, deadline + 30_000);
        if (placedAt === null) {
          failed('no order.placed');
          continue;
        }
        latencies.push(Number(placedAt - t0) / 1e6);
        phases.checkout.push(Number(t1 - t0) / 1e6);
        phases.simulate.push(Number(t2 - t1) / 1e6);
        phases.toPlaced.push(Number(placedAt - t2) / 1e6);
      }
    };
    const started = Date.now();
    const phaseStart = process.hrtime.bigint() / 1000n;
    await Promise.all(Array.from({ length: SHOPPERS }, (_, s) => shopper(s)));
    // Profiles (BENCH_NODE_ARGS=--cpu-prof) share this monotonic clock: the window to look at.
    if (process.env.BENCH_NODE_ARGS)
      process.stderr.write(`bench: checkout phase ${phaseStart}..${process.hrtime.bigint() / 1000n} µs\n`);
    const seconds = (Date.now() - started) / 1000;
    const cpuPerOrder = perOperation(cpuBefore, await cpuReadings(platform), latencies.length);
    const tripsAfter = await counting?.read(platform.databasePrefix);
    await placed.stop();
    const seen = await call(
      'GET',
      `/api/store/orders/${placed.last.orderId}?token=${placed.last.orderToken}`,
    ).catch(() => null);
    if (placed.last.orderId && seen?.body?.status !== 'PLACED' && seen?.body?.status !== 'FULFILLED')
      throw new Error(`order ${placed.last.orderId} reads ${seen?.body?.status} after order.placed`);
    latencies.sort((a, b) => a - b);
    const pctOf = (list, p) => {
      const sorted = [...list].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
    };
    const pct = (p) => pctOf(latencies, p);
    const phase = (name) =>
      `${name} p50 ${pctOf(phases[name], 0.5).toFixed(0)}/p99 ${pctOf(phases[name], 0.99).toFixed(0)} ms`;
    const checkoutRows = [
      {
        name: `checkout -> PLACED via gateway (${SHOPPERS} shoppers, offline provider)`,
        value: `${(latencies.length / seconds).toFixed(1)} orders/s, p50 ${pct(0.5).toFixed(0)} ms, p99 ${pct(0.99).toFixed(0)} ms, ${latencies.length} orders, ${failures} failed${failures ? ` (${JSON.stringify(reasons)})` : ''}`,
        baseline: '',
        ratio: NaN,
        target: '>= 100 orders/s, p99 < 500 ms',
      },
      {
        name: 'checkout -> PLACED by phase (same orders)',
        value: `${phase('checkout')}, ${phase('simulate')}, ${phase('toPlaced')} (webhook, relays, saga)`,
        baseline: '',
        ratio: NaN,
        target: 'info',
      },
      {
        name: 'CPU per placed order, by process (utime+stime)',
        value: formatBreakdown(cpuPerOrder),
        baseline: '',
        ratio: NaN,
        target: 'lower is better',
      },
      ...(tripsAfter
        ? [
            {
              name: 'Postgres round trips per placed order, by database (counted)',
              value: formatRoundTrips(tripsBefore, tripsAfter, latencies.length),
              baseline: '',
              ratio: NaN,
              target: 'count (includes idle polling)',
            },
          ]
        : []),
    ];
    if (CHECKOUT_ONLY) return checkoutRows;

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
    const addCpuBefore = await cpuReadings(platform);
    const addRun = await load({
      url: gateway,
      method: 'POST',
      body: carts[0].body,
      headers: { 'content-type': 'application/json' },
      pick: () => {
        const c = carts[n++ % carts.length];
        return { host: c.host, path: `/api/store/carts/${c.id}/items`, body: c.body };
      },
    });
    const add = summary(addRun);
    const cpuPerAdd = perOperation(addCpuBefore, await cpuReadings(platform), addRun['2xx']);
    const infoCpuBefore = await cpuReadings(platform);
    const infoRun = await load({ url: gateway, pick: () => ({ host, path: '/api/store/info' }) });
    const info = summary(infoRun);
    const cpuPerInfo = totalOf(perOperation(infoCpuBefore, await cpuReadings(platform), infoRun['2xx']));
    checkoutRows[0].baseline = `${Math.round(info.rps)} req/s GET /api/store/info (same run)`;
    // The machine's speed drifts by a fifth within an hour; the CPU of an order in units of the
    // CPU of the same run's trivial read does not drift with it.
    checkoutRows[2].baseline = `${cpuPerInfo.toFixed(2)} ms CPU per GET /api/store/info`;
    checkoutRows[2].ratio = totalOf(cpuPerOrder) / cpuPerInfo;
    return [
      ...checkoutRows,
      {
        name: 'add-to-cart via gateway (50 conns over 4 stores)',
        value: `${Math.round(add.rps)} ok req/s, p50 ${add.p50} ms, p99 ${add.p99} ms, non-2xx ${add.errors}`,
        baseline: `${Math.round(info.rps)} req/s, p99 ${info.p99} ms (GET /api/store/info)`,
        ratio: info.rps / add.rps,
        target: '>= 2000 req/s, p99 < 30 ms',
      },
      {
        name: 'CPU per add-to-cart, by process (utime+stime)',
        value: formatBreakdown(Object.fromEntries(Object.entries(cpuPerAdd).filter(([, ms]) => ms >= 0.005))),
        baseline: '',
        ratio: NaN,
        target: 'lower is better',
      },
    ];
  } finally {
    await platform.stop();
    counting?.remove();
  }
}

const totalOf = (perOp) =>
  Object.values(perOp).reduce((sum, ms) => (Number.isFinite(ms) ? sum + ms : sum), 0);

/** Every platform process, and the Postgres backends of its databases. */
async function cpuReadings(platform) {
  return {
    ...cpuSnapshot({ ...platform.pids, bench: process.pid, ...sharedServers() }),
    ...(await postgresCpu(dbUrl('postgres'), platform.databasePrefix)),
  };
}

/**
 * Subscribes to `order.placed` on the platform's exchange; `wait(orderId, until)` resolves with
 * the hrtime at which that order's event arrived (before or after the call), or null at `until`.
 */
async function watchPlaced(platform) {
  const env = platform.env('order');
  const broker = await createBroker({
    url: env.AMQP_URL,
    prefix: env.AMQP_PREFIX,
    service: 'bench',
    logger: createLogger({ service: 'bench', level: 'warn' }),
  });
  const arrived = new Map();
  const waiting = new Map();
  await broker.subscribeTransient({
    bindings: ['order.placed'],
    async handler(envelope) {
      const at = process.hrtime.bigint();
      const orderId = envelope.data.orderId;
      const waiter = waiting.get(orderId);
      if (waiter) waiter(at);
      else arrived.set(orderId, at);
    },
  });
  return {
    last: {},
    wait(orderId, until) {
      const at = arrived.get(orderId);
      if (at !== undefined) {
        arrived.delete(orderId);
        return Promise.resolve(at);
      }
      return new Promise((resolve) => {
        const timer = setTimeout(
          () => {
            waiting.delete(orderId);
            resolve(null);
          },
          Math.max(0, until - Date.now()),
        );
        waiting.set(orderId, (t) => {
          clearTimeout(timer);
          waiting.delete(orderId);
          resolve(t);
        });
      });
    },
    stop: () => broker.close(),
  };
}
