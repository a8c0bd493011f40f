import knex, { type Knex } from 'knex';
import { createDb, type Db } from '@fleet/db';
import { startHttpServer, type RunningHttpServer } from '@fleet/http';
import { createLogger, type Logger } from '@fleet/logger';
import { createBroker, startOutboxRelay, type Broker, type OutboxRelay } from '@fleet/messaging';
import {
  bootstrapIdentity,
  createApp as createIdentityApp,
  createIdentityDeps,
  migrations as identityMigrations,
  relayTables as identityRelayTables,
} from '@fleet/identity';
import {
  createApp as createRegistryApp,
  createIdentityClient,
  migrations,
  relayTables,
} from '@fleet/tenancy-registry';
import { CONTEXT_HEADER, contextTarget, signContext } from '@fleet/tenancy';
import type { Ctx } from '@fleet/context';
import {
  createTestDatabase,
  createTestRedis,
  testAmqpPrefix,
  TEST_AMQP_URL,
  type TestDatabase,
  type TestRedis,
} from '@fleet/testing';

export const KEY = 'e2e-internal-signing-key-0123456789';
export const DOMAIN = 'fleet.test';
export const ISSUER = 'http://identity.e2e';
export const ADMIN = { email: 'ops@fleet.test', password: 'console-secret-42' };

/** A registry and an identity service, each on its own database, sharing Redis and RabbitMQ. */
export interface Platform {
  logger: Logger;
  redis: TestRedis;
  broker: Broker;
  amqpPrefix: string;
  registry: RunningHttpServer;
  registryDb: Db;
  registryOwner: Knex;
  identity: RunningHttpServer;
  /** Stops identity (to test failures) and starts it again on the same port. */
  stopIdentity(): Promise<void>;
  startIdentity(): Promise<void>;
  /** Calls a service as the gateway would (signed context). */
  call(
    baseUrl: string,
    path: string,
    init?: { method?: string; body?: unknown; ctx?: Partial<Ctx>; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
}

export async function startPlatform(label: string): Promise<Platform> {
  const logger = createLogger({ service: `e2e-${label}`, level: 'silent' });
  const redis = await createTestRedis(label);
  const amqpPrefix = testAmqpPrefix(label);
  const broker = await createBroker({ url: TEST_AMQP_URL, prefix: amqpPrefix, service: 'e2e', logger });
  const registryData: TestDatabase = await createTestDatabase(`${label}_reg`, { migrations, relayTables });
  const identityData: TestDatabase = await createTestDatabase(`${label}_idn`, {
    migrations: identityMigrations,
    relayTables: identityRelayTables,
  });
  const registryDb = createDb({ url: registryData.appUrl });
  const identityDb = createDb({ url: identityData.appUrl });
  const registryOwner = knex({ client: 'pg', connection: registryData.ownerUrl, pool: { min: 0, max: 2 } });
  const relays: OutboxRelay[] = [
    startOutboxRelay({ relayUrl: registryData.relayUrl, broker, logger, pollMs: 100 }),
    startOutboxRelay({ relayUrl: identityData.relayUrl, broker, logger, pollMs: 100 }),
  ];

  const identityDeps = createIdentityDeps({
    db: identityDb,
    redis: redis.client,
    redisPrefix: redis.prefix,
    logger,
    issuer: ISSUER,
    accessTokenTtlSeconds: 900,
    keyEncryptionKey: 'e2e-key-encryption-key-0123456789abcdef',
    passwordHashCost: 12, // tests only: production hashes at 2^17 (PASSWORD_HASH_COST)
  });
  await bootstrapIdentity(identityDeps, ADMIN);
  const identityApp = createIdentityApp({ ...identityDeps, signingKey: KEY, readiness: {} });
  let identity = await startHttpServer(identityApp, { port: 0, logger });
  const identityPort = identity.port;

  const registry = await startHttpServer(
    createRegistryApp({
      db: registryDb,
      logger,
      redis: redis.client,
      redisPrefix: redis.prefix,
      platformDomain: DOMAIN,
      publicUrl: { scheme: 'http', port: 8080 },
      identity: createIdentityClient({ baseUrl: identity.url, signingKey: KEY }),
      signingKey: KEY,
      readiness: {},
    }),
    { port: 0, logger },
  );

  return {
    logger,
    redis,
    broker,
    amqpPrefix,
    registry,
    registryDb,
    registryOwner,
    get identity() {
      return identity;
    },
    stopIdentity: () => identity.close(),
    async startIdentity() {
      identity = await startHttpServer(identityApp, { port: identityPort, logger });
    },
    call(baseUrl, path, init = {}) {
      const ctx: Ctx = { requestId: 'e2e', actor: { kind: 'anonymous' }, ...init.ctx };
      const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
      const audience = baseUrl === identity.url ? 'identity' : 'tenancy';
      const signed = signContext(ctx, KEY, contextTarget(audience, method, path));
      return fetch(`${baseUrl}${path}`, {
        method,
        headers: { [CONTEXT_HEADER]: signed, 'content-type': 'application/json', ...init.headers },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    },
    async close() {
      await registry.close();
      await identity.close().catch(() => undefined);
      for (const relay of relays) await relay.stop();
      await broker.deleteDeclared();
      await broker.close();
      await registryDb.close();
      await identityDb.close();
      await registryOwner.destroy();
      await redis.cleanup();
      await registryData.drop();
      await identityData.drop();
    },
  };
}
