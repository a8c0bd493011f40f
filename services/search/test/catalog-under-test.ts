import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import knex, { type Knex } from 'knex';
import { createApp, migrations, relayTables } from '@fleet/catalog';
import { seedProducts } from '@fleet/catalog/testing';
import { createDb, type Db } from '@fleet/db';
import { startHttpServer, type RunningHttpServer } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import type { ProductDocument } from '@fleet/contracts';
import { CONTEXT_HEADER, signContext, verifyContext } from '@fleet/tenancy';
import { createTestDatabase, type TestDatabase } from '@fleet/testing';

export interface CatalogUnderTest {
  /** The proxy's URL: search's reindex talks to the real catalog through it. */
  url: string;
  /** Every page request that reached the proxy, in order: tenant and cursor. */
  requests: Array<{ tenantId: string; cursor: string | null }>;
  /** Seeds `count` products titled "Bowl product n"; every product whose number ends in 9 is a draft. */
  seed(tenantId: string, count: number): Promise<string[]>;
  /** The ProductDocument the catalog serves for one product (through its internal API). */
  document(tenantId: string, productId: string): Promise<ProductDocument>;
  /** Answers 500 instead of forwarding the `ordinal`-th page request (1-based) of a tenant. */
  failPage(tenantId: string, ordinal: number): void;
  /** Holds every answer until `release()` (to keep a run busy). */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

/**
 * The real catalog service (own database, in-process) behind a small fault-injecting proxy at its
 * network boundary: the proxy records page requests, can fail one, or hold answers, and otherwise
 * forwards them unchanged.
 */
export async function startCatalogUnderTest(signingKey: string): Promise<CatalogUnderTest> {
  const database: TestDatabase = await createTestDatabase('search_catalog', { migrations, relayTables });
  const db: Db = createDb({ url: database.appUrl, max: 4 });
  const owner: Knex = knex({ client: 'pg', connection: database.ownerUrl, pool: { min: 0, max: 1 } });
  const logger = createLogger({ service: 'catalog-under-test', level: 'silent' });
  const catalog: RunningHttpServer = await startHttpServer(
    createApp({ db, logger, signingKey, readiness: {} }),
    {
      port: 0,
      logger,
    },
  );
  const requests: CatalogUnderTest['requests'] = [];
  const failures = new Set<string>();
  let held: Array<() => void> | undefined;

  const proxy = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://catalog');
    const header = req.headers[CONTEXT_HEADER] as string | undefined;
    const verified = verifyContext(header, signingKey, {
      audience: 'catalog',
      method: req.method ?? 'GET',
      path: url.pathname,
    });
    const tenantId = verified.ok ? (verified.ctx.tenantId ?? '') : '';
    requests.push({ tenantId, cursor: url.searchParams.get('cursor') });
    const ordinal = requests.filter((r) => r.tenantId === tenantId).length;
    const answer = async () => {
      if (failures.delete(`${tenantId}#${ordinal}`)) {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"code":"internal"}');
        return;
      }
      const upstream = await fetch(`${catalog.url}${req.url}`, {
        headers: header ? { [CONTEXT_HEADER]: header } : {},
      });
      res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(await upstream.text());
    };
    const run = () => void answer().catch(() => res.destroy());
    if (held) held.push(run);
    else run();
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    requests,
    async seed(tenantId, count) {
      const { productIds } = await seedProducts(db, tenantId, { count, prefix: 'bowl' });
      await owner.raw("UPDATE products SET status = 'draft' WHERE tenant_id = ? AND slug ~ '9$'", [tenantId]);
      return productIds;
    },
    async document(tenantId, productId) {
      const ctx = signContext(
        { requestId: 'test', tenantId, actor: { kind: 'service', id: 'search' } },
        signingKey,
        { audience: 'catalog', method: 'GET', path: '/internal/products' },
      );
      const res = await fetch(`${catalog.url}/internal/products?limit=500`, {
        headers: { [CONTEXT_HEADER]: ctx },
      });
      const page = (await res.json()) as { items: ProductDocument[] };
      const found = page.items.find((p) => p.id === productId);
      if (!found) throw new Error(`catalog has no product ${productId}`);
      return found;
    },
    failPage: (tenantId, ordinal) => void failures.add(`${tenantId}#${ordinal}`),
    hold: () => void (held ??= []),
    release() {
      const waiting = held ?? [];
      held = undefined;
      for (const run of waiting) run();
    },
    async close() {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await catalog.close();
      await db.close();
      await owner.destroy();
      await database.drop();
    },
  };
}
