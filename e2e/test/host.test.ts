import { readFileSync } from 'node:fs';
import { waitFor } from '@fleet/testing';
import { frontDoor, ok, startHostPlatform, type ProcessPlatform } from './process-platform';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { seedDemoStore } = require('../../scripts/seed') as {
  seedDemoStore(env: Record<string, string>, log: (line: string) => void): Promise<{ hosts: string[] }>;
};

/**
 * The host (`npm start`'s default layout): two workers each run every service. A worker that dies
 * is started again by the primary, and the platform sells all the while and after.
 */
let platform: ProcessPlatform;
beforeAll(async () => {
  platform = await startHostPlatform(2);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

function workerPids(): number[] {
  const primary = platform.pids.host as number;
  return readFileSync(`/proc/${primary}/task/${primary}/children`, 'utf8').trim().split(/\s+/).map(Number);
}

async function buy(host: string, variantId: string): Promise<void> {
  const { call, checkout, orderOf } = frontDoor(platform);
  const order = await checkout(host, variantId);
  ok(
    await call(host, `/api/store/payments/${order.payment.paymentId}/simulate`, {
      body: { outcome: 'succeeded' },
    }),
  );
  await waitFor('the order to be PLACED', async () => (await orderOf(host, order)).status === 'PLACED');
}

test('a worker killed hard is started again, and shoppers buy before and after', async () => {
  const tenant = await seedDemoStore(platform.env('gateway'), () => undefined);
  const host = `${tenant.hosts[0]}:${platform.urlOf('gateway').split(':').pop()}`;
  const { call } = frontDoor(platform);
  const list = await waitFor('the demo products', async () => {
    const out = ok(await call(host, '/api/store/products?limit=1')) as {
      items: Array<{ variants: Array<{ id: string }> }>;
    };
    return out.items.length ? out : undefined;
  });
  const variantId = list.items[0]?.variants[0]?.id as string;
  await buy(host, variantId);

  const before = workerPids();
  expect(before).toHaveLength(2);
  process.kill(before[1] as number, 'SIGKILL');
  // The survivor keeps serving while the primary starts a replacement.
  await buy(host, variantId);
  const after = await waitFor('a replacement worker', async () => {
    const pids = workerPids();
    return pids.length === 2 && !pids.includes(before[1] as number) ? pids : undefined;
  });
  expect(after).toContain(before[0]);
  for (let i = 0; i < 4; i++) await buy(host, variantId);
}, 90_000);

test('operations endpoints are not served through the public port: 404 on a store host and the apex', async () => {
  const tenant = await seedDemoStore(platform.env('gateway'), () => undefined);
  const port = platform.urlOf('gateway').split(':').pop() as string;
  const { call } = frontDoor(platform);
  const apex = `${platform.env('gateway').PLATFORM_DOMAIN}:${port}`;
  for (const host of [`${tenant.hosts[0]}:${port}`, apex]) {
    for (const path of ['/metrics', '/readyz']) {
      const res = await call(host, path);
      expect({ host, path, status: res.status }).toEqual({ host, path, status: 404 });
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.text).not.toContain('http_request_duration_seconds');
    }
    expect((await call(host, '/healthz')).status).toBe(200); // for load balancers
  }
}, 60_000);
