import knex, { type Knex } from 'knex';
import type { Ctx } from '@fleet/context';
import type { PaymentSettingsView, PaymentView } from '@fleet/contracts';
import { createDb, newId, type Db } from '@fleet/db';
import { startHttpServer, type RunningHttpServer } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import {
  offlineWebhook,
  signOfflineWebhook,
  type OfflineWebhookBody,
  type PaymentProvider,
  type ProviderName,
} from '@fleet/payment-providers';
import {
  createBroker,
  startOutboxRelay,
  type Broker,
  type EventEnvelope,
  type OutboxRelay,
} from '@fleet/messaging';
import { CONTEXT_HEADER, contextTarget, signContext } from '@fleet/tenancy';
import { createTestDatabase, testAmqpPrefix, TEST_AMQP_URL, type TestDatabase } from '@fleet/testing';
import { createApp } from '../src/app';
import { createPaymentDeps } from '../src/bootstrap';
import { migrations, relayTables } from '../src/data-access/migrations';
import type { PaymentDeps } from '../src/domain/payment-deps';
import { providerAccount } from '../src/domain/settings/provider-accounts';
import { startRefundRetrier, type RefundRetrier } from '../src/messaging/refund-retrier';
import { startWebhookProcessor, type WebhookProcessor } from '../src/messaging/webhook-processor';

export const SIGNING_KEY = 'test-signing-key-0123456789abcdef';
export const CREDENTIALS_KEY = 'k1:test-payment-credentials-key-0123456789';

export interface CallInit {
  method?: string;
  body?: unknown;
  /** Sent byte for byte (webhooks); wins over `body`. */
  rawBody?: string;
  ctx?: Partial<Ctx>;
  headers?: Record<string, string>;
}

export interface PaymentFixture {
  url: string;
  db: Db;
  owner: Knex;
  deps: PaymentDeps;
  processor: WebhookProcessor;
  retrier: RefundRetrier;
  /** Every payment.* event that reached RabbitMQ. */
  published: EventEnvelope[];
  /** warn and error log lines, parsed. */
  logs: Array<Record<string, unknown>>;
  /** As the gateway calls the service (signed context). */
  call(path: string, init?: CallInit): Promise<Response>;
  close(): Promise<void>;
}

export interface PaymentFixtureOptions {
  /** Where the Stripe / Razorpay SDKs are pointed (local stand-ins); unset: the real APIs. */
  /** The providers' API hosts by name (a stand-in's URL). */
  apiBases?: Partial<Record<ProviderName, string>>;
  /** Instead of the built-in providers (a test's own provider behaviour). */
  providers?: readonly PaymentProvider[];
  /** Refund retries; default here 50 ms doubling to 200 ms, 4 attempts. */
  refundRetry?: PaymentDeps['refundRetry'];
  /** When refunds pending at their provider are asked about (default: the service's). */
  refundPoll?: PaymentDeps['refundPoll'];
  /** How often the retrier scans on its own; default 50 ms (a test that drives it calls drain()). */
  retrierPollMs?: number;
}

/** Payment in-process on port 0 with its own database, RabbitMQ prefix, relay and processor. */
export async function startPayment(
  label: string,
  options: PaymentFixtureOptions = {},
): Promise<PaymentFixture> {
  const database: TestDatabase = await createTestDatabase(label, { migrations, relayTables });
  const db = createDb({ url: database.appUrl, max: 10 });
  const owner = knex({ client: 'pg', connection: database.ownerUrl, pool: { min: 0, max: 2 } });
  const logs: Array<Record<string, unknown>> = [];
  const logger = createLogger({
    service: 'payment-test',
    level: process.env.TEST_LOG_LEVEL ?? 'warn',
    destination: { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
  });
  const broker: Broker = await createBroker({
    url: TEST_AMQP_URL,
    prefix: testAmqpPrefix(label),
    service: 'payment',
    logger,
  });
  const published: EventEnvelope[] = [];
  await broker.consume({
    name: 'probe',
    bindings: ['payment.*'],
    handler: async (e) => void published.push(e),
  });
  const relay: OutboxRelay = startOutboxRelay({ relayUrl: database.relayUrl, broker, logger, pollMs: 50 });
  const processor = startWebhookProcessor({
    deps: { db, logger },
    relayUrl: database.relayUrl,
    pollMs: 50,
    retry: { baseMs: 50, maxMs: 200, maxAttempts: 50 },
  });
  let url = '';
  const deps = await createPaymentDeps({
    db,
    logger,
    credentialsKey: CREDENTIALS_KEY,
    signingKey: SIGNING_KEY,
    webhookBaseUrl: () => url,
    onReceiptStored: () => processor.wake(),
    refundRetry: { baseMs: 50, maxMs: 200, maxAttempts: 4 },
    ...options,
  });
  const retrier = startRefundRetrier({
    deps,
    relayUrl: database.relayUrl,
    pollMs: options.retrierPollMs ?? 50,
  });
  const app = createApp({ ...deps, signingKey: SIGNING_KEY, readiness: { postgres: () => db.ping() } });
  const server: RunningHttpServer = await startHttpServer(app, { port: 0, logger });
  url = server.url;
  return {
    url,
    db,
    owner,
    deps,
    processor,
    retrier,
    published,
    logs,
    call(path, init = {}) {
      const ctx: Ctx = { requestId: newId('req'), actor: { kind: 'anonymous' }, ...init.ctx };
      const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
      return fetch(`${url}${path}`, {
        method: init.method ?? (body === undefined ? 'GET' : 'POST'),
        headers: {
          [CONTEXT_HEADER]: signContext(
            ctx,
            SIGNING_KEY,
            contextTarget('payment', init.method ?? (body === undefined ? 'GET' : 'POST'), path),
          ),
          'content-type': 'application/json',
          ...init.headers,
        },
        body,
      });
    },
    async close() {
      await server.close();
      await retrier.stop();
      await processor.stop();
      await relay.stop();
      await broker.deleteDeclared();
      await broker.close();
      await db.close();
      await owner.destroy();
      await database.drop();
    },
  };
}

/** A fresh tenant: payment trusts the gateway's context and keeps no tenant list. */
export const newTenant = (): string => newId('ten');
export const newOrder = (): string => newId('ord');

/** The order saga calling the internal API. */
export const service = (tenantId: string | undefined): Partial<Ctx> => ({
  tenantId,
  actor: { kind: 'service', id: 'order' },
});

/** Staff of the store (by default its owner), as the gateway forwards a staff token. */
export const staffOf = (tenantId: string, roles = ['staff', 'owner']): Partial<Ctx> => ({
  tenantId,
  actor: { kind: 'staff', id: 'stf_owner', roles },
});

export const SETTINGS_PATH = '/api/admin/settings/payments';

export const putSettings = (fx: PaymentFixture, tenantId: string, body: unknown, ctx = staffOf(tenantId)) =>
  fx.call(SETTINGS_PATH, { method: 'PUT', body, ctx });

export const readSettings = async (fx: PaymentFixture, tenantId: string) =>
  json<PaymentSettingsView>(await fx.call(SETTINGS_PATH, { ctx: staffOf(tenantId) }));

/** A shopper on the store's host. */
export const shopper = (tenantId: string): Partial<Ctx> => ({ tenantId, actor: { kind: 'anonymous' } });

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export async function createPayment(
  fx: PaymentFixture,
  tenantId: string,
  body: Record<string, unknown> = {},
): Promise<PaymentView> {
  const res = await fx.call('/internal/payments', {
    body: { orderId: newOrder(), amount: 2500, currency: 'USD', ...body },
    ctx: service(tenantId),
  });
  expect(res.status).toBe(201);
  return json<PaymentView>(res);
}

export async function getPayment(
  fx: PaymentFixture,
  tenantId: string,
  paymentId: string,
): Promise<PaymentView> {
  return json<PaymentView>(await fx.call(`/internal/payments/${paymentId}`, { ctx: service(tenantId) }));
}

export function simulate(
  fx: PaymentFixture,
  tenantId: string,
  paymentId: string,
  outcome: string,
): Promise<Response> {
  return fx.call(`/api/store/payments/${paymentId}/simulate`, { body: { outcome }, ctx: shopper(tenantId) });
}

/** The tenant's offline webhook secret, read the way the service reads it. */
export async function webhookSecret(fx: PaymentFixture, tenantId: string): Promise<string> {
  const ctx = { requestId: 'test', tenantId };
  const account = await fx.db.readAsTenant(ctx, (tx) => providerAccount(tx, ctx, fx.deps, 'offline'));
  if (!account) throw new Error('tenant has no offline account');
  return account.credentials.webhookSecret;
}

/** Delivers an offline webhook to the service as the gateway would forward it for `tenantId`. */
export function deliverWebhook(
  fx: PaymentFixture,
  tenantId: string,
  delivery: { rawBody: string; headers: Record<string, string> },
): Promise<Response> {
  return fx.call('/api/webhooks/offline', {
    ctx: shopper(tenantId),
    headers: delivery.headers,
    rawBody: delivery.rawBody,
  });
}

export function signedWebhook(
  secret: string,
  type: OfflineWebhookBody['type'],
  data: OfflineWebhookBody['data'],
): { body: OfflineWebhookBody; delivery: { rawBody: string; headers: Record<string, string> } } {
  const body = offlineWebhook(type, data);
  return { body, delivery: signOfflineWebhook(secret, body) };
}

export function outbox(
  fx: PaymentFixture,
  tenantId: string,
  type?: string,
): Promise<Array<{ type: string; envelope: EventEnvelope }>> {
  const query = fx.owner('outbox').where({ tenant_id: tenantId }).orderBy('seq').select('type', 'envelope');
  return type ? query.andWhere({ type }) : query;
}

export function receipts(fx: PaymentFixture, tenantId: string): Promise<Array<Record<string, unknown>>> {
  return fx.owner('webhook_receipts').where({ tenant_id: tenantId }).orderBy('received_at');
}
