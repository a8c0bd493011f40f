import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import type { Logger } from '@fleet/logger';
import { trackJobQueue } from './job-queue-metrics';
import { serviceOfLogger } from './service-name';

export interface RepeatingJobOptions<R> {
  /** The BullMQ queue (the console's job dashboard shows it by this name). */
  queue: string;
  /** The job scheduler's id in that queue: one schedule, whatever the number of instances. */
  schedulerId: string;
  everyMs: number;
  redisUrl: string;
  /** `REDIS_PREFIX`; the BullMQ prefix is the same without its trailing ':'. */
  redisPrefix: string;
  logger: Logger;
  /** One run of the job; BullMQ hands each run to one worker (concurrency 1 per instance). */
  run: () => Promise<R>;
  /** Called with each run's result (logging). */
  onResult?: (result: R) => void;
  /**
   * How often this instance checks that the schedule still exists in Redis and declares it again
   * when it does not (a FLUSHDB, a Redis restart without persistence, an evicted key). Default
   * `max(everyMs, 1000)`.
   */
  repairEveryMs?: number;
}

export interface RepeatingJob {
  queue: Queue;
  /**
   * Declares the schedule if Redis lost it (what the watchdog runs). Resolves true when it had to
   * declare it again, false when it was there; rejects when Redis cannot be reached.
   */
  ensureScheduled(): Promise<boolean>;
  /** Stops the watchdog and the worker (waits for a running job), closes the connections. */
  stop(): Promise<void>;
}

/** `fleet:` -> `fleet`, so keys read `fleet:<queue>:…` like every other key of the deployment. */
export const bullPrefix = (redisPrefix: string): string => redisPrefix.replace(/:+$/, '') || 'bull';

/**
 * A job every `everyMs`, run on one instance at a time, that survives losing Redis's data: a
 * BullMQ job scheduler (`upsertJobScheduler`, idempotent: every instance declares it) worked with
 * concurrency 1, plus an in-process watchdog that re-declares the scheduler whenever Redis no
 * longer has it. Without the watchdog a schedule declared only at boot is gone for good after a
 * FLUSHDB or a restart of a Redis without persistence, and its job never runs again.
 */
export async function startRepeatingJob<R>(options: RepeatingJobOptions<R>): Promise<RepeatingJob> {
  const { logger, schedulerId } = options;
  const prefix = bullPrefix(options.redisPrefix);
  const connect = () => {
    const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    redis.on('error', (err) => logger.warn({ err, queue: options.queue }, 'job redis connection error'));
    return redis;
  };
  const queueConnection = connect();
  const workerConnection = connect();
  const queue = new Queue(options.queue, { connection: queueConnection, prefix });
  queue.on('error', (err) => logger.warn({ err, queue: options.queue }, 'job queue error'));
  const untrack = trackJobQueue(serviceOfLogger(logger), queue);
  const declare = () =>
    queue.upsertJobScheduler(
      schedulerId,
      { every: options.everyMs },
      { name: schedulerId, opts: { removeOnComplete: 100, removeOnFail: 500 } },
    );
  await declare();

  const worker = new Worker(options.queue, () => options.run(), {
    connection: workerConnection,
    prefix,
    concurrency: 1,
  });
  worker.on('failed', (job, err) =>
    logger.error({ err, jobId: job?.id, queue: options.queue }, 'job failed'),
  );
  worker.on('error', (err) => logger.warn({ err, queue: options.queue }, 'job worker error'));
  if (options.onResult) worker.on('completed', (_job, result: R) => options.onResult?.(result));

  const ensureScheduled = async (): Promise<boolean> => {
    if (await queue.getJobScheduler(schedulerId)) return false;
    await declare();
    logger.warn({ queue: options.queue, schedulerId }, 'job schedule was missing from Redis: declared again');
    return true;
  };
  let checking = false;
  const watchdog = setInterval(
    () => {
      if (checking) return; // Redis is slow or down: the check in flight is enough
      checking = true;
      ensureScheduled()
        .catch((err: unknown) => logger.warn({ err, queue: options.queue }, 'job schedule check failed'))
        .finally(() => (checking = false));
    },
    options.repairEveryMs ?? Math.max(options.everyMs, 1_000),
  );
  watchdog.unref();

  return {
    queue,
    ensureScheduled,
    async stop() {
      clearInterval(watchdog);
      untrack();
      await worker.close();
      await queue.close();
      await Promise.all([queueConnection.quit(), workerConnection.quit()]);
    },
  };
}
