import { startRepeatingJob } from '@fleet/messaging';
import { createDueSagaScanner, type DueSaga, type DueSagaScanner } from '../data-access/due-sagas.repository';
import { driveSaga } from './orchestrator';
import type { SagaDeps } from '../domain/order-deps';

export const RECOVERY_QUEUE = 'order-saga-recovery';

export interface SagaRecoveryOptions {
  deps: SagaDeps;
  /** The relay role's URL: the one cross-tenant read of due sagas. */
  relayUrl: string;
  redisUrl: string;
  /** `REDIS_PREFIX`; BullMQ keys become `{prefix}order-saga-recovery:…`. */
  redisPrefix: string;
  everyMs: number;
  /** How often the schedule is checked and declared again if Redis lost it (default max(everyMs, 1 s)). */
  repairEveryMs?: number;
  /** Sagas handled per sweep, and how many at once. */
  batchSize?: number;
  concurrency?: number;
}

export interface SagaRecovery {
  /** One sweep now (tests; the scheduler runs the same). Resolves with the sagas it looked at. */
  sweep(): Promise<number>;
  /** Declares the schedule again if Redis lost it; true when it had to. */
  ensureScheduled(): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * Finds sagas stuck past their deadline and drives each one (retry the step, or compensate when
 * the order's time is up). A self-repairing BullMQ job scheduler (`startRepeatingJob`: declared
 * again whenever Redis lost it) fires a sweep every `everyMs` on one instance at a time; even two
 * overlapping sweeps are safe, as each step is claimed under a lease.
 */
export async function startSagaRecovery(options: SagaRecoveryOptions): Promise<SagaRecovery> {
  const scanner = createDueSagaScanner(options.relayUrl);
  const sweep = () =>
    sweepDueSagas(options.deps, scanner, options.batchSize ?? 200, options.concurrency ?? 8);
  const job = await startRepeatingJob({
    queue: RECOVERY_QUEUE,
    schedulerId: 'sweep-due-sagas',
    everyMs: options.everyMs,
    repairEveryMs: options.repairEveryMs,
    redisUrl: options.redisUrl,
    redisPrefix: options.redisPrefix,
    logger: options.deps.logger,
    run: sweep,
  });
  return {
    sweep,
    ensureScheduled: job.ensureScheduled,
    async stop() {
      await job.stop();
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
