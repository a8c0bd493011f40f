// Issue 15: the storefront's category page (`/collections/all`, 12 products, HTML) through the
// gateway, many stores, 50 connections: for a visitor without cookies (kept in the gateway's
// answer cache), for a shopper with a cookie (the storefront's own page cache), and rendered on
// every request (a query parameter the page ignores makes each URL new), against the same-run
// bare express handler the JSON list case uses (20 rows by key, one pooled query, no HTML). The
// platform runs as `npm start` runs it (the host, one worker per core up to 2). For comparison, the
// same 12 products as JSON through the gateway (`/api/store/products`, from the gateway's answer
// cache). Each row also gives the CPU per answered request (utime+stime of the platform's
// processes, or of the bare server): on a shared machine it moves less than req/s. One load
// generator stands in for many shoppers: the stores are on the enterprise plan and the per-client
// share of a store's limit is off, so the figures are of the platform, not of its rate limits.
const { fork } = require('node:child_process');
const path = require('node:path');
const { createDb } = require('@fleet/db');
const { seedProducts } = require('@fleet/catalog/testing');
const { createRegistryClient } = require('@fleet/tenancy');
const { startPlatform } = require('../support/platform');
const { load, summary } = require('../support/load');
const { cpuSnapshot } = require('../support/cpu');

const STORES = Number(process.env.BENCH_STORES ?? 100);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 2000);
const BARE_PORT = 14098;

module.exports = async function storefrontPages() {
  const platform = await startPlatform({
    host: { workers: Number(process.env.BENCH_HOST_WORKERS ?? 2) },
    env: { gateway: { STORE_CLIENT_SHARE: '1' } },
  });
  let bare;
  try {
    const env = platform.env('gateway');
    const registry = createRegistryClient({
      baseUrl: platform.urlOf('tenancy'),
      signingKey: env.INTERNAL_SIGNING_KEY,
      caller: 'bench',
    });
    const catalogDb = createDb({ url: platform.databaseUrl('catalog', 'fleet_app'), max: 4 });
    const port = platform.urlOf('gateway').split(':').pop();
    const stores = [];
    for (let i = 0; i < STORES; i++) {
      const tenant = await registry.provision({
        slug: `page-${i}`,
        name: `Shop ${i}`,
        currency: 'USD',
        country: 'US',
        plan: 'enterprise',
      });
      const seeded = await seedProducts(catalogDb, tenant.id, { count: PRODUCTS, prefix: `p${i}` });
      stores.push({ host: `${tenant.hosts[0]}:${port}`, tenant: tenant.id, ids: seeded.productIds });
    }
    await catalogDb.close();

    bare = fork(path.join(__dirname, '../support/bare-product-server.js'), [
      platform.databaseUrl('catalog'),
      String(BARE_PORT),
    ]);
    await new Promise((resolve) => bare.once('message', resolve));

    let n = 0;
    const cachedPick = () => ({ host: stores[n++ % stores.length].host, path: '/collections/all' });
    const uncachedPick = () => ({ host: stores[n++ % stores.length].host, path: `/collections/all?r=${n}` });
    const barePick = () => {
      const store = stores[n++ % stores.length];
      const start = (n * 20) % (store.ids.length - 20);
      return {
        host: '127.0.0.1',
        path: `/products?tenant=${store.tenant}&ids=${store.ids.slice(start, start + 20).join(',')}`,
      };
    };
    const gateway = platform.urlOf('gateway');
    const bareUrl = `http://127.0.0.1:${BARE_PORT}`;
    const platformPids = platform.pids;
    // The seeded products reach search through RabbitMQ: measuring while it indexes them would
    // count its CPU against the first row. Wait (at most 60 s) until the platform is near idle.
    for (let i = 0; i < 60; i++) {
      const before = cpuSnapshot(platformPids);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const after = cpuSnapshot(platformPids);
      const busyMs = Object.keys(platformPids).reduce(
        (sum, k) => sum + ((after[k] ?? 0) - (before[k] ?? 0)),
        0,
      );
      if (busyMs < 100) break;
    }
    // Warm every store's page, then measure back to back.
    await load({ url: gateway, pick: cachedPick, durationS: 3 });
    await load({ url: bareUrl, pick: barePick, durationS: 3 });
    /** A load run with the CPU its side spent per 2xx answer (µs), from /proc. */
    const measured = async (url, pick, pids, headers = {}) => {
      const before = cpuSnapshot(pids);
      const run = await load({ url, pick, headers });
      const after = cpuSnapshot(pids);
      const spent = Object.keys(pids).reduce((sum, k) => sum + ((after[k] ?? 0) - (before[k] ?? 0)), 0);
      return { run, cpuUs: run['2xx'] ? (spent * 1000) / run['2xx'] : NaN };
    };
    const jsonPick = () => ({ host: stores[n++ % stores.length].host, path: '/api/store/products?limit=12' });
    const cachedRun = await measured(gateway, cachedPick, platformPids);
    const bareRun = await measured(bareUrl, barePick, { bare: bare.pid });
    // Any `sf_` cookie makes the page the shopper's own: past the gateway's cache, from the storefront's.
    const shopperRun = await measured(gateway, cachedPick, platformPids, { cookie: 'sf_seen=1' });
    const uncachedRun = await measured(gateway, uncachedPick, platformPids);
    const jsonRun = await measured(gateway, jsonPick, platformPids);
    const baseline = summary(bareRun.run);
    const [cached, shopper, uncached, json] = [cachedRun, shopperRun, uncachedRun, jsonRun].map((r) =>
      summary(r.run),
    );
    const codes = (run) =>
      Object.entries(run.statusCodeStats ?? {})
        .map(([code, { count }]) => `${code}: ${count}`)
        .join(', ');
    const line = (s, { run, cpuUs }) =>
      `${Math.round(s.rps)} req/s, p50 ${s.p50} ms, p99 ${s.p99} ms, errors ${s.errors} (${codes(run)}), ` +
      `CPU ${Math.round(cpuUs)} µs/req`;
    const bareLine = `${Math.round(baseline.rps)} req/s, p99 ${baseline.p99} ms, CPU ${Math.round(bareRun.cpuUs)} µs/req`;
    return [
      {
        name: `category page HTML via gateway, a visitor without cookies: gateway's answer cache (${STORES} stores x ${PRODUCTS} products, 50 conns)`,
        value: line(cached, cachedRun),
        baseline: `${bareLine} (bare express JSON, 20 rows by key)`,
        ratio: baseline.rps / cached.rps,
        target: '<= 2.00x (>= 50%), p99 < 50 ms',
      },
      {
        name: "the same page for a shopper with a cookie: storefront's page cache",
        value: line(shopper, shopperRun),
        baseline: `${Math.round(baseline.rps)} req/s (bare express, above)`,
        ratio: baseline.rps / shopper.rps,
        target: '<= 2.00x (>= 50%), p99 < 50 ms',
      },
      {
        name: 'the same page rendered on every request (uncached)',
        value: line(uncached, uncachedRun),
        baseline: `${Math.round(baseline.rps)} req/s (bare express, above)`,
        ratio: baseline.rps / uncached.rps,
        target: '<= 2.00x (>= 50%), p99 < 50 ms',
      },
      {
        name: 'for comparison: the same 12 products as JSON via gateway (its answer cache)',
        value: line(json, jsonRun),
        baseline: `${Math.round(baseline.rps)} req/s (bare express, above)`,
        ratio: baseline.rps / json.rps,
        target: '(none)',
      },
    ];
  } finally {
    bare?.kill();
    await platform.stop();
  }
};
