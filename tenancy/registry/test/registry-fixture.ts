import knex, { type Knex } from 'knex';
import { createDb, type Db } from '@fleet/db';
import { startHttpServer, type RunningHttpServer } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { CONTEXT_HEADER, contextTarget, signContext } from '@fleet/tenancy';
import { createTestDatabase, type TestDatabase } from '@fleet/testing';
import type { Ctx } from '@fleet/context';
import { createApp, type RegistryAppDeps } from '../src/app';
import { migrations, relayTables } from '../src/data-access/migrations';

export const SIGNING_KEY = 'test-signing-key-0123456789abcdef';
export const PLATFORM_DOMAIN = 'fleet.test';

export interface RegistryFixture {
  url: string;
  db: Db;
  owner: Knex;
  database: TestDatabase;
  call(
    path: string,
    init?: {
      method?: string;
      body?: unknown;
      ctx?: Partial<Ctx>;
      headers?: Record<string, string>;
      redirect?: 'follow' | 'manual';
    },
  ): Promise<Response>;
  close(): Promise<void>;
}

/** The registry in-process on port 0 against its own fresh database. */
export async function startRegistry(
  label: string,
  extra: Partial<RegistryAppDeps> = {},
): Promise<RegistryFixture> {
  const database = await createTestDatabase(label, { migrations, relayTables });
  const db = createDb({ url: database.appUrl, max: 10 });
  const owner = knex({ client: 'pg', connection: database.ownerUrl, pool: { min: 0, max: 2 } });
  const logger = createLogger({ service: 'tenancy-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const app = createApp({
    db,
    logger,
    platformDomain: PLATFORM_DOMAIN,
    signingKey: SIGNING_KEY,
    readiness: { postgres: () => db.ping() },
    ...extra,
  });
  const server: RunningHttpServer = await startHttpServer(app, { port: 0, logger });
  return {
    url: server.url,
    db,
    owner,
    database,
    call(path, init = {}) {
      const ctx: Ctx = { requestId: 'test', actor: { kind: 'service', id: 'test' }, ...init.ctx };
      return fetch(`${server.url}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          [CONTEXT_HEADER]: signContext(
            ctx,
            SIGNING_KEY,
            contextTarget('tenancy', init.method ?? 'GET', path),
          ),
          'content-type': 'application/json',
          ...init.headers,
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        redirect: init.redirect,
      });
    },
    async close() {
      await server.close();
      await db.close();
      await owner.destroy();
      await database.drop();
    },
  };
}

export const storeBody = (slug: string) => ({ slug, name: `Store ${slug}`, currency: 'USD', country: 'US' });
