import { createDb, type Db } from '@fleet/db';
import { serviceRegistry } from '@fleet/telemetry';
import { createTestDatabase, testAmqpPrefix, waitFor, type TestDatabase } from '@fleet/testing';
import { appendToOutbox, createEnvelope, startOutboxRelay, type Broker, type OutboxRelay } from '../src';
import { logger, migrations, tenantA, testBroker } from './fixtures';

/**
 * The operational metrics the messaging parts register for their service (issue 18), read the way
 * Prometheus reads them: the service registry's text, scraped while the figures move.
 */
const prefix = testAmqpPrefix('metrics');
let database: TestDatabase;
let db: Db;
let broker: Broker;

beforeAll(async () => {
  database = await createTestDatabase('metrics', { migrations, relayTables: ['outbox'] });
  db = createDb({ url: database.appUrl });
  broker = await testBroker(prefix, { service: 'metrics-svc' });
});
afterAll(async () => {
  await broker.close();
  await broker.deleteDeclared();
  await db.close();
  await database.drop();
});

/** The value of `metric` with exactly these labels in `service`'s scrape, or undefined. */
async function scrape(
  service: string,
  metric: string,
  labels: Record<string, string>,
): Promise<number | undefined> {
  const text = await serviceRegistry(service).metrics();
  const wanted = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
  const line = text.split('\n').find((l) => l.startsWith(`${metric}{${wanted}} `));
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

async function append(count: number): Promise<void> {
  await db.withTenant(tenantA, (tx) =>
    appendToOutbox(
      tx,
      Array.from({ length: count }, (_, i) => createEnvelope(tenantA, { type: 'metrics.made', data: { i } })),
    ),
  );
}

test('outbox backlog and lag grow while the relay cannot publish, and fall to 0 once it can', async () => {
  const service = 'outbox-metrics';
  // A relay whose RabbitMQ is gone: every cycle fails, rows stay unpublished.
  const gone = await testBroker(prefix, { service });
  await gone.close();
  const stuck: OutboxRelay = startOutboxRelay({
    relayUrl: database.relayUrl,
    broker: gone,
    logger,
    service,
    pollMs: 50,
    backoffBaseMs: 20,
    backoffMaxMs: 50,
  });
  try {
    expect(await scrape(service, 'fleet_outbox_backlog', { service })).toBe(0);
    expect(await scrape(service, 'fleet_outbox_lag_seconds', { service })).toBe(0);
    await append(3);
    expect(await scrape(service, 'fleet_outbox_backlog', { service })).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await append(2);
    expect(await scrape(service, 'fleet_outbox_backlog', { service })).toBe(5);
    expect(await scrape(service, 'fleet_outbox_lag_seconds', { service })).toBeGreaterThanOrEqual(1);
  } finally {
    await stuck.stop();
  }
  // The stopped relay no longer reports; a working one drains the rows and reports 0.
  expect(await scrape(service, 'fleet_outbox_backlog', { service })).toBeUndefined();
  const relay = startOutboxRelay({ relayUrl: database.relayUrl, broker, logger, service, pollMs: 50 });
  try {
    await relay.flush();
    await waitFor('the backlog to drain', async () =>
      (await scrape(service, 'fleet_outbox_backlog', { service })) === 0 ? true : undefined,
    );
    expect(await scrape(service, 'fleet_outbox_lag_seconds', { service })).toBe(0);
  } finally {
    await relay.stop();
  }
});

test('a message dead-lettered after its last attempt shows in its consumer queue depth', async () => {
  const queue = await broker.consume({
    name: 'always-fails',
    bindings: ['metrics.fail'],
    maxAttempts: 1,
    handler: async () => {
      throw new Error('this consumer always fails');
    },
  });
  const labels = { service: 'metrics-svc', queue };
  expect(await scrape('metrics-svc', 'fleet_dead_letter_messages', labels)).toBe(0);
  await broker.publish(createEnvelope(tenantA, { type: 'metrics.fail', data: {} }));
  await waitFor(
    'the message in the dead-letter queue',
    async () =>
      (await scrape('metrics-svc', 'fleet_dead_letter_messages', labels)) === 1 ? true : undefined,
    { timeoutMs: 15_000 },
  );
});
