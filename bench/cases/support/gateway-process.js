// The gateway of bench/cases/gateway-overhead.js, in its own process and wired the way main.ts
// wires it: createGateway() with the real route table, a tenant resolver over real Redis and the
// real registry (which serves the first request; the cache serves the rest), the Redis rate
// limiter and usage counter, a verifier against a JWKS, access logs at info (stdout is /dev/null).
// Only the broker subscription (cache invalidation, not on the request path) is left out.
const http = require('node:http');
const Redis = require('ioredis');
const { SignJWT, exportJWK, generateKeyPair } = require('jose');
const { createDb } = require('@fleet/db');
const { createGateway, PLAN_LIMITS } = require('@fleet/gateway');
const { startHttpServer } = require('@fleet/http');
const { createLogger } = require('@fleet/logger');
const { createRegistryClient, createTenantResolver } = require('@fleet/tenancy');
const { createApp: createRegistryApp, migrations, relayTables } = require('@fleet/tenancy-registry');
const { createTestDatabase, createTestRedis } = require('@fleet/testing');

const KEY = 'bench-internal-signing-key-0123456789abcdef';
const DOMAIN = 'localhost';
const ISSUER = 'http://identity.fleet.internal';

async function startJwks() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'bench', alg: 'RS256' }] });
  const server = http.createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(jwks),
  );
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sign = (claims) =>
    new SignJWT({ typ: 'access', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'bench' })
      .setIssuer(ISSUER)
      .setAudience('fleet')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
  return { server, url: `http://127.0.0.1:${server.address().port}`, sign };
}

async function main() {
  const upstreamUrl = process.argv[2];
  const quiet = createLogger({ service: 'bench-registry', level: 'silent' });
  const database = await createTestDatabase('bench_gateway', { migrations, relayTables });
  const testRedis = await createTestRedis('bench_gateway');
  const db = createDb({ url: database.appUrl });
  const registry = await startHttpServer(
    createRegistryApp({ db, logger: quiet, platformDomain: DOMAIN, signingKey: KEY, readiness: {} }),
    { port: 0, logger: quiet },
  );
  const client = createRegistryClient({ baseUrl: registry.url, signingKey: KEY, caller: 'gateway' });
  const tenant = await client.provision({
    slug: 'bench',
    name: 'Bench store',
    currency: 'EUR',
    country: 'DE',
    plan: 'enterprise',
  });
  const jwks = await startJwks();

  const redis = new Redis(testRedis.url, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
  let fetches = 0;
  const resolver = createTenantResolver({
    fetchByHost: (host) => {
      fetches++;
      return client.fetchByHost(host);
    },
    redis,
    redisPrefix: testRedis.prefix,
  });
  // As in production: info level to stdout through the logger's default (buffered) stream; this
  // process's stdout is /dev/null.
  const logger = createLogger({ service: 'gateway', level: 'info' });
  const gateway = createGateway({
    logger,
    platformDomain: DOMAIN,
    signingKey: KEY,
    resolver,
    redis,
    redisPrefix: testRedis.prefix,
    upstreamUrls: { tenancy: upstreamUrl, identity: upstreamUrl },
    tokenIssuer: { kind: 'identity', url: jwks.url, issuer: ISSUER },
    // The limiter runs on every request (a Redis call each); its limit is raised so that the
    // bench measures the proxy, not 429s.
    planLimits: { ...PLAN_LIMITS, enterprise: { perSecond: 10_000_000, burst: 20_000_000 } },
  });
  const server = await startHttpServer(gateway.app, { port: 0, logger });
  const token = await jwks.sign({ sub: 'cus_bench', tid: tenant.id, roles: ['customer'] });

  process.send({ ready: true, url: server.url, host: `bench.${DOMAIN}`, token });
  process.on('message', async (message) => {
    if (message === 'cpu') process.send({ cpu: process.cpuUsage() });
    if (message === 'stats') process.send({ stats: { fetches, resolver: resolver.stats() } });
    if (message === 'stop') {
      await server.close();
      await gateway.close();
      await redis.quit();
      await new Promise((resolve) => jwks.server.close(resolve));
      await registry.close();
      await db.close();
      await testRedis.cleanup();
      await database.drop();
      process.exit(0);
    }
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
