// Issue 3: what resolving the tenant from the Host header costs once the cache is warm. 10,000
// tenants sit in a real registry database; random store hosts are resolved through the gateway's
// resolver (in-process LRU, then Redis, then the registry) against a direct registry lookup per
// request (HTTP + Postgres), and the cache hits are shown to reach neither the registry nor Postgres.
const { Pool } = require('pg');
const { createDb } = require('@fleet/db');
const { startHttpServer } = require('@fleet/http');
const { createLogger } = require('@fleet/logger');
const { createRegistryClient, createTenantResolver } = require('@fleet/tenancy');
const { createApp: createRegistryApp, migrations, relayTables } = require('@fleet/tenancy-registry');
const { createTestDatabase, createTestRedis } = require('@fleet/testing');
const { compare } = require('../harness');

const TENANTS = 10_000;
const DOMAIN = 'bench.test';
const KEY = 'bench-internal-signing-key-0123456789abcdef';
const PROOF_RESOLUTIONS = 100_000;
const ADMIN_URL = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const hostOf = (i) => `store-${i}.${DOMAIN}`;
const randomHost = () => hostOf(1 + Math.floor(Math.random() * TENANTS));

async function registryTransactions(admin, database) {
  const { rows } = await admin.query(
    'SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = $1',
    [database],
  );
  return Number(rows[0].n);
}

module.exports = async function tenantResolution() {
  const quiet = createLogger({ service: 'bench', level: 'silent' });
  const database = await createTestDatabase('bench_resolution', { migrations, relayTables });
  const redis = await createTestRedis('bench_resolution');
  const owner = new Pool({ connectionString: database.ownerUrl, max: 1 });
  const admin = new Pool({ connectionString: ADMIN_URL, max: 1 });
  const db = createDb({ url: database.appUrl, max: 8 });
  let registryRequests = 0;
  const registry = await startHttpServer(
    createRegistryApp({ db, logger: quiet, platformDomain: DOMAIN, signingKey: KEY, readiness: {} }),
    { port: 0, logger: quiet },
  );
  registry.server.on('request', () => registryRequests++);
  try {
    // The owner writes the tenants straight in: provisioning 10,000 through the API is not the point.
    await owner.query(
      `INSERT INTO tenants (id, slug, name, currency, country)
       SELECT 'ten_' || lpad(g::text, 26, '0'), 'store-' || g, 'Store ' || g, 'EUR', 'DE'
         FROM generate_series(1, $1) g`,
      [TENANTS],
    );
    await owner.query('ANALYZE tenants');
    const client = createRegistryClient({ baseUrl: registry.url, signingKey: KEY, caller: 'gateway' });
    let fetches = 0;
    const resolverOver = (maxEntries) =>
      createTenantResolver({
        fetchByHost: (host) => {
          fetches++;
          return client.fetchByHost(host);
        },
        redis: redis.client,
        redisPrefix: redis.prefix,
        maxEntries,
      });
    const resolver = resolverOver(TENANTS);
    // A second gateway whose in-process cache holds nothing: it is served by Redis.
    const coldGateway = resolverOver(1);

    // Warm-up: every host once (the registry serves each, then Redis and the LRU hold it).
    for (let i = 1; i <= TENANTS; i += 50) {
      const batch = Array.from({ length: Math.min(50, TENANTS - i + 1) }, (_, k) => i + k);
      const found = await Promise.all(batch.map((n) => resolver.resolve(hostOf(n))));
      if (found.some((t, k) => t?.slug !== `store-${batch[k]}`))
        throw new Error('warm-up resolved a wrong tenant');
    }
    if (fetches !== TENANTS) throw new Error(`warm-up made ${fetches} registry fetches, expected ${TENANTS}`);

    const r = await compare(
      {
        cacheHit: () => resolver.resolve(randomHost()),
        redisHit: () => coldGateway.resolve(randomHost()),
        registry: () => client.fetchByHost(randomHost()),
      },
      { concurrency: 8, durationMs: 1000, rounds: 3 },
    );

    // The proof: after warm-up, N resolutions of random hosts cause no registry fetch, no request
    // to the registry and no transaction in its database.
    await new Promise((resolve) => setTimeout(resolve, 1500)); // let Postgres flush pending stats
    const before = {
      fetches,
      requests: registryRequests,
      xacts: await registryTransactions(admin, database.name),
    };
    for (let i = 0; i < PROOF_RESOLUTIONS; i++) await resolver.resolve(randomHost());
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const xacts = (await registryTransactions(admin, database.name)) - before.xacts;
    const fetched = fetches - before.fetches;
    const requested = registryRequests - before.requests;

    const fmt = (m) =>
      `${Math.round(m.opsPerSec).toLocaleString('en')} /s, p50 ${(m.p50 * 1000).toFixed(1)} µs`;
    return [
      {
        name: `tenant resolution, in-process cache hit (${TENANTS.toLocaleString('en')} tenants, random hosts)`,
        value: `${fmt(r.cacheHit)} (${Math.round(r.cacheHit.opsPerSec / r.registry.opsPerSec)}x the baseline)`,
        baseline: `${fmt(r.registry)} (direct registry lookup: HTTP + Postgres)`,
        ratio: r.registry.opsPerSec / r.cacheHit.opsPerSec,
        target: '<= 0.01x (100x faster)',
      },
      {
        name: 'tenant resolution, Redis hit (a gateway whose in-process cache is cold)',
        value: `${fmt(r.redisHit)} (${Math.round(r.redisHit.opsPerSec / r.registry.opsPerSec)}x the baseline)`,
        baseline: `${fmt(r.registry)} (direct registry lookup)`,
        ratio: r.registry.opsPerSec / r.redisHit.opsPerSec,
        target: 'info',
      },
      {
        name: `registry fetches / registry requests / registry DB transactions in ${PROOF_RESOLUTIONS.toLocaleString('en')} cache hits`,
        value: `${fetched} / ${requested} / ${xacts}`,
        baseline: `${TENANTS.toLocaleString('en')} fetches during warm-up`,
        ratio: NaN,
        target: '0 / 0 / 0',
      },
    ];
  } finally {
    await registry.close();
    await db.close();
    await owner.end();
    await admin.end();
    await redis.cleanup();
    await database.drop();
  }
};
