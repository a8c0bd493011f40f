import { JOB_QUEUES, jobQueuePrefix } from '@fleet/contracts';
import { bullPrefix } from '@fleet/messaging';
import { Queue, Worker, type Job } from 'bullmq';
import Redis from 'ioredis';
import { deletedTenants } from '../data-access/tenant-lifecycle.repository';
import type { TenantLifecycle } from '../domain/registry-deps';
import { buildExport, type ExportDeps } from './build-export';
import { purgeTenant, type PurgeDeps, type PurgeOutcome } from './purge-tenant';

export const EXPORT_QUEUE = 'tenant-export';
export const PURGE_QUEUE = 'tenant-purge';

export interface LifecycleJobData {
  tenantId: string;
  exportId?: string;
}

export interface LifecycleOptions extends ExportDeps, Omit<PurgeDeps, 'redis' | 'removeQueuedWork'> {
  redisUrl: string;
  graceSeconds: number;
}

export interface RunningLifecycle {
  lifecycle: TenantLifecycle;
  close(): Promise<void>;
}

const purgeJobId = (tenantId: string) => `purge-${tenantId}`;
const WAITING = [
  'wait',
  'delayed',
  'prioritized',
  'paused',
  'waiting-children',
  'completed',
  'failed',
] as const;

/**
 * The registry's lifecycle jobs (both listed in platform-queues.ts, so the console's /queues shows
 * them): `tenant-export` builds an archive, `tenant-purge` waits out the grace period as a delayed
 * job and then purges. Delayed jobs live in Redis, so a restart loses none; `start` re-schedules the
 * purge of every deleted tenant anyway, in case Redis was flushed.
 */
export async function startLifecycle(options: LifecycleOptions): Promise<RunningLifecycle> {
  const prefix = bullPrefix(options.redisPrefix);
  const client = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
  const connection = () => new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const exportQueue = new Queue<LifecycleJobData>(EXPORT_QUEUE, { connection: client, prefix });
  const purges = new Queue<LifecycleJobData>(PURGE_QUEUE, { connection: client, prefix });

  const removeQueuedWork = async (tenantId: string): Promise<number> => {
    let removed = 0;
    for (const queue of JOB_QUEUES) {
      if (queue.name === PURGE_QUEUE) continue; // the purge itself runs in this queue
      const q = new Queue(queue.name, {
        connection: client,
        prefix: jobQueuePrefix(queue, options.redisPrefix),
      });
      try {
        const jobs = await q.getJobs([...WAITING]);
        for (const job of jobs) {
          if ((job?.data as { tenantId?: unknown } | undefined)?.tenantId !== tenantId) continue;
          await job.remove().then(
            () => (removed += 1),
            () => undefined, // taken by a worker meanwhile: it finds nothing left to work on
          );
        }
      } finally {
        await q.close();
      }
    }
    return removed;
  };

  const purgeDeps: PurgeDeps = { ...options, redis: client, removeQueuedWork };
  const exportWorker = new Worker<LifecycleJobData>(
    EXPORT_QUEUE,
    async (job: Job<LifecycleJobData>) => {
      if (job.data.exportId) await buildExport(options, job.data.tenantId, job.data.exportId);
    },
    { connection: connection(), prefix, concurrency: 1 },
  );
  const purgeWorker = new Worker<LifecycleJobData, PurgeOutcome>(
    PURGE_QUEUE,
    (job: Job<LifecycleJobData>) => purgeTenant(purgeDeps, job.data.tenantId),
    { connection: connection(), prefix, concurrency: 1 },
  );
  for (const worker of [exportWorker, purgeWorker]) {
    worker.on('error', (err) => options.logger.warn({ err }, 'lifecycle worker error'));
  }

  const lifecycle: TenantLifecycle = {
    graceSeconds: options.graceSeconds,
    async enqueueExport(tenantId, exportId) {
      await exportQueue.add(
        'export',
        { tenantId, exportId },
        {
          jobId: `export-${exportId}`,
          removeOnComplete: { age: 7 * 24 * 3600 },
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      );
    },
    async schedulePurge(tenantId, at) {
      await lifecycle.cancelPurge(tenantId);
      await purges.add(
        'purge',
        { tenantId },
        {
          jobId: purgeJobId(tenantId),
          delay: Math.max(0, at.getTime() - Date.now()),
          attempts: 8,
          backoff: { type: 'exponential', delay: 30_000 },
          removeOnComplete: { age: 7 * 24 * 3600 },
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      );
    },
    async cancelPurge(tenantId) {
      const job = await purges.getJob(purgeJobId(tenantId));
      if (job && !(await job.isActive())) await job.remove();
    },
  };

  for (const t of await options.db.transaction((tx) => deletedTenants(tx))) {
    await lifecycle.schedulePurge(t.id, t.purge_after);
  }

  return {
    lifecycle,
    async close() {
      await Promise.all([exportWorker.close(), purgeWorker.close()]);
      await Promise.all([exportQueue.close(), purges.close()]);
      await client.quit().catch(() => undefined);
    },
  };
}
