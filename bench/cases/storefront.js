// Issue 4: the storefront product list (20 per page) through the gateway, 100 stores x 2,000
// products, 50 connections, against a bare express handler that reads the same 20 rows by key
// with one pooled query (a separate process, like every service). Every service runs as its own
// process, as with `npm start`.
const { fork } = require('node:child_process');
const path = require('node:path');
const { createDb } = require('@fleet/db');
const { seedProducts } = require('@fleet/catalog/testing');
const { createRegistryClient } = require('@fleet/tenancy');
const { startPlatform } = require('../support/platform');
const { load, summary } = require('../support/load');
const { dbUrl } = require('../../scripts/dev-env');
const { cpuSnapshot, postgresCpu, perOperation, formatBreakdown, sharedServers } = require('../support/cpu');

const STORES = Number(process.env.BENCH_STORES ?? 100);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 2000);

module.exports = async function storefront() {
  const platform = await startPlatform();
  let bare;
  try {
    const env = platform.env('gateway');
    const registry = createRegistryClient({
      baseUrl: platform.urlOf('tenancy'),
      signingKey: env.INTERNAL_SIGNING_KEY,
      caller: 'bench',
    });
    const catalogDb = createDb({ url: platform.databaseUrl('catalog', 'fleet_app'), max: 4 });
    const stores = [];
    for (let i = 0; i < STORES; i++) {
      const tenant = await registry.provision({
        slug: `shop-${i}`,
        name: `Shop ${i}`,
        currency: 'USD',
        country: 'US',
      });
      const seeded = await seedProducts(catalogDb, tenant.id, { count: PRODUCTS, prefix: `s${i}` });
      stores.push({
        host: `${tenant.hosts[0]}:${platform.urlOf('gateway').split(':').pop()}`,
        tenant: tenant.id,
        ids: seeded.productIds,
      });
    }
    await catalogDb.close();

    bare = fork(path.join(__dirname, '../support/bare-product-server.js'), [
      platform.databaseUrl('catalog'),
      '14099',
    ]);
    await new Promise((resolve) => bare.once('message', resolve));

    let n = 0;
    const gatewayPick = () => {
      const store = stores[n++ % stores.length];
      return { host: store.host, path: '/api/store/products?limit=20' };
    };
    const barePick = () => {
      const store = stores[n++ % stores.length];
      const start = (n * 20) % (store.ids.length - 20);
      return {
        host: '127.0.0.1',
        path: `/products?tenant=${store.tenant}&ids=${store.ids.slice(start, start + 20).join(',')}`,
      };
    };
    // Warm both, then measure them back to back.
    await load({ url: platform.urlOf('gateway'), pick: gatewayPick, durationS: 3 });
    await load({ url: 'http://127.0.0.1:14099', pick: barePick, durationS: 3 });
    const pids = { ...platform.pids, bench: process.pid, bare: bare.pid, ...sharedServers() };
    const cpu = async () => ({
      ...cpuSnapshot(pids),
      ...(await postgresCpu(dbUrl('postgres'), platform.databasePrefix)),
    });
    const before = await cpu();
    const gatewayRun = await load({ url: platform.urlOf('gateway'), pick: gatewayPick });
    const viaGateway = summary(gatewayRun);
    const between = await cpu();
    const bareRun = await load({ url: 'http://127.0.0.1:14099', pick: barePick });
    const baseline = summary(bareRun);
    const after = await cpu();
    // The same reads with the gateway's cache out of the way (it never answers conditional
    // requests, and this tag matches nothing upstream): every request reaches catalog and Postgres.
    const uncachedRun = await load({
      url: platform.urlOf('gateway'),
      pick: gatewayPick,
      headers: { 'if-none-match': '"bench-uncached"' },
    });
    const uncached = summary(uncachedRun);
    const last = await cpu();
    const breakdown = (from, to, run) =>
      formatBreakdown(
        Object.fromEntries(
          Object.entries(perOperation(from, to, run['2xx'])).filter(([, ms]) => ms >= 0.005),
        ),
      );
    return [
      {
        name: `storefront list via gateway (${STORES} stores x ${PRODUCTS} products, 50 conns)`,
        value: `${Math.round(viaGateway.rps)} req/s, p50 ${viaGateway.p50} ms, p99 ${viaGateway.p99} ms, errors ${viaGateway.errors}`,
        baseline: `${Math.round(baseline.rps)} req/s, p99 ${baseline.p99} ms (bare express, 20 rows by key)`,
        ratio: baseline.rps / viaGateway.rps,
        target: '<= 2.00x (>= 50%), p99 < 50 ms',
      },
      {
        name: 'the same, every request past the gateway cache (conditional header)',
        value: `${Math.round(uncached.rps)} req/s, p50 ${uncached.p50} ms, p99 ${uncached.p99} ms, errors ${uncached.errors}`,
        baseline: `${Math.round(baseline.rps)} req/s (bare express, above)`,
        ratio: baseline.rps / uncached.rps,
        target: 'info (no cache)',
      },
      {
        name: 'CPU per storefront list request, by process (utime+stime)',
        value: `via gateway: ${breakdown(before, between, gatewayRun)}; past the cache: ${breakdown(after, last, uncachedRun)}`,
        baseline: `bare: ${breakdown(between, after, bareRun)}`,
        ratio: NaN,
        target: 'lower is better',
      },
    ];
  } finally {
    bare?.kill();
    await platform.stop();
  }
};
