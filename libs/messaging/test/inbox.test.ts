import { currentContext, type Ctx } from '@fleet/context';
import { createDb, type Db, type Queryable } from '@fleet/db';
import { createTestDatabase, testAmqpPrefix, waitFor, type TestDatabase } from '@fleet/testing';
import { createEnvelope, handleOnce, inboxConsumer, type Broker, type EventEnvelope } from '../src';
import { migrations, tenantA, tenantB, testBroker } from './fixtures';

const prefix = testAmqpPrefix('inbox');
let database: TestDatabase;
let db: Db;
let broker: Broker;

beforeAll(async () => {
  database = await createTestDatabase('inbox', { migrations });
  db = createDb({ url: database.appUrl });
  broker = await testBroker(prefix);
});

afterAll(async () => {
  await broker.close();
  await broker.deleteDeclared();
  await db.close();
  await database.drop();
});

/** The effect: bump a named counter (unscoped SQL: RLS keeps it in the event's tenant). */
async function bump(tx: Queryable, env: EventEnvelope): Promise<void> {
  await tx.query(
    `INSERT INTO counters (tenant_id, name, value) VALUES ($1, $2, 1)
     ON CONFLICT (tenant_id, name) DO UPDATE SET value = counters.value + 1`,
    [env.tenantId, env.aggregateId ?? 'none'],
  );
}

async function counter(ctx: Ctx, name: string): Promise<number> {
  const row = await db.withTenant(ctx, (tx) =>
    tx.maybeOne<{ value: number }>('SELECT value FROM counters WHERE name = $1', [name]),
  );
  return row?.value ?? 0;
}

async function inboxRows(ctx: Ctx, eventId: string): Promise<number> {
  const row = await db.withTenant(ctx, (tx) =>
    tx.maybeOne<{ n: number }>('SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [eventId]),
  );
  return row?.n ?? -1;
}

test('a consumer given the same event twice applies its effect once, in the event tenant context', async () => {
  const contexts: Array<Ctx | undefined> = [];
  const applied: string[] = [];
  await broker.consume({
    name: 'counter',
    bindings: ['inbox.#'],
    prefetch: 1, // strictly in order, so the marker is handled last
    handler: inboxConsumer(db, 'counter', async (tx, env) => {
      contexts.push(currentContext());
      await bump(tx, env);
      applied.push(env.id); // after a statement: a duplicate's first statement fails
    }),
  });
  const env = createEnvelope(tenantA, { type: 'inbox.bumped', aggregateId: 'twice', data: {} });
  await broker.publish(env);
  await broker.publish(env); // e.g. the relay crashed between publish and mark-as-sent
  const marker = createEnvelope(tenantA, { type: 'inbox.marker', aggregateId: 'marker', data: {} });
  await broker.publish(marker);
  await waitFor('the marker', () => applied.includes(marker.id));
  expect(applied).toEqual([env.id, marker.id]);
  expect(await counter(tenantA, 'twice')).toBe(1);
  expect(await inboxRows(tenantA, env.id)).toBe(1);
  expect(contexts[0]).toEqual({
    requestId: `msg:${env.id}`,
    tenantId: tenantA.tenantId,
    correlationId: 'req-a',
    causationId: env.id,
  });
});

test('concurrent duplicates: one applies, the other waits for it and is skipped', async () => {
  const env = createEnvelope(tenantA, { type: 'inbox.race', aggregateId: 'race', data: {} });
  const slowBump = async (tx: Queryable, e: EventEnvelope) => {
    await bump(tx, e);
    await new Promise((resolve) => setTimeout(resolve, 50)); // hold the inbox row lock a while
  };
  const results = await Promise.all([
    handleOnce(db, 'racer', env, slowBump),
    handleOnce(db, 'racer', env, slowBump),
  ]);
  expect(results.sort()).toEqual(['applied', 'duplicate']);
  expect(await counter(tenantA, 'race')).toBe(1);
});

test('a failing effect rolls back its inbox row, so the retry applies it', async () => {
  const env = createEnvelope(tenantA, { type: 'inbox.flaky', aggregateId: 'flaky', data: {} });
  await expect(
    handleOnce(db, 'flaky', env, async (tx, e) => {
      await bump(tx, e);
      throw new Error('downstream timeout');
    }),
  ).rejects.toThrow('downstream timeout');
  expect(await inboxRows(tenantA, env.id)).toBe(0);
  expect(await handleOnce(db, 'flaky', env, bump)).toBe('applied');
  expect(await handleOnce(db, 'flaky', env, bump)).toBe('duplicate');
  expect(await counter(tenantA, 'flaky')).toBe(1);
});

test('dedupe is per consumer and per tenant', async () => {
  const env = createEnvelope(tenantA, { type: 'inbox.shared', aggregateId: 'shared', data: {} });
  expect(await handleOnce(db, 'one', env, bump)).toBe('applied');
  expect(await handleOnce(db, 'two', env, bump)).toBe('applied');
  const sameIdOtherTenant = { ...env, tenantId: tenantB.tenantId };
  expect(await handleOnce(db, 'one', sameIdOtherTenant, bump)).toBe('applied');
  expect(await counter(tenantA, 'shared')).toBe(2);
  expect(await counter(tenantB, 'shared')).toBe(1);
});

test('a duplicate is skipped when its effect runs no statement (the inbox row goes with COMMIT)', async () => {
  const env = createEnvelope(tenantA, { type: 'inbox.quiet', aggregateId: 'quiet', data: {} });
  const nothing = async () => undefined;
  expect(await handleOnce(db, 'quiet', env, nothing)).toBe('applied');
  expect(await handleOnce(db, 'quiet', env, nothing)).toBe('duplicate');
  expect(await inboxRows(tenantA, env.id)).toBe(1);
});

test('a duplicate is skipped even when its effect swallows the failed statement', async () => {
  const env = createEnvelope(tenantA, { type: 'inbox.swallow', aggregateId: 'swallow', data: {} });
  const swallowing = async (tx: Queryable, e: EventEnvelope) => {
    await bump(tx, e).catch(() => undefined);
    await bump(tx, e);
  };
  expect(await handleOnce(db, 'swallow', env, bump)).toBe('applied');
  expect(await handleOnce(db, 'swallow', env, swallowing)).toBe('duplicate');
  expect(await counter(tenantA, 'swallow')).toBe(1);
});

test('an effect failing on a new event throws its own error and records nothing', async () => {
  const env = createEnvelope(tenantA, { type: 'inbox.broken', aggregateId: 'broken', data: {} });
  await expect(
    handleOnce(db, 'broken', env, async (tx) => {
      await tx.query('SELECT no_such_column FROM counters');
    }),
  ).rejects.toThrow(/no_such_column/);
  expect(await inboxRows(tenantA, env.id)).toBe(0);
});
