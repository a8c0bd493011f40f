import type { AddressInfo } from 'node:net';
import type { RunningHttpServer } from '@fleet/http';
import {
  accepts,
  requestAs,
  createTestRedis,
  externalIPv4,
  testAmqpPrefix,
  TEST_AMQP_URL,
  type TestRedis,
} from '@fleet/testing';
import { start } from '../src/start';

// The gateway as `npm start` and the containers start it: the public port on every interface (it is
// the public door), the ops port (/readyz, /metrics) on loopback unless OPS_BIND_ADDRESS says otherwise.

let redis: TestRedis;
let running: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  redis = await createTestRedis('gw_listen');
});
afterEach(async () => {
  for (const server of running) await server.close();
  running = [];
});
afterAll(() => redis.cleanup());

function envOf(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const nowhere = 'http://127.0.0.1:9'; // no request is made in these tests
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    OPS_PORT: '0',
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    AMQP_URL: TEST_AMQP_URL,
    AMQP_PREFIX: testAmqpPrefix('gw_listen'),
    INTERNAL_SIGNING_KEY: 'listeners-test-signing-key-0123456789',
    PLATFORM_DOMAIN: 'fleet.test',
    ...Object.fromEntries(
      ['TENANCY', 'CATALOG', 'SEARCH', 'CART', 'CHECKOUT', 'ORDER', 'INVENTORY', 'PAYMENT', 'IDENTITY'].map(
        (name) => [`${name}_URL`, nowhere],
      ),
    ),
    ...extra,
  };
}

const addressOf = (server: RunningHttpServer) => (server.server.address() as AddressInfo).address;

test('by default the ops port listens on 127.0.0.1 only, the public port on every interface', async () => {
  const gateway = await start(envOf());
  running.push(gateway);
  expect(addressOf(gateway.ops)).toBe('127.0.0.1');
  expect(['::', '0.0.0.0']).toContain(addressOf(gateway));
  expect(gateway.ops.port).not.toBe(gateway.port);

  const ready = await fetch(`http://127.0.0.1:${gateway.ops.port}/readyz`);
  expect(ready.status).toBe(200);
  const metrics = await fetch(`http://127.0.0.1:${gateway.ops.port}/metrics`);
  expect(await metrics.text()).toContain('http_request_duration_seconds');
  const publicMetrics = await requestAs('fleet.test', `http://127.0.0.1:${gateway.port}/metrics`);
  expect(publicMetrics.status).toBe(404);

  const external = externalIPv4();
  if (external) {
    expect(await accepts(external, gateway.ops.port)).toBe(false);
    expect(await accepts(external, gateway.port)).toBe(true);
  }
});

test('OPS_BIND_ADDRESS=0.0.0.0 (containers) opens the ops port to the network', async () => {
  const gateway = await start(envOf({ OPS_BIND_ADDRESS: '0.0.0.0' }));
  running.push(gateway);
  expect(addressOf(gateway.ops)).toBe('0.0.0.0');
});
