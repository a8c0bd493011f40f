import knex, { type Knex } from 'knex';
import type { Ctx } from '@fleet/context';
import { createDb, newId, type Db } from '@fleet/db';
import { startHttpServer, type RunningHttpServer } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { createBroker, type Broker, type EventEnvelope } from '@fleet/messaging';
import { CONTEXT_HEADER, contextTarget, signContext } from '@fleet/tenancy';
import {
  createApp as createRegistryApp,
  migrations as registryMigrations,
  relayTables as registryRelay,
} from '@fleet/tenancy-registry';
import {
  createTestDatabase,
  createTestRedis,
  startSmtpSink,
  testAmqpPrefix,
  TEST_AMQP_URL,
  type SmtpSink,
  type TestRedis,
} from '@fleet/testing';
import {
  consumeNotificationEvents,
  createApp,
  createDeliveryQueue,
  createEmailRenderer,
  createSmtpMailer,
  createStoreProfiles,
  migrations,
  relayTables,
  startDeliveryWorker,
  type DeliveryQueue,
} from '../src';

export const SIGNING_KEY = 'test-signing-key-0123456789abcdef';

export interface CallInit {
  method?: string;
  body?: unknown;
  ctx?: Partial<Ctx>;
}

export interface Store {
  tenantId: string;
  slug: string;
  name: string;
}

export interface NotificationFixture {
  db: Db;
  owner: Knex;
  smtp: SmtpSink;
  redis: TestRedis;
  broker: Broker;
  queue: DeliveryQueue;
  /** Calls notification as the gateway forwards a request (`ctx` says who). */
  call(path: string, init?: CallInit): Promise<Response>;
  /** As the tenant's staff. */
  admin(tenantId: string, path: string, init?: Omit<CallInit, 'ctx'>): Promise<Response>;
  /** A store in the real registry, with its branding set by its staff. */
  openStore(theme?: { primaryColor?: string; logoUrl?: string }): Promise<Store>;
  /** Publishes an event as its producer's outbox relay would. */
  publish<T>(tenantId: string, type: string, data: T, id?: string): Promise<EventEnvelope<T>>;
  deliveries(tenantId: string): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

type Closer = () => Promise<unknown> | unknown;

/**
 * Notification in-process on port 0 against its own database, the real tenant registry (for the
 * store's branding), Redis (BullMQ) and RabbitMQ under this file's own prefixes, and a real SMTP
 * server (`smtp-server`) as the mail provider.
 */
export async function startNotification(
  label: string,
  options: { attempts?: number; backoffMs?: number; concurrency?: number } = {},
): Promise<NotificationFixture> {
  const closers: Closer[] = [];
  const logger = createLogger({ service: 'notification-test', level: 'silent' });
  const database = await createTestDatabase(label, { migrations, relayTables });
  const registryDatabase = await createTestDatabase(`${label}_reg`, {
    migrations: registryMigrations,
    relayTables: registryRelay,
  });
  const db = createDb({ url: database.appUrl, max: 10 });
  const registryDb = createDb({ url: registryDatabase.appUrl, max: 4 });
  const owner = knex({ client: 'pg', connection: database.ownerUrl, pool: { min: 0, max: 2 } });
  closers.push(
    () => registryDatabase.drop(),
    () => database.drop(),
    () => registryDb.close(),
    () => db.close(),
    () => owner.destroy(),
  );
  const registry: RunningHttpServer = await startHttpServer(
    createRegistryApp({
      db: registryDb,
      logger,
      signingKey: SIGNING_KEY,
      readiness: {},
      platformDomain: 'fleet.test',
    }),
    { port: 0, logger },
  );
  closers.push(() => registry.close());
  const smtp = await startSmtpSink();
  closers.push(() => smtp.close());
  const redis = await createTestRedis(label);
  closers.push(() => redis.cleanup());

  const profiles = createStoreProfiles({ tenancyUrl: registry.url, signingKey: SIGNING_KEY, maxAgeMs: 0 });
  const deps = { db, logger, profiles, renderer: createEmailRenderer() };
  const queueOptions = {
    redisUrl: redis.url,
    redisPrefix: redis.prefix,
    logger,
    attempts: options.attempts ?? 3,
    backoffMs: options.backoffMs ?? 100,
  };
  const queue = createDeliveryQueue(queueOptions);
  const mailer = createSmtpMailer(smtp.url);
  const worker = startDeliveryWorker(
    { ...deps, mailer, mailFrom: 'mail@fleet.test' },
    { ...queueOptions, concurrency: options.concurrency ?? 4 },
  );
  const broker = await createBroker({
    url: TEST_AMQP_URL,
    prefix: testAmqpPrefix(label),
    service: 'notification',
    logger,
  });
  await consumeNotificationEvents(broker, db, queue, { baseDelayMs: 100, maxAttempts: 20 });
  closers.push(
    () => profiles.close(),
    () => mailer.close(),
    () => queue.close(),
    () => worker.close(),
    // closed in reverse: the topology is deleted before the connection closes
    () => broker.close(),
    () => broker.deleteDeclared(),
  );
  const server = await startHttpServer(createApp({ ...deps, signingKey: SIGNING_KEY, readiness: {} }), {
    port: 0,
    logger,
  });
  closers.push(() => server.close());

  const signedCall =
    (baseUrl: string, audience: string) =>
    (path: string, init: CallInit = {}) => {
      const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
      const ctx: Ctx = { requestId: 'test', actor: { kind: 'anonymous' }, ...init.ctx };
      return fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          [CONTEXT_HEADER]: signContext(ctx, SIGNING_KEY, contextTarget(audience, method, path)),
          'content-type': 'application/json',
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    };
  const call = signedCall(server.url, 'notification');
  const registryCall = signedCall(registry.url, 'tenancy');
  const staff = (tenantId: string): Partial<Ctx> => ({ tenantId, actor: { kind: 'staff', id: 'stf_test' } });
  let seq = 0;

  return {
    db,
    owner,
    smtp,
    redis,
    broker,
    queue,
    call,
    admin: (tenantId, path, init = {}) => call(path, { ...init, ctx: staff(tenantId) }),
    async openStore(theme) {
      const slug = `mail-${Date.now().toString(36)}-${++seq}`;
      const name = `Store ${slug}`;
      const res = await registryCall('/internal/tenants', {
        body: { slug, name, currency: 'USD', country: 'US' },
        ctx: { actor: { kind: 'service', id: 'test' } },
      });
      if (res.status !== 201) throw new Error(`provisioning answered ${res.status}: ${await res.text()}`);
      const { id: tenantId } = (await res.json()) as { id: string };
      if (theme) {
        const set = await registryCall('/api/admin/settings/store', {
          method: 'PATCH',
          body: { theme },
          ctx: staff(tenantId),
        });
        if (set.status !== 200) throw new Error(`settings answered ${set.status}: ${await set.text()}`);
      }
      return { tenantId, slug, name };
    },
    async publish(tenantId, type, data, id = newId('evt')) {
      const envelope = {
        id,
        type,
        tenantId,
        occurredAt: new Date().toISOString(),
        correlationId: `test-${id}`,
        causationId: null,
        data,
      };
      await broker.publish(envelope);
      return envelope;
    },
    deliveries: (tenantId) =>
      owner('deliveries').where({ tenant_id: tenantId }).orderBy('created_at').select('*'),
    async close() {
      for (const close of closers.reverse()) await close();
    },
  };
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** An order event's data as the order service writes it. */
export function orderEvent(orderId: string, email: string, extra: Record<string, unknown> = {}) {
  return {
    orderId,
    checkoutId: `chk_${orderId}`,
    status: 'PLACED',
    previousStatus: 'PENDING',
    reason: null,
    total: 5_850,
    currency: 'USD',
    customerId: null,
    email,
    test: true,
    items: [{ variantId: 'var_1', productId: 'prod_1', quantity: 2, unitPrice: 2_925 }],
    ...extra,
  };
}
