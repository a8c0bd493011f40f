import { DelayedError, Worker, type Job } from 'bullmq';
import Redis from 'ioredis';
import { runWithContext, type TenantCtx } from '@fleet/context';
import type { Logger } from '@fleet/logger';
import { reindexTenant, type CatalogReader, type ReindexProgress } from '../domain/reindex-tenant';
import type { SearchEngine } from '../domain/search-engine';
import { REINDEX_QUEUE, reindexQueuePrefix, type ReindexJobData } from './reindex.queue';

export interface ReindexWorkerOptions {
  redisUrl: string;
  redisPrefix: string;
  engine: SearchEngine;
  catalog: CatalogReader;
  logger: Logger;
  /** Tenants reindexed at once by this process; one run per tenant at a time (job id = tenant id). */
  concurrency?: number;
  pageSize?: number;
}

export interface ReindexWorker {
  worker: Worker<ReindexJobData, ReindexProgress>;
  /** Active runs stop after their current page and wait in the queue for the next worker. */
  close(): Promise<void>;
}

const isProgress = (value: unknown): value is ReindexProgress =>
  typeof value === 'object' && value !== null && 'processed' in value && 'cursor' in value;

/**
 * Runs reindex jobs. A run resumes after the last page an earlier attempt of it indexed (a failed
 * attempt, or one stopped by a shutdown: that one goes back to the queue, delayed by a second,
 * without spending an attempt). A new run is a new job, with no progress: it starts from scratch.
 */
export function startReindexWorker(options: ReindexWorkerOptions): ReindexWorker {
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  let stopping = false;
  let closed: Promise<void> | undefined;

  async function processor(
    job: Job<ReindexJobData, ReindexProgress>,
    token?: string,
  ): Promise<ReindexProgress> {
    const ctx: TenantCtx = {
      requestId: `job:${REINDEX_QUEUE}:${job.id}:${job.attemptsMade}`,
      tenantId: job.data.tenantId,
      correlationId: job.data.correlationId,
      actor: { kind: 'service', id: 'search-reindex' },
    };
    const progress = await runWithContext(ctx, () =>
      reindexTenant(ctx, options, {
        pageSize: options.pageSize,
        resumeFrom: isProgress(job.progress) ? job.progress : undefined,
        report: (next) => job.updateProgress(next),
        shouldStop: () => stopping,
      }),
    );
    if (progress.done) return progress;
    await job.moveToDelayed(Date.now() + 1000, token);
    throw new DelayedError();
  }

  const worker = new Worker<ReindexJobData, ReindexProgress>(REINDEX_QUEUE, processor, {
    connection,
    prefix: reindexQueuePrefix(options.redisPrefix),
    concurrency: options.concurrency ?? 2,
  });
  worker.on('failed', (job, err) =>
    options.logger.warn({ err, jobId: job?.id, attempts: job?.attemptsMade }, 'reindex attempt failed'),
  );
  worker.on('completed', (job, result) =>
    options.logger.info({ jobId: job.id, processed: result.processed }, 'reindex completed'),
  );
  worker.on('error', (err) => options.logger.warn({ err }, 'reindex worker error'));
  return {
    worker,
    close() {
      stopping = true;
      closed ??= worker.close().then(async () => void (await connection.quit()));
      return closed;
    },
  };
}
