import type { ChannelModel } from 'amqplib';
import { Pool } from 'pg';
import { createDb, type Db } from '@fleet/db';
import { createTestDatabase, testAmqpPrefix, waitFor, type TestDatabase } from '@fleet/testing';
import {
  appendToOutbox,
  createEnvelope,
  startOutboxRelay,
  type Broker,
  type EventEnvelope,
  type OutboxRelay,
} from '../src';
import { logger, migrations, tenantA, tenantB, testBroker } from './fixtures';

const prefix = testAmqpPrefix('relay');
const connections: ChannelModel[] = [];
let database: TestDatabase;
let db: Db;
let inspect: Pool; // the relay role sees every tenant's outbox rows
let publisher: Broker;
let consumer: Broker;
const relays: OutboxRelay[] = [];
/** Every delivery, duplicates included, in arrival order. */
const deliveries: EventEnvelope[] = [];
const delivered = new Set<string>();

beforeAll(async () => {
  database = await createTestDatabase('relay', { migrations, relayTables: ['outbox'] });
  db = createDb({ url: database.appUrl });
  inspect = new Pool({ connectionString: database.relayUrl, max: 1 });
  publisher = await testBroker(prefix, { service: 'producer', onConnection: (c) => connections.push(c) });
  consumer = await testBroker(prefix, { service: 'collector' });
  await consumer.consume({
    name: 'all',
    bindings: ['relay.#'],
    handler: async (env) => {
      deliveries.push(env);
      delivered.add(env.id);
    },
  });
});

afterEach(async () => {
  await Promise.all(relays.splice(0).map((r) => r.stop()));
});

afterAll(async () => {
  await consumer.close();
  await publisher.close();
  await consumer.deleteDeclared();
  await publisher.deleteDeclared();
  await inspect.end();
  await db.close();
  await database.drop();
});

function relay(options: { broker?: Pick<Broker, 'publishMany'>; batchSize?: number } = {}): OutboxRelay {
  const started = startOutboxRelay({
    relayUrl: database.relayUrl,
    broker: options.broker ?? publisher,
    logger,
    batchSize: options.batchSize,
    pollMs: 50,
    backoffBaseMs: 20,
    backoffMaxMs: 200,
  });
  relays.push(started);
  return started;
}

const events = (n: number, type: string, aggregateId: string): EventEnvelope[] =>
  Array.from({ length: n }, (_, i) =>
    createEnvelope(tenantA, { type, aggregateId, version: i + 1, data: { i } }),
  );

async function unpublished(): Promise<number> {
  const { rows } = await inspect.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL',
  );
  return rows[0]?.n ?? -1;
}

test('an event appended in a transaction that rolls back is never published', async () => {
  relay();
  const doomed = createEnvelope(tenantA, { type: 'relay.doomed', data: {} });
  await expect(
    db.withTenant(tenantA, async (tx) => {
      await appendToOutbox(tx, doomed);
      throw new Error('business rule failed');
    }),
  ).rejects.toThrow('business rule failed');
  const marker = createEnvelope(tenantA, { type: 'relay.marker', data: {} });
  await db.withTenant(tenantA, (tx) => appendToOutbox(tx, marker));
  await waitFor('the committed marker', () => delivered.has(marker.id));
  expect(delivered.has(doomed.id)).toBe(false);
  const { rows } = await inspect.query('SELECT 1 FROM outbox WHERE id = $1', [doomed.id]);
  expect(rows).toHaveLength(0);
});

test('the app role cannot append an event of another tenant (row-level security)', async () => {
  const foreign = createEnvelope(tenantB, { type: 'relay.foreign', data: {} });
  await expect(db.withTenant(tenantA, (tx) => appendToOutbox(tx, foreign))).rejects.toMatchObject({
    code: '42501',
  });
});

test('the relay survives the RabbitMQ connection closing mid-batch: every event arrives, in order', async () => {
  const bulk = events(300, 'relay.bulk', 'agg_bulk');
  await db.withTenant(tenantA, (tx) => appendToOutbox(tx, bulk.slice(0, 150)));
  await db.withTenant(tenantA, (tx) => appendToOutbox(tx, bulk.slice(150)));
  let calls = 0;
  const flaky: Pick<Broker, 'publishMany'> = {
    publishMany(batch) {
      const outcome = publisher.publishMany(batch); // its writes are on the socket now…
      calls += 1;
      if (calls === 2) void connections[connections.length - 1]?.close(); // …and the confirms will never come
      return outcome;
    },
  };
  relay({ broker: flaky, batchSize: 50 });
  await waitFor('all 300 delivered', () => bulk.every((e) => delivered.has(e.id)), { timeoutMs: 20_000 });
  await waitFor('nothing left unpublished', async () => (await unpublished()) === 0);
  const { rows } = await inspect.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM outbox WHERE attempts > 0 AND last_error IS NOT NULL AND type = 'relay.bulk'",
  );
  expect(rows[0]?.n).toBeGreaterThan(0); // the broken batch was recorded and retried
  expect(connections.length).toBeGreaterThan(1);
  // Duplicates are allowed, but first arrivals follow commit order (version order per aggregate).
  const firstSeen = [...new Set(deliveries.filter((e) => e.type === 'relay.bulk').map((e) => e.version))];
  expect(firstSeen).toEqual(bulk.map((e) => e.version));
});

test('two relays running at once deliver everything exactly once between them (SKIP LOCKED)', async () => {
  const batch = events(200, 'relay.pair', 'agg_pair');
  for (let i = 0; i < 200; i += 50)
    await db.withTenant(tenantA, (tx) => appendToOutbox(tx, batch.slice(i, i + 50)));
  const published = [0, 0];
  const counting = (index: 0 | 1): Pick<Broker, 'publishMany'> => ({
    async publishMany(envelopes) {
      const outcome = await publisher.publishMany(envelopes);
      published[index] = (published[index] ?? 0) + outcome.confirmed;
      return outcome;
    },
  });
  const [first, second] = [
    relay({ broker: counting(0), batchSize: 10 }),
    relay({ broker: counting(1), batchSize: 10 }),
  ];
  await Promise.all([first.flush(), second.flush()]);
  await waitFor('all 200 delivered', () => batch.every((e) => delivered.has(e.id)));
  expect(await unpublished()).toBe(0);
  expect((published[0] ?? 0) + (published[1] ?? 0)).toBe(200); // no row was published twice
  expect(deliveries.filter((e) => e.type === 'relay.pair')).toHaveLength(200);
});

test('flush publishes what is pending and reports the count', async () => {
  const relayed = relay();
  await relayed.flush(); // the running relay may already have taken them: nothing else pending afterwards
  await db.withTenant(tenantB, (tx) =>
    appendToOutbox(tx, createEnvelope(tenantB, { type: 'relay.flushed', data: {} })),
  );
  const count = await relayed.flush();
  expect(count).toBeLessThanOrEqual(1);
  expect(await unpublished()).toBe(0);
});

test('published rows older than the retention are purged', async () => {
  const old = createEnvelope(tenantA, { type: 'relay.old', data: {} });
  await db.withTenant(tenantA, (tx) => appendToOutbox(tx, old));
  const purging = startOutboxRelay({
    relayUrl: database.relayUrl,
    broker: publisher,
    logger,
    pollMs: 50,
    retentionMs: 1,
    purgeEveryMs: 50,
  });
  relays.push(purging);
  await purging.flush();
  await waitFor(
    'purged',
    async () => (await inspect.query('SELECT 1 FROM outbox WHERE id = $1', [old.id])).rowCount === 0,
  );
});
