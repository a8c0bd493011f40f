// Issue 15: the storefront's category page (`/collections/all`, 12 products, HTML) through the
// gateway, many stores, 50 connections: served from the storefront's page cache, and rendered on
// every request (a query parameter the page ignores makes each URL new), against the same-run
// bare express handler the JSON list case uses (20 rows by key, one pooled query, no HTML). The
// platform runs as `npm start` runs it (the host, one worker per core up to 2).
const { fork } = require('node:child_process');
const path = require('node:path');
const { createDb } = require('@fleet/db');
const { seedProducts } = require('@fleet/catalog');
const { createRegistryClient } = require('@fleet/tenancy');
const { startPlatform } = require('../support/platform');
const { load, summary } = require('../support/load');

const STORES = Number(process.env.BENCH_STORES ?? 100);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 2000);
const BARE_PORT = 14098;

module.exports = async function storefrontPages() {
  const platform = await startPlatform({ host: { workers: Number(process.env.BENCH_HOST_WORKERS ?? 2) } });
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
    // Warm every store's page, then measure back to back.
    await load({ url: gateway, pick: cachedPick, durationS: 3 });
    await load({ url: bareUrl, pick: barePick, durationS: 3 });
    const cachedRun = await load({ url: gateway, pick: cachedPick });
    const baseline = summary(await load({ url: bareUrl, pick: barePick }));
    const uncachedRun = await load({ url: gateway, pick: uncachedPick });
    const [cached, uncached] = [summary(cachedRun), summary(uncachedRun)];
    const codes = (run) =>
      Object.entries(run.statusCodeStats ?? {})
        .map(([code, { count }]) => `${code}: ${count}`)
        .join(', ');
    const line = (s, run) =>
      `${Math.round(s.rps)} req/s, p50 ${s.p50} ms, p99 ${s.p99} ms, errors ${s.errors} (${codes(run)})`;
    return [
      {
        name: `category page HTML via gateway, page cache (${STORES} stores x ${PRODUCTS} products, 50 conns)`,
        value: line(cached, cachedRun),
        baseline: `${Math.round(baseline.rps)} req/s, p99 ${baseline.p99} ms (bare express JSON, 20 rows by key)`,
        ratio: baseline.rps / cached.rps,
        target: '<= 2.00x (>= 50%), p99 < 50 ms',
      },
      {
        name: 'the same page rendered on every request (uncached)',
        value: line(uncached, uncachedRun),
        baseline: `${Math.round(baseline.rps)} req/s (bare express, above)`,
        ratio: baseline.rps / uncached.rps,
        target: '<= 2.00x (>= 50%), p99 < 50 ms',
      },
    ];
  } finally {
    bare?.kill();
    await platform.stop();
  }
};
