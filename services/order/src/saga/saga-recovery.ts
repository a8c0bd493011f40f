import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { createDueSagaScanner, type DueSaga, type DueSagaScanner } from '../data-access/due-sagas.repository';
import { driveSaga } from './orchestrator';
import type { SagaDeps } from './saga-deps';

export const RECOVERY_QUEUE = 'order-saga-recovery';

export interface SagaRecoveryOptions {
  deps: SagaDeps;
  /** The relay role's URL: the one cross-tenant read of due sagas. */
  relayUrl: string;
  redisUrl: string;
  /** `REDIS_PREFIX`; BullMQ keys become `{prefix}order-saga-recovery:…`. */
  redisPrefix: string;
  everyMs: number;
  /** Sagas handled per sweep, and how many at once. */
  batchSize?: number;
  concurrency?: number;
}

export interface SagaRecovery {
  /** One sweep now (tests; the scheduler runs the same). Resolves with the sagas it looked at. */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Finds sagas stuck past their deadline and drives each one (retry the step, or compensate when
 * the order's time is up). A BullMQ job scheduler fires a sweep every `everyMs` on one instance
 * at a time; even two overlapping sweeps are safe, as each step is claimed under a lease.
 */
export async function startSagaRecovery(options: SagaRecoveryOptions): Promise<SagaRecovery> {
  const scanner = createDueSagaScanner(options.relayUrl);
  const sweep = () =>
    sweepDueSagas(options.deps, scanner, options.batchSize ?? 200, options.concurrency ?? 8);
  const { logger } = options.deps;
  const prefix = options.redisPrefix.replace(/:+$/, '') || 'bull';
  const connect = () => {
    const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    redis.on('error', (err) => logger.warn({ err }, 'saga recovery redis connection error'));
    return redis;
  };
  const queueConnection = connect();
  const workerConnection = connect();
  const queue = new Queue(RECOVERY_QUEUE, { connection: queueConnection, prefix });
  await queue.upsertJobScheduler(
    'sweep-due-sagas',
    { every: options.everyMs },
    { name: 'sweep', opts: { removeOnComplete: 100, removeOnFail: 500 } },
  );
  const worker = new Worker(RECOVERY_QUEUE, sweep, { connection: workerConnection, prefix, concurrency: 1 });
  worker.on('error', (err) => logger.warn({ err }, 'saga recovery worker error'));
  worker.on('failed', (_job, err) => logger.error({ err }, 'saga recovery sweep failed'));
  return {
    sweep,
    async stop() {
      await worker.close();
      await queue.close();
      await Promise.all([queueConnection.quit(), workerConnection.quit()]);
      await scanner.close();
    },
  };
}

/** One sweep: due sagas of every tenant, each driven in its own tenant's context. */
export async function sweepDueSagas(
  deps: SagaDeps,
  scanner: DueSagaScanner,
  batchSize: number,
  concurrency: number,
): Promise<number> {
  const due = await scanner.scan(batchSize);
  const queue = [...due];
  const work = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) await recover(deps, next);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, work));
  return due.length;
}

async function recover(deps: SagaDeps, saga: DueSaga): Promise<void> {
  const ctx = {
    requestId: `recovery:${saga.orderId}`,
    tenantId: saga.tenantId,
    actor: { kind: 'service' as const, id: 'order-recovery' },
  };
  try {
    await driveSaga(ctx, deps, saga.orderId);
  } catch (err) {
    deps.logger.warn(
      { err, orderId: saga.orderId, tenantId: saga.tenantId },
      'saga recovery failed; retrying later',
    );
  }
}
