import knex, { type Knex } from 'knex';
import type { Ctx } from '@fleet/context';
import type { ReservationView } from '@fleet/contracts';
import { createDb, newId, type Db } from '@fleet/db';
import { startHttpServer, type RunningHttpServer } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import type { EventEnvelope } from '@fleet/messaging';
import { CONTEXT_HEADER, contextTarget, signContext } from '@fleet/tenancy';
import { createTestDatabase, type TestDatabase } from '@fleet/testing';
import { createApp, migrations, relayTables, type SweepDeps } from '../src';

export const SIGNING_KEY = 'test-signing-key-0123456789abcdef';

export interface CallInit {
  method?: string;
  body?: unknown;
  ctx?: Partial<Ctx>;
}

export interface LevelState {
  onHand: number;
  reserved: number;
  version: number;
  productId: string | null;
  archived: boolean;
}

export interface InventoryFixture {
  url: string;
  db: Db;
  /** The relay role's pool, as the sweeper scans with it. */
  scanDb: Db;
  /** The schema owner (a superuser in tests): reads every tenant's rows to check them. */
  owner: Knex;
  database: TestDatabase;
  sweepDeps: SweepDeps;
  call(path: string, init?: CallInit): Promise<Response>;
  /** As the order saga calls: a service actor with the tenant. */
  internal(tenantId: string, path: string, init?: Omit<CallInit, 'ctx'>): Promise<Response>;
  /** As the gateway forwards merchant staff. */
  admin(tenantId: string, path: string, init?: Omit<CallInit, 'ctx'>): Promise<Response>;
  reserve(
    tenantId: string,
    body: {
      reservationId: string;
      items: Array<{ variantId: string; quantity: number }>;
      expiresAt?: string;
    },
  ): Promise<Response>;
  setStock(tenantId: string, variantId: string, onHand: number, productId?: string): Promise<void>;
  level(tenantId: string, variantId: string): Promise<LevelState | undefined>;
  events(tenantId: string, type?: string): Promise<EventEnvelope[]>;
  close(): Promise<void>;
}

export const newTenant = (): string => newId('ten');
export const inMinutes = (minutes: number): string => new Date(Date.now() + minutes * 60_000).toISOString();

/** Inventory in-process on port 0 against its own fresh database (migrated like production). */
export async function startInventory(label: string): Promise<InventoryFixture> {
  const database = await createTestDatabase(label, { migrations, relayTables });
  const db = createDb({ url: database.appUrl, max: 10 });
  const scanDb = createDb({ url: database.relayUrl, max: 2 });
  const owner = knex({ client: 'pg', connection: database.ownerUrl, pool: { min: 0, max: 2 } });
  const logger = createLogger({ service: 'inventory-test', level: 'silent' });
  const app = createApp({ db, logger, signingKey: SIGNING_KEY, readiness: { postgres: () => db.ping() } });
  const server: RunningHttpServer = await startHttpServer(app, { port: 0, logger });

  const call = (path: string, init: CallInit = {}) => {
    const ctx: Ctx = { requestId: 'test', actor: { kind: 'service', id: 'order' }, ...init.ctx };
    return fetch(`${server.url}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        [CONTEXT_HEADER]: signContext(
          ctx,
          SIGNING_KEY,
          contextTarget('inventory', init.method ?? (init.body === undefined ? 'GET' : 'POST'), path),
        ),
        'content-type': 'application/json',
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  };
  const internal = (tenantId: string, path: string, init: Omit<CallInit, 'ctx'> = {}) =>
    call(path, { ...init, ctx: { tenantId } });
  const admin = (tenantId: string, path: string, init: Omit<CallInit, 'ctx'> = {}) =>
    call(path, { ...init, ctx: { tenantId, actor: { kind: 'staff', id: 'stf_test' } } });

  return {
    url: server.url,
    db,
    scanDb,
    owner,
    database,
    sweepDeps: { db, scanDb, logger },
    call,
    internal,
    admin,
    reserve: (tenantId, body) =>
      internal(tenantId, '/internal/reservations', { body: { expiresAt: inMinutes(15), ...body } }),
    async setStock(tenantId, variantId, onHand, productId) {
      const res = await admin(tenantId, `/api/admin/inventory/${variantId}`, {
        method: 'PUT',
        body: productId === undefined ? { onHand } : { onHand, productId },
      });
      if (res.status >= 300) throw new Error(`setStock answered ${res.status}: ${await res.text()}`);
    },
    async level(tenantId, variantId) {
      const row = await owner('stock_levels')
        .where({ tenant_id: tenantId, variant_id: variantId })
        .first('on_hand', 'reserved', 'version', 'product_id', 'archived_at');
      return (
        row && {
          onHand: row.on_hand,
          reserved: row.reserved,
          version: row.version,
          productId: row.product_id,
          archived: row.archived_at !== null,
        }
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
    async close() {
      await server.close();
      await db.close();
      await scanDb.close();
      await owner.destroy();
      await database.drop();
    },
  };
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export type View = ReservationView;

export interface ProblemBody {
  status: number;
  code: string;
  errors?: Array<{ path: string; message: string }>;
  details?: Array<{ variantId: string; requested: number; available: number }>;
}
