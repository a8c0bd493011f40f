import { Queue } from 'bullmq';
import { JOB_QUEUES, jobQueuePrefix } from '@fleet/contracts';
import { checkingContract, createTestRedis, type TestRedis } from '@fleet/testing';
import { jobDashboardPasses } from '../src/data-access/job-dashboard-passes';
import { createJobDashboard, type JobDashboard } from '../src/http/bull-board';
import { startRegistry, type RegistryFixture } from './registry-fixture';

let redis: TestRedis;
let dashboard: JobDashboard;
let registry: RegistryFixture;
const admin = { actor: { kind: 'platform_admin' as const, id: 'adm_1' } };

beforeAll(async () => {
  redis = await createTestRedis('reg_queues');
  dashboard = createJobDashboard(redis.url, redis.prefix);
  registry = checkingContract(
    await startRegistry('reg_queues', {
      jobDashboard: { passes: jobDashboardPasses(redis.client, redis.prefix), dashboard: dashboard.handler },
    }),
  );
  // A waiting reindex job, so the dashboard has something to show.
  const reindex = JOB_QUEUES.find((q) => q.name === 'search-reindex')!;
  const queue = new Queue(reindex.name, {
    connection: redis.client,
    prefix: jobQueuePrefix(reindex, redis.prefix),
  });
  await queue.add('reindex', { tenantId: 'ten_dashboard' }, { jobId: 'ten_dashboard' });
});
afterAll(async () => {
  await registry.close();
  await dashboard.close();
  await redis.cleanup();
});

const passOf = (setCookie: string | null) => /fleet_queues=([^;]+)/.exec(setCookie ?? '')?.[1];

async function ticket(): Promise<string> {
  const res = await registry.call('/api/platform/queues/ticket', { method: 'POST', ctx: admin });
  expect(res.status).toBe(201);
  return ((await res.json()) as { url: string }).url;
}

test('without a pass every /queues path is a 401 problem, never the dashboard', async () => {
  for (const path of ['/queues', '/queues/', '/queues/api/queues', '/queues/static/x.js']) {
    for (const headers of [
      {},
      { cookie: 'fleet_queues=forged-pass-value' },
      { cookie: 'fleet_rt=refresh' },
    ] as Array<Record<string, string>>) {
      const res = await registry.call(path, { headers, ctx: admin });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(await res.text()).not.toMatch(/bull|Fleet jobs/i);
    }
  }
});

test('only a platform admin gets a ticket', async () => {
  for (const actor of [{ kind: 'staff' }, { kind: 'customer' }, { kind: 'anonymous' }, { kind: 'service' }]) {
    const res = await registry.call('/api/platform/queues/ticket', {
      method: 'POST',
      ctx: { actor: actor as never },
    });
    expect(res.status).toBe(403);
  }
});

test('a ticket buys one HttpOnly pass scoped to /queues, once; the pass opens the dashboard over every queue', async () => {
  const url = await ticket();
  expect(url).toMatch(/^\/queues\/enter\?ticket=/);
  const entered = await registry.call(url, { redirect: 'manual' });
  expect(entered.status).toBe(303);
  expect(entered.headers.get('location')).toBe('/queues/');
  const cookie = entered.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  expect(cookie).toMatch(/Path=\/queues(;|$)/);
  expect(cookie).not.toMatch(/Domain=/i);
  const pass = passOf(cookie);
  expect(pass).toBeDefined();

  // One use only, and a forged ticket is refused the same way.
  expect((await registry.call(url)).status).toBe(401);
  expect((await registry.call('/queues/enter?ticket=forged-ticket-forged-ticket')).status).toBe(401);
  expect((await registry.call('/queues/enter')).status).toBe(400);

  const headers = { cookie: `fleet_queues=${pass}` };
  const page = await registry.call('/queues/', { headers });
  expect(page.status).toBe(200);
  expect(await page.text()).toMatch(/Fleet jobs/);
  const api = await registry.call('/queues/api/queues', { headers });
  expect(api.status).toBe(200);
  const { queues } = (await api.json()) as {
    queues: Array<{ name: string; counts: Record<string, number> }>;
  };
  expect(queues.map((q) => q.name).sort()).toEqual(JOB_QUEUES.map((q) => q.name).sort());
  expect(queues.find((q) => q.name === 'search-reindex')?.counts.waiting).toBe(1);
});
