import knex, { type Knex } from 'knex';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { Ctx } from '@fleet/context';
import { createDb, newId, type Db } from '@fleet/db';
import { startHttpServer, type RunningHttpServer } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { CONTEXT_HEADER, contextTarget, signContext } from '@fleet/tenancy';
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@fleet/testing';
import { createApp } from '../src/app';
import { bootstrapIdentity, createIdentityDeps, type IdentityDepsOptions } from '../src/bootstrap';
import { migrations, relayTables } from '../src/data-access/migrations';
import type { IdentityDeps } from '../src/domain/identity-deps';

export const SIGNING_KEY = 'test-signing-key-0123456789abcdef';
export const ISSUER = 'http://identity.test';
export const ADMIN = { email: 'root@fleet.test', password: 'console-secret-42' };
export const KEY_ENCRYPTION_KEY = 'test-key-encryption-key-0123456789abcdef';

export interface CallInit {
  method?: string;
  body?: unknown;
  ctx?: Partial<Ctx>;
  headers?: Record<string, string>;
}

export interface IdentityFixture {
  url: string;
  db: Db;
  owner: Knex;
  database: TestDatabase;
  redis: TestRedis;
  deps: IdentityDeps;
  /** As the gateway calls identity: an anonymous caller unless `ctx` says otherwise. */
  call(path: string, init?: CallInit): Promise<Response>;
  /** Verifies an access token against the JWKS the service serves, as the gateway does. */
  verify(token: string): Promise<JWTPayload & { tid?: string; roles?: string[]; typ?: string }>;
  close(): Promise<void>;
}

type Overrides = Partial<
  Pick<IdentityDepsOptions, 'keyReloadMs' | 'throttle' | 'accessTokenTtlSeconds' | 'passwordHashCost'>
>;

/** Tests hash at 2^12 to stay fast (production: 2^17, at least); password tests raise it. */
export const TEST_PASSWORD_HASH_COST = 12;

/** Identity in-process on port 0 against its own database and Redis prefix. */
export async function startIdentity(label: string, overrides: Overrides = {}): Promise<IdentityFixture> {
  const database = await createTestDatabase(label, { migrations, relayTables });
  const redis = await createTestRedis(label);
  const db = createDb({ url: database.appUrl, max: 10 });
  const owner = knex({ client: 'pg', connection: database.ownerUrl, pool: { min: 0, max: 2 } });
  const logger = createLogger({ service: 'identity-test', level: 'silent' });
  const deps = createIdentityDeps({
    db,
    redis: redis.client,
    redisPrefix: redis.prefix,
    logger,
    issuer: ISSUER,
    accessTokenTtlSeconds: 900,
    keyEncryptionKey: KEY_ENCRYPTION_KEY,
    passwordHashCost: TEST_PASSWORD_HASH_COST,
    ...overrides,
  });
  await bootstrapIdentity(deps, ADMIN);
  const app = createApp({ ...deps, signingKey: SIGNING_KEY, readiness: { postgres: () => db.ping() } });
  const server: RunningHttpServer = await startHttpServer(app, { port: 0, logger });
  const jwks = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`), { cooldownDuration: 0 });
  return {
    url: server.url,
    db,
    owner,
    database,
    redis,
    deps,
    call(path, init = {}) {
      const ctx: Ctx = {
        requestId: 'test',
        actor: { kind: 'anonymous' },
        clientIp: '198.51.100.7',
        ...init.ctx,
      };
      return fetch(`${server.url}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: {
          [CONTEXT_HEADER]: signContext(
            ctx,
            SIGNING_KEY,
            contextTarget('identity', init.method ?? (init.body === undefined ? 'GET' : 'POST'), path),
          ),
          'content-type': 'application/json',
          ...init.headers,
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    },
    async verify(token) {
      return (await jwtVerify(token, jwks, { issuer: ISSUER, audience: 'fleet', algorithms: ['RS256'] }))
        .payload;
    },
    async close() {
      await server.close();
      await db.close();
      await owner.destroy();
      await redis.cleanup();
      await database.drop();
    },
  };
}

/** A fresh tenant id: identity trusts the gateway's context and keeps no tenant list. */
export const newTenant = (): string => newId('ten');

export const service = (tenantId?: string): Partial<Ctx> => ({
  tenantId,
  actor: { kind: 'service', id: 'tenancy' },
});

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
