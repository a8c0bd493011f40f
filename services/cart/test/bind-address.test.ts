import type { AddressInfo } from 'node:net';
import type { RunningHttpServer } from '@fleet/http';
import { accepts, createTestRedis, externalIPv4, type TestRedis } from '@fleet/testing';
import { start } from '../src/start';

// Internal listeners are for the gateway and the other services on this machine: under `npm start`
// they bind to loopback. Containers set BIND_ADDRESS=0.0.0.0 so their network reaches them.

let redis: TestRedis;
let running: RunningHttpServer[] = [];

beforeAll(async () => {
  redis = await createTestRedis('cart_bind');
});
afterEach(async () => {
  for (const server of running) await server.close();
  running = [];
});
afterAll(() => redis.cleanup());

const envOf = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  PORT: '0',
  REDIS_URL: redis.url,
  REDIS_PREFIX: redis.prefix,
  INTERNAL_SIGNING_KEY: 'bind-address-test-signing-key-0123456789',
  CATALOG_URL: 'http://127.0.0.1:9',
  ...extra,
});

const addressOf = (server: RunningHttpServer) => (server.server.address() as AddressInfo).address;

test('a started service listens on 127.0.0.1 only by default', async () => {
  const cart = await start(envOf());
  running.push(cart);
  expect(addressOf(cart)).toBe('127.0.0.1');
  expect(await accepts('127.0.0.1', cart.port)).toBe(true);
  const external = externalIPv4();
  if (external) expect(await accepts(external, cart.port)).toBe(false);
});

test('BIND_ADDRESS=0.0.0.0 (containers) listens on every IPv4 interface', async () => {
  const cart = await start(envOf({ BIND_ADDRESS: '0.0.0.0' }));
  running.push(cart);
  expect(addressOf(cart)).toBe('0.0.0.0');
  const external = externalIPv4();
  if (external) expect(await accepts(external, cart.port)).toBe(true);
});
