import { createLogger } from '@fleet/logger';
import { createBroker, createEnvelope, type Broker, type EventEnvelope } from '@fleet/messaging';
import { checkingContract, testAmqpPrefix, TEST_AMQP_URL, waitFor } from '@fleet/testing';
import type { DeadLetterList, DeadLetterView } from '../src/domain/list-dead-letters';
import { USAGE_EVENTS, usageConsumer } from '../src/messaging/usage.consumer';
import { startRegistry, storeBody, type RegistryFixture } from './registry-fixture';

const prefix = testAmqpPrefix('dead_letters_console');
const admin = { actor: { kind: 'platform_admin' as const, id: 'adm_1' } };
let registry: RegistryFixture;
let broker: Broker;
let tenantId: string;
/** How the usage consumer misbehaves: before its effect (nothing applied), after it (applied, then lost). */
let failure: 'none' | 'before' | 'after' = 'none';

beforeAll(async () => {
  broker = await createBroker({
    url: TEST_AMQP_URL,
    prefix,
    service: 'tenancy',
    logger: createLogger({ service: 'dead-letters-test', level: 'silent' }),
  });
  registry = checkingContract(
    await startRegistry('reg_dead_letters', { deadLetters: { broker, amqpPrefix: prefix } }),
  );
  const apply = usageConsumer(registry.db);
  await broker.consume({
    name: 'usage',
    bindings: USAGE_EVENTS,
    maxAttempts: 2,
    baseDelayMs: 30,
    handler: async (env) => {
      if (failure === 'before') throw new Error('usage store down');
      await apply(env);
      if (failure === 'after') throw new Error('acknowledgement lost');
    },
  });
  const res = await registry.call('/internal/tenants', { method: 'POST', body: storeBody('dead-letters') });
  tenantId = ((await res.json()) as { id: string }).id;
});
afterAll(async () => {
  await broker.deleteDeclared();
  await broker.close();
  await registry.close();
});

const orderPlaced = () =>
  createEnvelope(
    { requestId: 'r', tenantId },
    { type: 'order.placed', data: { total: 1000, currency: 'USD' } },
  );

async function list(query = ''): Promise<DeadLetterList> {
  const res = await registry.call(`/api/platform/dead-letters${query}`, { ctx: admin });
  expect(res.status).toBe(200);
  return (await res.json()) as DeadLetterList;
}

const listed = (env: EventEnvelope) =>
  waitFor(`dead letter ${env.id}`, async () =>
    (await list('?service=tenancy')).items.find((l) => l.messageId === env.id),
  );

async function ordersCounted(): Promise<number> {
  const res = await registry.call(`/api/platform/tenants/${tenantId}`, { ctx: admin });
  return ((await res.json()) as { usage: { orders: number } }).usage.orders;
}

const post = (path: string, body: unknown, ctx: object = admin) =>
  registry.call(`/api/platform/dead-letters/${path}`, { method: 'POST', body, ctx });

test('only platform admins reach dead letters', async () => {
  const ref = { service: 'tenancy', consumer: 'usage', messageId: 'msg_x' };
  for (const actor of [{ kind: 'staff' }, { kind: 'customer' }, { kind: 'anonymous' }, { kind: 'service' }]) {
    const ctx = { actor: actor as never, tenantId };
    expect((await registry.call('/api/platform/dead-letters', { ctx })).status).toBe(403);
    expect((await post('replay', { letters: [ref] }, ctx)).status).toBe(403);
    expect((await post('discard', { ...ref, reason: 'not mine' }, ctx)).status).toBe(403);
    expect((await registry.call('/api/platform/dead-letters/discarded', { ctx })).status).toBe(403);
  }
});

test('a failed event is listed with its error, replayed to its consumer once fixed, and the inbox still dedupes', async () => {
  failure = 'before';
  const failed = orderPlaced();
  await broker.publish(failed);
  const letter: DeadLetterView = await listed(failed);
  expect(letter).toMatchObject({
    service: 'tenancy',
    consumer: 'usage',
    eventType: 'order.placed',
    tenantId,
    error: 'usage store down',
    attempts: 2,
    envelope: { id: failed.id, data: { total: 1000 } },
  });
  const all = await list();
  expect(all.groups).toContainEqual({
    service: 'tenancy',
    consumer: 'usage',
    eventType: 'order.placed',
    count: 1,
  });
  expect((await list('?eventType=product.created')).items).toEqual([]);
  const one = await registry.call(`/api/platform/dead-letters/tenancy/usage/${failed.id}`, { ctx: admin });
  expect(await one.json()).toMatchObject({ messageId: failed.id, body: JSON.stringify(failed) });
  expect(await ordersCounted()).toBe(0);

  // Applied, then failed (a lost acknowledgement): the retry and the replay find it in the inbox.
  failure = 'after';
  const applied = orderPlaced();
  await broker.publish(applied);
  await listed(applied);
  expect(await ordersCounted()).toBe(1);

  failure = 'none';
  const refs = [failed, applied].map((e) => ({ service: 'tenancy', consumer: 'usage', messageId: e.id }));
  const replay = await post('replay', { letters: refs });
  expect(await replay.json()).toEqual({ results: refs.map((r) => ({ ...r, replayed: true })) });
  await waitFor('the replayed order counted', async () => ((await ordersCounted()) === 2 ? true : undefined));
  expect((await list('?service=tenancy')).items).toEqual([]);
  // Replaying again finds nothing; the count stays at one per event.
  expect(await (await post('replay', { letters: refs.slice(0, 1) })).json()).toEqual({
    results: [{ ...refs[0], replayed: false }],
  });
  expect(await ordersCounted()).toBe(2);
});

test('discard removes the letter and keeps it with the reason; bad input changes nothing', async () => {
  failure = 'before';
  const doomed = orderPlaced();
  await broker.publish(doomed);
  await listed(doomed);
  failure = 'none';
  const ref = { service: 'tenancy', consumer: 'usage', messageId: doomed.id };

  const noReason = await post('discard', { ...ref, reason: ' ' });
  expect(noReason.status).toBe(400);
  expect(noReason.headers.get('content-type')).toMatch(/application\/problem\+json/);
  for (const bad of [
    { ...ref, service: 'Tenancy!', reason: 'bad name' },
    { ...ref, consumer: 'nobody', reason: 'no such consumer' },
  ]) {
    expect([400, 404]).toContain((await post('discard', bad)).status);
  }
  expect((await post('replay', { letters: [] })).status).toBe(400);
  expect((await registry.call('/api/platform/dead-letters?limit=0', { ctx: admin })).status).toBe(400);
  expect((await registry.call('/api/platform/dead-letters/tenancy/nobody/x', { ctx: admin })).status).toBe(
    404,
  );
  expect((await list('?service=tenancy')).items.map((l) => l.messageId)).toEqual([doomed.id]);

  const discarded = await post('discard', { ...ref, reason: 'test order from a load test' });
  expect(discarded.status).toBe(200);
  expect(await discarded.json()).toMatchObject({
    ...ref,
    eventType: 'order.placed',
    tenantId,
    reason: 'test order from a load test',
    discardedBy: 'adm_1',
    error: 'usage store down',
  });
  expect((await list('?service=tenancy')).items).toEqual([]);
  expect((await post('discard', { ...ref, reason: 'again' })).status).toBe(404);
  const kept = await registry.call('/api/platform/dead-letters/discarded?limit=5', { ctx: admin });
  expect(await kept.json()).toMatchObject({
    items: [{ messageId: doomed.id, reason: 'test order from a load test' }],
    nextCursor: null,
  });
  expect(await ordersCounted()).toBe(2);
});
