import { connect, type ChannelModel } from 'amqplib';
import { currentContext, type Ctx } from '@fleet/context';
import { startTcpProxy, TEST_AMQP_URL, testAmqpPrefix, waitFor, type TcpProxy } from '@fleet/testing';
import { createBroker, createEnvelope, type Broker, type EventEnvelope } from '../src';
import { logger, tenantA, testBroker } from './fixtures';

const prefix = testAmqpPrefix('broker');
const connections: ChannelModel[] = [];
let broker: Broker;
let proxy: TcpProxy;
let viaProxy: Broker | undefined;
let closing: Broker | undefined;
let raw: ChannelModel;

beforeAll(async () => {
  broker = await testBroker(prefix, { onConnection: (c) => connections.push(c) });
  raw = await connect(TEST_AMQP_URL);
  proxy = await startTcpProxy(TEST_AMQP_URL);
});

afterAll(async () => {
  await closing?.deleteDeclared(); // after every test: it shares this file's exchanges
  await viaProxy?.close();
  await proxy.close();
  await raw.close();
  await broker.deleteDeclared();
  await broker.close();
});

test('publish resolves after the confirm and the message carries the envelope as persistent JSON', async () => {
  const channel = await raw.createChannel();
  const { queue } = await channel.assertQueue('', { exclusive: true });
  await channel.bindQueue(queue, broker.exchange, 'probe.*');
  const env = createEnvelope(tenantA, {
    type: 'probe.sent',
    aggregateId: 'agg_1',
    version: 1,
    data: { n: 1 },
  });
  await broker.publish(env);
  const message = await waitFor(
    'the raw message',
    async () => (await channel.get(queue, { noAck: true })) || undefined,
  );
  expect(message.fields.routingKey).toBe('probe.sent');
  expect(message.properties).toMatchObject({
    messageId: env.id,
    deliveryMode: 2,
    contentType: 'application/json',
  });
  expect(JSON.parse(message.content.toString())).toEqual(env);
  await channel.close();
});

test('a consumer gets the envelope inside the event tenant context', async () => {
  const seen: Array<{ env: EventEnvelope; ctx: Ctx | undefined }> = [];
  await broker.consume({
    name: 'context',
    bindings: ['ctx.*'],
    handler: async (env) => void seen.push({ env, ctx: currentContext() }),
  });
  const env = createEnvelope(tenantA, { type: 'ctx.checked', data: { ok: true } });
  await broker.publish(env);
  await waitFor('delivery', () => seen.length === 1);
  expect(seen[0]?.env).toEqual(env);
  expect(seen[0]?.ctx).toEqual({
    requestId: `msg:${env.id}`,
    tenantId: tenantA.tenantId,
    correlationId: 'req-a',
    causationId: env.id,
  });
});

test('after the connection is closed the broker reconnects, re-consumes, and a waiting publish goes through', async () => {
  const got: string[] = [];
  await broker.consume({
    name: 'reconnect',
    bindings: ['again.*'],
    handler: async (env) => void got.push(env.id),
  });
  const before = connections.length;
  await connections[connections.length - 1]?.close();
  const env = createEnvelope(tenantA, { type: 'again.sent', data: {} });
  await broker.publish(env); // waits for the reconnect
  expect(connections.length).toBe(before + 1);
  await waitFor('delivery after reconnect', () => got.includes(env.id));
  await broker.ping();
});

test('when the network dies, publishes wait a bounded time then reject; they work again once it is back', async () => {
  viaProxy = await createBroker({
    url: proxy.url,
    prefix,
    logger,
    service: 'svc',
    reconnectBaseMs: 20,
    reconnectMaxMs: 100,
    publishTimeoutMs: 300,
  });
  await viaProxy.publish(createEnvelope(tenantA, { type: 'net.ok', data: {} }));
  await proxy.cut();
  const started = Date.now();
  await expect(viaProxy.publish(createEnvelope(tenantA, { type: 'net.down', data: {} }))).rejects.toThrow();
  expect(Date.now() - started).toBeLessThan(2_000);
  await expect(viaProxy.ping()).rejects.toThrow();
  await proxy.restore();
  await waitFor('publish after the network is back', () =>
    viaProxy?.publish(createEnvelope(tenantA, { type: 'net.back', data: {} })).then(() => true),
  );
  await viaProxy.ping();
});

test('createBroker gives up after connectTimeoutMs when RabbitMQ is unreachable', async () => {
  await expect(
    createBroker({
      url: 'amqp://guest:guest@127.0.0.1:1',
      prefix,
      logger,
      service: 'svc',
      connectTimeoutMs: 300,
    }),
  ).rejects.toThrow(/not connected after 300 ms/);
});

test('a transient subscription receives events, reports a resubscribe after a reconnect, and unsubscribes', async () => {
  const got: string[] = [];
  let resubscribed = 0;
  const subscription = await broker.subscribeTransient({
    bindings: ['cache.#'],
    handler: async (env) => void got.push(env.id),
    onResubscribe: () => (resubscribed += 1),
  });
  const first = createEnvelope(tenantA, { type: 'cache.invalidated', data: {} });
  await broker.publish(first);
  await waitFor('transient delivery', () => got.includes(first.id));
  await connections[connections.length - 1]?.close();
  await waitFor('resubscribed', () => resubscribed === 1);
  const second = createEnvelope(tenantA, { type: 'cache.invalidated', data: {} });
  await broker.publish(second);
  await waitFor('transient delivery after reconnect', () => got.includes(second.id));
  await subscription.unsubscribe();
});

test('close() stops consuming but waits for in-flight handlers, whose messages are acked', async () => {
  closing = await testBroker(prefix, { service: 'closing' });
  let started = false;
  let finished = false;
  const queue = await closing.consume({
    name: 'slow',
    bindings: ['slow.*'],
    handler: async () => {
      started = true;
      await new Promise((resolve) => setTimeout(resolve, 300));
      finished = true;
    },
  });
  await closing.publish(createEnvelope(tenantA, { type: 'slow.job', data: {} }));
  await waitFor('handler started', () => started);
  await closing.close();
  expect(finished).toBe(true);
  const channel = await raw.createChannel();
  const { messageCount } = await channel.checkQueue(queue);
  expect(messageCount).toBe(0);
  await channel.close();
  await expect(closing.ping()).rejects.toThrow();
});

test('consume refuses invalid settings', async () => {
  const handler = async (_env: EventEnvelope) => undefined;
  await expect(broker.consume({ name: 'bad', bindings: ['x.y'], handler, maxAttempts: 0 })).rejects.toThrow(
    RangeError,
  );
});
