import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import type { Db } from '@fleet/db';
import type { Logger } from '@fleet/logger';
import { sweepExpiredReservations, type SweepOptions } from '../domain/expire-reservations';

/** The queue the console's job dashboard shows; one repeatable job drives every instance. */
export const RESERVATION_SWEEP_QUEUE = 'inventory-reservation-expiry';
const SCHEDULER_ID = 'sweep-expired-reservations';

export interface ReservationSweeperOptions {
  db: Db;
  /** The relay role's pool: the due-id scan reads across tenants. */
  scanDb: Db;
  logger: Logger;
  redisUrl: string;
  /** REDIS_PREFIX; the BullMQ prefix is the same without its trailing ':'. */
  redisPrefix: string;
  everyMs: number;
  sweep?: SweepOptions;
}

export interface ReservationSweeper {
  queue: Queue;
  /** One sweep now, outside the schedule (tests, benchmarks, operators). */
  runOnce(): Promise<{ expired: number }>;
  /** Stops taking jobs, waits for the running sweep, closes the Redis connections. */
  stop(): Promise<void>;
}

/** `fleet:` -> `fleet`, so keys read `fleet:<queue>:…` like every other key of the deployment. */
export const bullPrefix = (redisPrefix: string): string => redisPrefix.replace(/:+$/, '') || 'bull';

/**
 * Schedules the expiry sweep as a BullMQ repeatable job (`upsertJobScheduler` is idempotent, so
 * every instance may declare it) and works it with concurrency 1. BullMQ gives each run to one
 * worker; the sweep itself is also safe when runs overlap (see expire-reservations.ts).
 */
export async function startReservationSweeper(
  options: ReservationSweeperOptions,
): Promise<ReservationSweeper> {
  const { logger } = options;
  const prefix = bullPrefix(options.redisPrefix);
  const connect = () => {
    const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    redis.on('error', (err) => logger.warn({ err }, 'sweeper redis connection error'));
    return redis;
  };
  const queueConnection = connect();
  const workerConnection = connect();
  const deps = { db: options.db, scanDb: options.scanDb, logger };
  const runOnce = () => sweepExpiredReservations(deps, options.sweep);

  const queue = new Queue(RESERVATION_SWEEP_QUEUE, { connection: queueConnection, prefix });
  await queue.upsertJobScheduler(
    SCHEDULER_ID,
    { every: options.everyMs },
    { name: 'sweep', opts: { removeOnComplete: 100, removeOnFail: 500 } },
  );
  const worker = new Worker(RESERVATION_SWEEP_QUEUE, runOnce, {
    connection: workerConnection,
    prefix,
    concurrency: 1,
  });
  worker.on('failed', (job, err) => logger.error({ err, jobId: job?.id }, 'reservation sweep failed'));
  worker.on('error', (err) => logger.warn({ err }, 'reservation sweep worker error'));
  worker.on('completed', (_job, result: { expired: number }) => {
    if (result.expired > 0) logger.info({ expired: result.expired }, 'reservations expired');
  });

  return {
    queue,
    runOnce,
    async stop() {
      await worker.close();
      await queue.close();
      await Promise.all([queueConnection.quit(), workerConnection.quit()]);
    },
  };
}
