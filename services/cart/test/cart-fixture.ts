import type Redis from 'ioredis';
import type { Ctx } from '@fleet/context';
import { createApp as createCatalogApp, migrations, relayTables } from '@fleet/catalog';
import { createDb, newId, type Db } from '@fleet/db';
import { startHttpServer, type RunningHttpServer } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { CONTEXT_HEADER, contextTarget, signContext } from '@fleet/tenancy';
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@fleet/testing';
import { createApp, createCartDeps } from '../src';

export const SIGNING_KEY = 'test-signing-key-0123456789abcdef';

export interface CallInit {
  method?: string;
  body?: unknown;
  ctx?: Partial<Ctx>;
}

export interface Service {
  url: string;
  call(path: string, init?: CallInit): Promise<Response>;
}

export interface CartFixture extends Service {
  redis: Redis;
  prefix: string;
  catalog: Service & { db: Db };
  /** An active product with one variant per price, created through catalog's admin API. */
  product(tenantId: string, prices: number[], extra?: Record<string, unknown>): Promise<Product>;
  close(): Promise<void>;
}

export interface Product {
  id: string;
  variantIds: string[];
  skus: string[];
}

/** `audience`: the service's name, for which its callers sign the context. */
function serviceAt(audience: string, url: string): Service {
  return {
    url,
    call(path, init = {}) {
      const ctx: Ctx = { requestId: newId('req'), actor: { kind: 'anonymous' }, ...init.ctx };
      const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
      return fetch(`${url}${path}`, {
        method,
        headers: {
          [CONTEXT_HEADER]: signContext(ctx, SIGNING_KEY, contextTarget(audience, method, path)),
          'content-type': 'application/json',
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    },
  };
}

/** The real catalog in-process on port 0 against its own fresh database. */
async function startCatalog(label: string): Promise<Service & { db: Db; close(): Promise<void> }> {
  const database: TestDatabase = await createTestDatabase(label, { migrations, relayTables });
  const db = createDb({ url: database.appUrl, max: 10 });
  const logger = createLogger({ service: 'catalog-test', level: 'silent' });
  const app = createCatalogApp({ db, logger, signingKey: SIGNING_KEY, readiness: {} });
  const server: RunningHttpServer = await startHttpServer(app, { port: 0, logger });
  return {
    ...serviceAt('catalog', server.url),
    db,
    async close() {
      await server.close();
      await db.close();
      await database.drop();
    },
  };
}

let skuSeq = 0;

/** Cart in-process on port 0 with its own Redis prefix, in front of a real catalog. */
export async function startCart(
  label: string,
  options: { variantCacheMs?: number; ttlSeconds?: number } = {},
): Promise<CartFixture> {
  const catalog = await startCatalog(`${label}_catalog`);
  const testRedis: TestRedis = await createTestRedis(label);
  const logger = createLogger({ service: 'cart-test', level: 'silent' });
  const deps = createCartDeps({
    redis: testRedis.client,
    redisPrefix: testRedis.prefix,
    catalogUrl: catalog.url,
    signingKey: SIGNING_KEY,
    ttlSeconds: options.ttlSeconds,
    variantCacheMs: options.variantCacheMs ?? 0,
  });
  const app = createApp({ ...deps, logger, signingKey: SIGNING_KEY, readiness: {} });
  const server = await startHttpServer(app, { port: 0, logger });
  return {
    ...serviceAt('cart', server.url),
    redis: testRedis.client,
    prefix: testRedis.prefix,
    catalog,
    async product(tenantId, prices, extra = {}) {
      const skus = prices.map(() => `SKU-${++skuSeq}-${Math.random().toString(36).slice(2, 8)}`);
      const res = await catalog.call('/api/admin/products', {
        ctx: { tenantId, actor: { kind: 'staff', id: 'stf_1', roles: ['owner'] } },
        body: {
          title: `Product ${skus[0]}`,
          description: 'For cart tests.',
          categoryIds: [],
          variants: prices.map((price, i) => ({
            sku: skus[i],
            title: `Size ${i + 1}`,
            price,
            currency: 'USD',
            stock: 5,
          })),
          ...extra,
        },
      });
      if (res.status !== 201) throw new Error(`catalog answered ${res.status}: ${await res.text()}`);
      const body = (await res.json()) as { id: string; variants: Array<{ id: string }> };
      return { id: body.id, variantIds: body.variants.map((v) => v.id), skus };
    },
    async close() {
      await server.close();
      await deps.close();
      await testRedis.cleanup();
      await catalog.close();
    },
  };
}

export const newTenant = (): string => newId('ten');
export const guest = (tenantId: string): Partial<Ctx> => ({ tenantId, actor: { kind: 'anonymous' } });
export const customer = (tenantId: string, id: string): Partial<Ctx> => ({
  tenantId,
  actor: { kind: 'customer', id, roles: ['customer'] },
});
export const service = (tenantId: string): Partial<Ctx> => ({
  tenantId,
  actor: { kind: 'service', id: 'checkout' },
});
export const staff = (tenantId: string): Partial<Ctx> => ({
  tenantId,
  actor: { kind: 'staff', id: 'stf_1', roles: ['owner'] },
});

export interface CartBody {
  id: string;
  items: Array<{
    id: string;
    variantId: string;
    productId: string | null;
    title: string | null;
    sku: string | null;
    quantity: number;
    unitPrice: number | null;
    lineTotal: number;
    currency: string | null;
    purchasable: boolean;
    available: boolean;
    availableQuantity: number;
  }>;
  subtotal: number;
  currency: string | null;
  itemCount: number;
  customerId?: string | null;
}

export interface ProblemBody {
  status: number;
  code: string;
  errors?: Array<{ path: string; message: string }>;
}

export async function json<T = CartBody>(res: Response | Promise<Response>): Promise<T> {
  return (await (await res).json()) as T;
}

/** A new guest cart of the tenant. */
export async function newCart(fx: CartFixture, tenantId: string, ctx = guest(tenantId)): Promise<CartBody> {
  const res = await fx.call('/api/store/carts', { method: 'POST', ctx });
  if (res.status !== 201 && res.status !== 200) throw new Error(`create answered ${res.status}`);
  return json(res);
}

export function addItem(
  fx: CartFixture,
  tenantId: string,
  cartId: string,
  body: Record<string, unknown>,
  ctx = guest(tenantId),
): Promise<Response> {
  return fx.call(`/api/store/carts/${cartId}/items`, { body, ctx });
}
