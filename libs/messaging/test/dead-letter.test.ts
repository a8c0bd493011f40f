import { connect, type ChannelModel } from 'amqplib';
import { TEST_AMQP_URL, testAmqpPrefix, waitFor } from '@fleet/testing';
import { createEnvelope, type Broker, type EventEnvelope } from '../src';
import { gaps, tenantA, testBroker } from './fixtures';

const prefix = testAmqpPrefix('dead_letter');
const BASE_DELAY_MS = 80;
const brokers: Broker[] = [];
let broker: Broker;

beforeAll(async () => {
  broker = await testBroker(prefix);
  brokers.push(broker);
});

afterAll(async () => {
  for (const b of brokers) await b.close();
  for (const b of brokers) await b.deleteDeclared();
});

test('a failing handler is retried with growing delays, then dead-lettered; other messages flow meanwhile', async () => {
  const poisonAttempts: number[] = [];
  let healthyAt = 0;
  let fixed = false;
  const queue = await broker.consume({
    name: 'flaky',
    bindings: ['retry.#'],
    maxAttempts: 4,
    baseDelayMs: BASE_DELAY_MS,
    handler: async (env) => {
      if (env.type === 'retry.healthy') healthyAt = Date.now();
      if (env.type !== 'retry.poison') return;
      poisonAttempts.push(Date.now());
      if (!fixed) throw new Error('poisoned');
    },
  });
  const poison = createEnvelope(tenantA, { type: 'retry.poison', data: {} });
  await broker.publish(poison);
  await broker.publish(createEnvelope(tenantA, { type: 'retry.healthy', data: {} }));

  const [letter] = await waitFor('the dead letter', async () => {
    const letters = await broker.listDeadLetters(queue);
    return letters.length ? letters : undefined;
  });
  expect(poisonAttempts).toHaveLength(4);
  const waits = gaps(poisonAttempts); // ≈ 80, 160, 320 ms
  waits.forEach((wait, i) => expect(wait).toBeGreaterThanOrEqual(BASE_DELAY_MS * 2 ** i - 10));
  expect(waits[1]).toBeGreaterThan(waits[0] ?? Infinity);
  expect(waits[2]).toBeGreaterThan(waits[1] ?? Infinity);
  // The healthy message published after the poison one was handled before the first retry.
  expect(healthyAt).toBeGreaterThan(0);
  expect(healthyAt).toBeLessThan(poisonAttempts[1] ?? 0);
  expect(letter).toMatchObject({
    queue: `${queue}.dlq`,
    messageId: poison.id,
    routingKey: 'retry.poison',
    error: 'poisoned',
    attempts: 4,
    consumer: queue,
    envelope: poison,
  });
  expect(Date.parse(letter?.failedAt ?? '')).toBeGreaterThanOrEqual(poisonAttempts[3] ?? Infinity);

  // Fixed: a replay puts it back with a fresh attempt count, and the DLQ empties.
  fixed = true;
  expect(await broker.replayDeadLetter(queue, poison.id)).toBe(true);
  await waitFor('the replayed attempt', () => poisonAttempts.length === 5);
  expect(await broker.listDeadLetters(queue)).toEqual([]);
  expect(await broker.replayDeadLetter(queue, poison.id)).toBe(false);
});

test('a discard keeps the letter first, then removes only that one; a failing record removes nothing', async () => {
  const queue = await broker.consume({
    name: 'discard',
    bindings: ['discard.#'],
    maxAttempts: 1,
    handler: async () => {
      throw new Error('always');
    },
  });
  const [one, two] = [1, 2].map(() => createEnvelope(tenantA, { type: 'discard.me', data: {} }));
  await broker.publish(one!);
  await broker.publish(two!);
  await waitFor('two dead letters', async () => (await broker.listDeadLetters(queue)).length === 2);

  await expect(
    broker.discardDeadLetter(queue, one!.id, async () => {
      throw new Error('database down');
    }),
  ).rejects.toThrow('database down');
  expect((await broker.listDeadLetters(queue)).map((l) => l.messageId).sort()).toEqual(
    [one!.id, two!.id].sort(),
  );

  const kept: string[] = [];
  const removed = await broker.discardDeadLetter(queue, one!.id, async (letter) => {
    kept.push(letter.messageId);
  });
  expect(removed).toMatchObject({ messageId: one!.id, error: 'always', envelope: one });
  expect(kept).toEqual([one!.id]);
  expect((await broker.listDeadLetters(queue)).map((l) => l.messageId)).toEqual([two!.id]);
  expect(await broker.discardDeadLetter(queue, one!.id, async () => undefined)).toBeUndefined();
  // A consumer that never ran here has no DLQ yet: nothing to list, replay or discard.
  expect(await broker.listDeadLetters(`${prefix}nobody.none`)).toEqual([]);
  expect(await broker.replayDeadLetter(`${prefix}nobody.none`, one!.id)).toBe(false);
  expect(
    await broker.discardDeadLetter(`${prefix}nobody.none`, one!.id, async () => undefined),
  ).toBeUndefined();
});

test('a malformed message goes straight to the DLQ without reaching the handler', async () => {
  const handled: EventEnvelope[] = [];
  const queue = await broker.consume({
    name: 'strict',
    bindings: ['strict.#'],
    baseDelayMs: BASE_DELAY_MS,
    handler: async (env) => void handled.push(env),
  });
  const raw: ChannelModel = await connect(TEST_AMQP_URL);
  try {
    const channel = await raw.createConfirmChannel();
    const good = createEnvelope(tenantA, { type: 'strict.good', data: {} });
    channel.publish(broker.exchange, 'strict.garbage', Buffer.from('not json'), { messageId: 'm-garbage' });
    channel.publish(broker.exchange, 'strict.partial', Buffer.from('{"type":"strict.partial"}'), {
      messageId: 'm-partial',
    });
    channel.publish(broker.exchange, good.type, Buffer.from(JSON.stringify(good)), { messageId: good.id });
    await channel.waitForConfirms();
    const letters = await waitFor('two dead letters', async () => {
      const found = await broker.listDeadLetters(queue);
      return found.length === 2 ? found : undefined;
    });
    expect(letters.map((l) => [l.messageId, l.routingKey, l.attempts, l.envelope]).sort()).toEqual([
      ['m-garbage', 'strict.garbage', 1, null],
      ['m-partial', 'strict.partial', 1, null],
    ]);
    expect(letters.find((l) => l.messageId === 'm-garbage')?.error).toMatch(
      /malformed envelope: body is not JSON/,
    );
    expect(letters.find((l) => l.messageId === 'm-garbage')?.body).toBe('not json');
    expect(letters.find((l) => l.messageId === 'm-partial')?.error).toMatch(/malformed envelope: id/);
    await waitFor('the good one', () => handled.length === 1);
    expect(handled.map((e) => e.id)).toEqual([good.id]);
  } finally {
    await raw.close();
  }
});

test('a consumer that keeps dying before it acks hits the native delivery limit and RabbitMQ dead-letters', async () => {
  const connections: ChannelModel[] = [];
  const crashy = await testBroker(prefix, { onConnection: (c) => connections.push(c), drainTimeoutMs: 50 });
  brokers.push(crashy);
  const stuck: Array<() => void> = [];
  const queue = await crashy.consume({
    name: 'crashy',
    bindings: ['crash.#'],
    deliveryLimit: 1,
    handler: () => new Promise<void>((resolve) => stuck.push(resolve)), // never finishes on its own
  });
  const env = createEnvelope(tenantA, { type: 'crash.loop', data: {} });
  await crashy.publish(env);
  for (const delivery of [1, 2]) {
    await waitFor(`delivery ${delivery}`, () => stuck.length === delivery);
    await connections[connections.length - 1]?.close(); // the "crash": unacked message goes back
  }
  const [letter] = await waitFor('the dead letter', async () => {
    const letters = await broker.listDeadLetters(queue);
    return letters.length ? letters : undefined;
  });
  expect(letter).toMatchObject({
    messageId: env.id,
    routingKey: 'crash.loop',
    consumer: queue,
    envelope: env,
  });
  expect(letter?.error).toMatch(/delivery_limit/);
  expect(stuck).toHaveLength(2);
  stuck.forEach((release) => release());
});
