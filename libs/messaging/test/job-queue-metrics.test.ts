import { serviceRegistry } from '@fleet/telemetry';
import { createTestRedis, waitFor, type TestRedis } from '@fleet/testing';
import { startRepeatingJob } from '../src';
import { logger } from './fixtures';

/** `fleet_job_queue_jobs` of a repeating BullMQ job (issue 18), under the logger's service. */
let redis: TestRedis;
beforeAll(async () => {
  redis = await createTestRedis('jobm');
});
afterAll(() => redis.cleanup());

async function jobs(queue: string): Promise<Record<string, number>> {
  const text = await serviceRegistry('messaging-test').metrics();
  const out: Record<string, number> = {};
  for (const match of text.matchAll(
    /^fleet_job_queue_jobs\{service="messaging-test",queue="([^"]+)",state="(\w+)"\} (\S+)$/gm,
  ))
    if (match[1] === queue) out[match[2] as string] = Number(match[3]);
  return out;
}

test("the queue's jobs by state are on the service's metrics while the job runs, and gone once it stops", async () => {
  const queue = `metrics-${Date.now()}`;
  const job = await startRepeatingJob({
    queue,
    schedulerId: 'tick',
    everyMs: 60_000,
    redisUrl: redis.url,
    redisPrefix: redis.prefix,
    logger,
    run: async () => 'done',
  });
  try {
    // The scheduler keeps the next run as a delayed job (the first may run at once).
    const counts = await waitFor('the next run to be scheduled', async () => {
      const c = await jobs(queue);
      return c.delayed === 1 ? c : undefined;
    });
    expect(Object.keys(counts).sort()).toEqual(['active', 'delayed', 'failed', 'waiting']);
  } finally {
    await job.stop();
  }
  expect(await jobs(queue)).toEqual({});
});
