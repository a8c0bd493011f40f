import type { Queue } from 'bullmq';
import type { Db } from '@fleet/db';
import type { Logger } from '@fleet/logger';
import { startRepeatingJob } from '@fleet/messaging';
import { sweepExpiredReservations, type SweepOptions } from '../domain/expire-reservations';

export { bullPrefix } from '@fleet/messaging';

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
  /** How often the schedule is checked and declared again if Redis lost it (default max(everyMs, 1 s)). */
  repairEveryMs?: number;
  sweep?: SweepOptions;
}

export interface ReservationSweeper {
  queue: Queue;
  /** One sweep now, outside the schedule (tests, benchmarks, operators). */
  runOnce(): Promise<{ expired: number }>;
  /** Declares the schedule again if Redis lost it; true when it had to. */
  ensureScheduled(): Promise<boolean>;
  /** Stops taking jobs, waits for the running sweep, closes the Redis connections. */
  stop(): Promise<void>;
}

/**
 * Schedules the expiry sweep as a self-repairing BullMQ repeatable job (`startRepeatingJob`: every
 * instance declares it, and re-declares it when a Redis flush or restart lost it) and works it with
 * concurrency 1. BullMQ gives each run to one worker; the sweep itself is also safe when runs
 * overlap (see expire-reservations.ts).
 */
export async function startReservationSweeper(
  options: ReservationSweeperOptions,
): Promise<ReservationSweeper> {
  const { logger } = options;
  const deps = { db: options.db, scanDb: options.scanDb, logger };
  const runOnce = () => sweepExpiredReservations(deps, options.sweep);
  const job = await startRepeatingJob({
    queue: RESERVATION_SWEEP_QUEUE,
    schedulerId: SCHEDULER_ID,
    everyMs: options.everyMs,
    repairEveryMs: options.repairEveryMs,
    redisUrl: options.redisUrl,
    redisPrefix: options.redisPrefix,
    logger,
    run: runOnce,
    onResult: (result) => {
      if (result.expired > 0) logger.info({ expired: result.expired }, 'reservations expired');
    },
  });
  return { queue: job.queue, runOnce, ensureScheduled: job.ensureScheduled, stop: job.stop };
}
