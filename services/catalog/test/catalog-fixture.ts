import knex, { type Knex } from 'knex';
import type { Ctx } from '@fleet/context';
import { createDb, newId, type Db } from '@fleet/db';
import { startHttpServer, type RunningHttpServer } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { CONTEXT_HEADER, contextTarget, signContext } from '@fleet/tenancy';
import { createTestDatabase, type TestDatabase } from '@fleet/testing';
import { createApp } from '../src/app';
import { migrations, relayTables } from '../src/data-access/migrations';
import type { CatalogDeps } from '../src/domain/catalog-deps';

export const SIGNING_KEY = 'test-signing-key-0123456789abcdef';

export interface CallInit {
  method?: string;
  /** JSON body. */
  body?: unknown;
  /** A body sent as is (CSV, broken JSON), with `contentType`. */
  raw?: string;
  contentType?: string;
  ctx?: Partial<Ctx>;
  headers?: Record<string, string>;
}

export interface CatalogFixture {
  url: string;
  db: Db;
  deps: CatalogDeps;
  owner: Knex;
  database: TestDatabase;
  call(path: string, init?: CallInit): Promise<Response>;
  close(): Promise<void>;
}

/** Catalog in-process on port 0 against its own fresh database. */
export async function startCatalog(label: string): Promise<CatalogFixture> {
  const database = await createTestDatabase(label, { migrations, relayTables });
  const db = createDb({ url: database.appUrl, max: 10 });
  const owner = knex({ client: 'pg', connection: database.ownerUrl, pool: { min: 0, max: 2 } });
  const logger = createLogger({ service: 'catalog-test', level: 'silent' });
  const deps: CatalogDeps = { db, logger };
  const app = createApp({ ...deps, signingKey: SIGNING_KEY, readiness: { postgres: () => db.ping() } });
  const server: RunningHttpServer = await startHttpServer(app, { port: 0, logger });
  return {
    url: server.url,
    db,
    deps,
    owner,
    database,
    call(path, init = {}) {
      const ctx: Ctx = { requestId: 'test', actor: { kind: 'service', id: 'test' }, ...init.ctx };
      const json = init.body !== undefined;
      return fetch(`${server.url}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          [CONTEXT_HEADER]: signContext(
            ctx,
            SIGNING_KEY,
            contextTarget('catalog', init.method ?? 'GET', path),
          ),
          ...(json || init.raw !== undefined
            ? { 'content-type': init.contentType ?? 'application/json' }
            : {}),
          ...init.headers,
        },
        body: json ? JSON.stringify(init.body) : init.raw,
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

export const newTenant = () => newId('ten');
export const staff = (tenantId: string): Partial<Ctx> => ({
  tenantId,
  actor: { kind: 'staff', id: 'stf_1', roles: ['owner'] },
});
export const shopper = (tenantId: string): Partial<Ctx> => ({ tenantId, actor: { kind: 'anonymous' } });

export const variant = (sku: string, price = 1999, stock = 5, extra: Record<string, unknown> = {}) => ({
  sku,
  title: `Variant ${sku}`,
  price,
  currency: 'USD',
  stock,
  ...extra,
});

export const productBody = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  description: `About ${title}`,
  categoryIds: [],
  variants: [variant(`${title.replace(/\W+/g, '-').toUpperCase()}-1`)],
  ...extra,
});

export async function json<T = Record<string, unknown>>(res: Response | Promise<Response>): Promise<T> {
  return (await (await res).json()) as T;
}

export interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: Array<{ path: string; message: string }>;
}

export interface OutboxRow {
  type: string;
  aggregate_id: string;
  version: number;
  envelope: { tenantId: string; aggregateId: string; version: number; data: Record<string, unknown> };
}

/** The outbox as the relay would publish it (the owner reads across tenants). */
export function outbox(fixture: CatalogFixture, where: Record<string, string>): Promise<OutboxRow[]> {
  return fixture
    .owner('outbox')
    .where(where)
    .orderBy('seq')
    .select('type', 'aggregate_id', 'version', 'envelope');
}
