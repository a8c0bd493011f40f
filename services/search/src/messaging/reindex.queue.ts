import { Queue, type Job, type JobsOptions } from 'bullmq';
import Redis from 'ioredis';
import type { ReindexProgress } from '../domain/reindex-tenant';

/**
 * The reindex queue, for the worker here and for the console's job dashboard. BullMQ forbids `:`
 * in queue names, so the deployment's REDIS_PREFIX goes into BullMQ's `prefix`, with a hash tag
 * so that the queue's keys share one Redis Cluster slot: keys read `fleet:{search}:search-reindex:…`.
 */
export const REINDEX_QUEUE = 'search-reindex';
export const reindexQueuePrefix = (redisPrefix: string): string => `${redisPrefix}{search}`;

export interface ReindexJobData {
  tenantId: string;
  requestedBy: string;
  correlationId: string;
}

export interface ReindexStatus {
  jobId: string;
  tenantId: string;
  state: string;
  progress: ReindexProgress | null;
  attemptsMade: number;
  failedReason?: string;
  requestedAt: string;
  finishedAt?: string;
}

export interface ReindexQueueOptions {
  redisUrl: string;
  redisPrefix: string;
  /** Attempts per run and the first retry delay (doubling). Defaults: 5, 10 s. */
  attempts?: number;
  backoffMs?: number;
}

export interface ReindexQueue {
  queue: Queue<ReindexJobData>;
  /** Starts a run for the tenant, or returns the one already waiting or running (job id = tenant id). */
  enqueue(data: ReindexJobData): Promise<ReindexStatus>;
  status(jobId: string): Promise<ReindexStatus | undefined>;
  /** Resolves when Redis answers (readiness). */
  ping(): Promise<unknown>;
  close(): Promise<void>;
}

const FINISHED = new Set(['completed', 'failed']);

async function toStatus(job: Job<ReindexJobData>, state?: string): Promise<ReindexStatus> {
  const progress = typeof job.progress === 'object' ? (job.progress as ReindexProgress) : null;
  const status: ReindexStatus = {
    jobId: String(job.id),
    tenantId: job.data.tenantId,
    state: state ?? (await job.getState()),
    progress,
    attemptsMade: job.attemptsMade,
    requestedAt: new Date(job.timestamp).toISOString(),
  };
  if (job.failedReason) status.failedReason = job.failedReason;
  if (job.finishedOn) status.finishedAt = new Date(job.finishedOn).toISOString();
  return status;
}

/** The producer side: used by the HTTP API. */
export function createReindexQueue(options: ReindexQueueOptions): ReindexQueue {
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
  const queue = new Queue<ReindexJobData>(REINDEX_QUEUE, {
    connection,
    prefix: reindexQueuePrefix(options.redisPrefix),
  });
  const jobOptions = (tenantId: string): JobsOptions => ({
    jobId: tenantId,
    attempts: options.attempts ?? 5,
    backoff: { type: 'exponential', delay: options.backoffMs ?? 10_000 },
    removeOnComplete: { age: 7 * 24 * 3600 },
    removeOnFail: { age: 30 * 24 * 3600 },
  });
  return {
    queue,
    async enqueue(data) {
      const existing = await queue.getJob(data.tenantId);
      if (existing) {
        const state = await existing.getState();
        if (!FINISHED.has(state)) return toStatus(existing, state);
        // A finished run stays visible until the next one replaces it.
        await existing.remove().catch(() => undefined);
      }
      return toStatus(await queue.add('reindex', data, jobOptions(data.tenantId)));
    },
    async status(jobId) {
      const job = await queue.getJob(jobId);
      return job ? toStatus(job) : undefined;
    },
    ping: () => connection.ping(),
    async close() {
      await queue.close();
      await connection.quit();
    },
  };
}
