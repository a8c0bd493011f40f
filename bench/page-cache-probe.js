// The gateway's page cache alone, without RabbitMQ or the platform: the real gateway (compiled,
// the real route table), the real registry, Redis and PostgreSQL, and a stand-in storefront and
// catalog answering a category page (`BENCH_PAGE_KB` of HTML, marked shareable as the storefront
// marks it) and 12 products as JSON. 50 connections over `BENCH_STORES` stores (enterprise plan,
// per-client share off, as in storefront-pages): the page from the gateway's cache, the JSON from
// it, and the stand-in's page asked directly (a bare node server, the ceiling). CPU per answered
// request of the gateway's process (with the registry, which only answers at start) and of the
// stand-in. Usage: node bench/page-cache-probe.js (after `npx tsc -b`).
const { fork } = require('node:child_process');
const path = require('node:path');
const { load, summary } = require('./support/load');
const { cpuSnapshot } = require('./support/cpu');

const STORES = Number(process.env.BENCH_STORES ?? 20);
const PAGE_KB = Number(process.env.BENCH_PAGE_KB ?? 20);

async function child() {
  const http = require('node:http');
  const { createDb } = require('@fleet/db');
  const { createLogger } = require('@fleet/logger');
  const { startHttpServer } = require('@fleet/http');
  const { createRegistryClient, createTenantResolver, requireSignedContext } = require('@fleet/tenancy');
  const registryLib = require('@fleet/tenancy-registry');
  const { createTestDatabase, createTestRedis } = require('@fleet/testing');
  const { createGateway, ROUTES } = require('@fleet/gateway');
  const quiet = createLogger({ service: 'probe', level: 'silent' });
  const KEY = 'page-cache-probe-signing-key-0123456789';
  const database = await createTestDatabase('pageprobe', {
    migrations: registryLib.migrations,
    relayTables: registryLib.relayTables,
  });
  const redis = await createTestRedis('pageprobe');
  const db = createDb({ url: database.appUrl });
  const registry = await startHttpServer(
    registryLib.createApp({
      db,
      logger: quiet,
      platformDomain: 'fleet.test',
      signingKey: KEY,
      readiness: {},
    }),
    { port: 0, logger: quiet },
  );
  const html = `<!doctype html><html><body>${'<p>product card</p>'.repeat((PAGE_KB * 1024) / 19)}</body></html>`;
  const products = JSON.stringify({
    items: Array.from({ length: 12 }, (_, i) => ({ id: `prd_${i}`, title: `Product ${i}`, price: 1000 + i })),
    nextCursor: null,
  });
  // The stand-in checks the gateway's signed context as the real services do.
  const express = require('express');
  const standIn = (audience, send) => {
    const app = express();
    app.use(requireSignedContext({ key: KEY, audience }));
    app.use(send);
    return startHttpServer(app, { port: 0, logger: quiet });
  };
  const storefront = await standIn('storefront', (_req, res) => {
    res.set({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      vary: 'Accept-Encoding, Cookie',
    });
    res.send(html);
  });
  const catalog = await standIn('catalog', (_req, res) => res.type('application/json').send(products));
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const client = createRegistryClient({ baseUrl: registry.url, signingKey: KEY, caller: 'gateway' });
  const resolver = createTenantResolver({
    fetchByHost: (h) => client.fetchByHost(h),
    redis: redis.client,
    redisPrefix: redis.prefix,
  });
  const wiring = createGateway({
    logger: quiet,
    platformDomain: 'fleet.test',
    signingKey: KEY,
    resolver,
    redis: redis.client,
    redisPrefix: redis.prefix,
    upstreamUrls: { tenancy: registry.url, storefront: storefront.url, catalog: catalog.url },
    tokenIssuer: { kind: 'identity', url: 'http://127.0.0.1:9', issuer: 'http://127.0.0.1:9' },
    routes: ROUTES,
    storeClientShare: 1,
  });
  const gateway = await startHttpServer(wiring.app, { port: 0, logger: quiet });
  const hosts = [];
  for (let i = 0; i < STORES; i++) {
    const t = await client.provision({
      slug: `probe-${i}`,
      name: `Probe ${i}`,
      currency: 'USD',
      country: 'US',
      plan: 'enterprise',
    });
    hosts.push(t.hosts[0]);
  }
  process.send({ gateway: gateway.url, bare: `http://127.0.0.1:${bare.address().port}`, hosts });
  process.on('message', async () => {
    await gateway.close();
    await wiring.close();
    await storefront.close();
    await catalog.close();
    bare.close();
    await registry.close();
    await db.close();
    await redis.cleanup();
    await database.drop();
    process.exit(0);
  });
}

async function main() {
  const proc = fork(path.join(__dirname, 'page-cache-probe.js'), ['child'], { stdio: 'inherit' });
  const info = await new Promise((resolve) => proc.once('message', resolve));
  let n = 0;
  const pick = (path) => () => ({ host: info.hosts[n++ % info.hosts.length], path });
  const measured = async (url, p) => {
    const before = cpuSnapshot({ p: proc.pid });
    const run = await load({ url, pick: p });
    const after = cpuSnapshot({ p: proc.pid });
    return { s: summary(run), cpuUs: ((after.p - before.p) * 1000) / run['2xx'], codes: run.statusCodeStats };
  };
  await load({ url: info.gateway, pick: pick('/collections/all'), durationS: 3 });
  await load({ url: info.gateway, pick: pick('/api/store/products?limit=12'), durationS: 2 });
  const rows = {
    'page, gateway cache': await measured(info.gateway, pick('/collections/all')),
    'bare node server, the same page': await measured(info.bare, pick('/collections/all')),
    'JSON, gateway cache': await measured(info.gateway, pick('/api/store/products?limit=12')),
  };
  const bareRps = rows['bare node server, the same page'].s.rps;
  for (const [name, r] of Object.entries(rows))
    console.log(
      `${name}: ${Math.round(r.s.rps)} req/s (${(bareRps / r.s.rps).toFixed(2)}x bare), p50 ${r.s.p50} ms, ` +
        `p99 ${r.s.p99} ms, errors ${r.s.errors}, CPU ${Math.round(r.cpuUs)} µs/req, ${JSON.stringify(r.codes)}`,
    );
  proc.send('stop');
  await new Promise((resolve) => proc.once('exit', resolve));
}

(process.argv[2] === 'child' ? child() : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
