import knex, { type Knex } from 'knex';
import type { Ctx } from '@fleet/context';
import { createDb, newId, type Db } from '@fleet/db';
import { startHttpServer, type RunningHttpServer } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { createEnvelope, type EventEnvelope } from '@fleet/messaging';
import { CONTEXT_HEADER, contextTarget, signContext } from '@fleet/tenancy';
import { createTestDatabase, type TestDatabase } from '@fleet/testing';
import { createApp, migrations, orderEventsHandler, relayTables } from '../src';

export const SIGNING_KEY = 'test-signing-key-0123456789abcdef';

export interface CallInit {
  method?: string;
  body?: unknown;
  ctx?: Partial<Ctx>;
}

export interface ShipmentFixture {
  url: string;
  db: Db;
  /** The schema owner (a superuser in tests): reads every tenant's rows to check them. */
  owner: Knex;
  database: TestDatabase;
  call(path: string, init?: CallInit): Promise<Response>;
  /** Delivers an `order.fulfilled` to the consumer's handler (as the broker would, possibly again). */
  deliver(envelope: EventEnvelope): Promise<void>;
  events(tenantId: string, type?: string): Promise<EventEnvelope[]>;
  rows(table: string, tenantId: string): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

export const newTenant = (): string => newId('ten');
export const newOrderId = (): string => newId('ord');

const staff = (tenantId: string): Partial<Ctx> => ({ tenantId, actor: { kind: 'staff', id: 'stf_test' } });
const service = (tenantId: string): Partial<Ctx> => ({
  tenantId,
  actor: { kind: 'service', id: 'checkout' },
});

/** As the gateway forwards the store's staff. */
export const admin = (
  fx: Pick<ShipmentFixture, 'call'>,
  tenantId: string,
  path: string,
  init: CallInit = {},
) => fx.call(path, { ...init, ctx: staff(tenantId) });

/** As checkout calls. */
export const internal = (fx: Pick<ShipmentFixture, 'call'>, tenantId: string, path: string, body: unknown) =>
  fx.call(path, { method: 'POST', body, ctx: service(tenantId) });

/** What order publishes when the merchant fulfils an order. */
export function orderFulfilled(tenantId: string, orderId: string): EventEnvelope {
  return createEnvelope(
    { requestId: 'order-test', tenantId },
    {
      type: 'order.fulfilled',
      aggregateId: orderId,
      version: 3,
      data: {
        orderId,
        checkoutId: 'chk_1',
        status: 'FULFILLED',
        previousStatus: 'PLACED',
        reason: 'fulfilled',
        total: 2500,
        currency: 'USD',
        customerId: null,
        email: 'shopper@example.com',
        test: true,
      },
    },
  );
}

/** Shipment in-process on port 0 against its own fresh database (migrated like production). */
export async function startShipment(label: string): Promise<ShipmentFixture> {
  const database = await createTestDatabase(label, { migrations, relayTables });
  const db = createDb({ url: database.appUrl, max: 6 });
  const owner = knex({ client: 'pg', connection: database.ownerUrl, pool: { min: 0, max: 2 } });
  const logger = createLogger({ service: 'shipment-test', level: 'silent' });
  const app = createApp({ db, logger, signingKey: SIGNING_KEY, readiness: { postgres: () => db.ping() } });
  const server: RunningHttpServer = await startHttpServer(app, { port: 0, logger });
  const handler = orderEventsHandler(db);

  return {
    url: server.url,
    db,
    owner,
    database,
    call(path, init = {}) {
      const ctx: Ctx = { requestId: 'test', actor: { kind: 'anonymous' }, ...init.ctx };
      const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
      return fetch(`${server.url}${path}`, {
        method,
        headers: {
          [CONTEXT_HEADER]: signContext(ctx, SIGNING_KEY, contextTarget('shipment', method, path)),
          'content-type': 'application/json',
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    },
    deliver: (envelope) => handler(envelope),
    async events(tenantId, type) {
      const rows = await owner('outbox')
        .where({ tenant_id: tenantId })
        .modify((q) => (type ? q.where({ type }) : q))
        .orderBy('seq')
        .select('envelope');
      return rows.map((row: { envelope: EventEnvelope }) => row.envelope);
    },
    rows: (table, tenantId) => owner(table).where({ tenant_id: tenantId }).select('*'),
    async close() {
      await server.close();
      await db.close();
      await owner.destroy();
      await database.drop();
    },
  };
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
