import knex, { type Knex } from 'knex';
import {
  createApp as createCatalogApp,
  migrations as catalogMigrations,
  relayTables as catalogRelayTables,
  reviewSummaryConsumer,
} from '@fleet/catalog';
import type { Ctx } from '@fleet/context';
import { createDb, newId, type Db } from '@fleet/db';
import { startHttpServer, type RunningHttpServer } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { createEnvelope, type EventEnvelope } from '@fleet/messaging';
import { CONTEXT_HEADER, contextTarget, signContext } from '@fleet/tenancy';
import { checkingContract, createTestDatabase, type TestDatabase } from '@fleet/testing';
import { createApp, createCatalogClient, migrations, orderEventsHandler, relayTables } from '../src';

export const SIGNING_KEY = 'test-signing-key-0123456789abcdef';

export interface CallInit {
  method?: string;
  body?: unknown;
  ctx?: Partial<Ctx>;
}

export type Caller = (path: string, init?: Omit<CallInit, 'ctx'>) => Promise<Response>;

/** Engagement and the real catalog in-process, each on its own fresh database. */
export interface EngagementFixture {
  /** As the gateway forwards: the answers are checked against the API contract. */
  call(path: string, init?: CallInit): Promise<Response>;
  customer(tenantId: string, customerId: string): Caller;
  staff(tenantId: string): Caller;
  anonymous(tenantId: string): Caller;
  /** A category and an active product in it (catalog's admin API). */
  category(tenantId: string, name: string): Promise<string>;
  product(tenantId: string, title: string, categoryIds?: string[], status?: string): Promise<string>;
  /** `order.placed` / `order.delivered` as the order service writes them, through engagement's inbox. */
  placed(tenantId: string, orderId: string, customerId: string | null, productIds: string[]): Promise<void>;
  delivered(tenantId: string, orderId: string): Promise<void>;
  /** Engagement's outbox (events written, oldest first). */
  events(tenantId: string, type?: string): Promise<EventEnvelope[]>;
  /** Hands engagement's new `review.summary_changed` events to catalog's consumer (the relay's job). */
  relaySummaries(): Promise<number>;
  /** The product as the storefront reads it from catalog. */
  storeProduct(tenantId: string, id: string): Promise<Record<string, unknown>>;
  db: Db;
  owner: Knex;
  catalogOwner: Knex;
  close(): Promise<void>;
}

const signedFetch = (base: string, audience: string, path: string, init: CallInit) => {
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  const ctx: Ctx = { requestId: 'test', actor: { kind: 'anonymous' }, ...init.ctx };
  return fetch(`${base}${path}`, {
    method,
    headers: {
      [CONTEXT_HEADER]: signContext(ctx, SIGNING_KEY, contextTarget(audience, method, path)),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
};

async function ok<T>(res: Response): Promise<T> {
  if (res.status >= 300) throw new Error(`answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

export async function startEngagement(label: string): Promise<EngagementFixture> {
  const logger = createLogger({ service: 'engagement-test', level: 'silent' });
  const catalogData: TestDatabase = await createTestDatabase(`${label}_cat`, {
    migrations: catalogMigrations,
    relayTables: catalogRelayTables,
  });
  const data: TestDatabase = await createTestDatabase(label, { migrations, relayTables });
  const catalogDb = createDb({ url: catalogData.appUrl, max: 5 });
  const db = createDb({ url: data.appUrl, max: 5 });
  const owner = knex({ client: 'pg', connection: data.ownerUrl, pool: { min: 0, max: 2 } });
  const catalogOwner = knex({ client: 'pg', connection: catalogData.ownerUrl, pool: { min: 0, max: 2 } });
  const catalogServer: RunningHttpServer = await startHttpServer(
    createCatalogApp({ db: catalogDb, logger, signingKey: SIGNING_KEY, readiness: {} }),
    { port: 0, logger },
  );
  const catalog = createCatalogClient({
    baseUrl: catalogServer.url,
    signingKey: SIGNING_KEY,
    timeoutMs: 5000,
  });
  const server = await startHttpServer(
    createApp({ db, logger, catalog, signingKey: SIGNING_KEY, readiness: {} }),
    { port: 0, logger },
  );
  const onOrder = orderEventsHandler(db);
  const onSummary = reviewSummaryConsumer({ db: catalogDb, logger });
  const relayed = new Set<string>();

  const checked = checkingContract(
    { call: (path: string, init: CallInit = {}) => signedFetch(server.url, 'engagement', path, init) },
    { bodyPosts: true },
  );
  const as =
    (ctx: Partial<Ctx>): Caller =>
    (path, init = {}) =>
      checked.call(path, { ...init, ctx });
  const toCatalog = (tenantId: string, path: string, body?: unknown) =>
    signedFetch(catalogServer.url, 'catalog', path, {
      body,
      ctx: { tenantId, actor: { kind: 'staff', id: 'stf_1', roles: ['owner'] } },
    });
  const orderEvent = (tenantId: string, type: string, data: unknown) =>
    createEnvelope({ requestId: 'test', tenantId }, { type, data });

  return {
    call: checked.call,
    customer: (tenantId, customerId) => as({ tenantId, actor: { kind: 'customer', id: customerId } }),
    staff: (tenantId) => as({ tenantId, actor: { kind: 'staff', id: 'stf_1', roles: ['owner'] } }),
    anonymous: (tenantId) => as({ tenantId, actor: { kind: 'anonymous' } }),
    async category(tenantId, name) {
      return (await ok<{ id: string }>(await toCatalog(tenantId, '/api/admin/categories', { name }))).id;
    },
    async product(tenantId, title, categoryIds = [], status = 'active') {
      const sku = `${title.replace(/\W+/g, '-').toUpperCase()}-${newId('s').slice(-6)}`;
      const body = {
        title,
        description: `About ${title}`,
        categoryIds,
        status,
        variants: [{ sku, title: 'One', price: 2500, currency: 'USD', stock: 3 }],
      };
      return (await ok<{ id: string }>(await toCatalog(tenantId, '/api/admin/products', body))).id;
    },
    async placed(tenantId, orderId, customerId, productIds) {
      await onOrder(
        orderEvent(tenantId, 'order.placed', {
          orderId,
          checkoutId: `chk_${orderId}`,
          status: 'PLACED',
          customerId,
          email: 'shopper@example.com',
          items: productIds.map((productId, i) => ({
            variantId: `var_${i}`,
            productId,
            quantity: 1,
            unitPrice: 100,
          })),
        }),
      );
    },
    async delivered(tenantId, orderId) {
      await onOrder(
        orderEvent(tenantId, 'order.delivered', { orderId, status: 'DELIVERED', customerId: null }),
      );
    },
    async events(tenantId, type) {
      const rows = await owner('outbox')
        .where({ tenant_id: tenantId })
        .modify((q) => (type ? q.where({ type }) : q))
        .orderBy('seq')
        .select('envelope');
      return rows.map((row: { envelope: EventEnvelope }) => row.envelope);
    },
    async relaySummaries() {
      const rows = await owner('outbox').orderBy('seq').select('envelope');
      let n = 0;
      for (const { envelope } of rows as Array<{ envelope: EventEnvelope }>) {
        if (relayed.has(envelope.id)) continue;
        relayed.add(envelope.id);
        await onSummary(envelope);
        n++;
      }
      return n;
    },
    async storeProduct(tenantId, id) {
      const res = await signedFetch(catalogServer.url, 'catalog', `/api/store/products/${id}`, {
        ctx: { tenantId, actor: { kind: 'anonymous' } },
      });
      return ok<Record<string, unknown>>(res);
    },
    db,
    owner,
    catalogOwner,
    async close() {
      await server.close();
      await catalog.close();
      await catalogServer.close();
      await db.close();
      await catalogDb.close();
      await owner.destroy();
      await catalogOwner.destroy();
      await data.drop();
      await catalogData.drop();
    },
  };
}

export const newTenant = (): string => newId('ten');

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
