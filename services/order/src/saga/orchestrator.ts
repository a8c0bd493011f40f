import type { TenantCtx } from '@fleet/context';
import { findOrder, type OrderRecord } from '../data-access/order.repository';
import { claimSaga, findSaga } from '../data-access/saga.repository';
import { applyOutcome } from './apply-outcome';
import { STEPS } from './order-saga';
import type { SagaDeps } from '../domain/order-deps';
import { fail, retry, type Outcome } from './saga-step';
import { openSagaUnit, type ClaimedStep } from './saga-unit';
import type { SagaRecord } from './saga-types';

/**
 * settled: nothing to run now (waiting for an event, done or failed);
 * busy: another process holds the current step's lease;
 * retry_later: a step failed for now, its next try is scheduled (the recovery job runs it).
 */
export type DriveResult = 'settled' | 'busy' | 'retry_later';

const MAX_STEPS_PER_DRIVE = 20;

export interface DriveOptions {
  /** A shopper's retried checkout tries a step at once instead of after its retry delay. */
  skipBackoff?: boolean;
  /** The current step, already claimed by the caller in the transaction that made it due. */
  claimed?: ClaimedStep;
}

/** How a drive ended, with the order and saga its last recording transaction left, if any. */
export interface DriveReport {
  result: DriveResult;
  last?: { order: OrderRecord; saga: SagaRecord };
}

/**
 * Runs the order's saga as far as it can go now. Each step is claimed (lease + fencing token
 * persisted) BEFORE its remote call and its outcome recorded AFTER it, each in its own short
 * transaction; the remote call runs outside any transaction. A crash anywhere leaves a due
 * saga_state row that the next driver (a retried request, an event, the recovery job) resumes.
 * `skipBackoff`: a shopper's retried checkout tries a step at once instead of after its delay.
 */
export async function driveSaga(
  ctx: TenantCtx,
  deps: SagaDeps,
  orderId: string,
  options: DriveOptions = {},
): Promise<DriveResult> {
  return (await runSaga(ctx, deps, orderId, options)).result;
}

/**
 * `driveSaga`, reporting the state the last recording left. The transaction that records a
 * step's outcome also claims the next step when it is due at once (`SagaUnit.saveAndClaimNext`),
 * so a step costs one transaction after its remote call instead of two.
 */
export async function runSaga(
  ctx: TenantCtx,
  deps: SagaDeps,
  orderId: string,
  options: DriveOptions = {},
): Promise<DriveReport> {
  let claimed = options.claimed;
  for (let i = 0; i < MAX_STEPS_PER_DRIVE; i++) {
    claimed ??= await claim(ctx, deps, orderId, options.skipBackoff);
    if (!claimed) {
      const state = await deps.db.readAsTenant(ctx, (tx) => findSaga(tx, orderId));
      if (!state || !isLive(state)) return { result: 'settled' };
      const due = state.deadlineAt.getTime() <= Date.now();
      if (!due && state.status === 'waiting') return { result: 'settled' };
      if (!due) return { result: state.retrying ? 'retry_later' : 'busy' };
      continue; // due again already (raced with another claimer that finished): try once more
    }
    const outcome = await runStep(ctx, deps, claimed);
    const recorded = await record(ctx, deps, claimed.saga, outcome);
    if (recorded.result !== 'continue') return recorded;
    claimed = recorded.next;
  }
  return { result: 'busy' };
}

/** Claims the current step in a transaction of its own. */
function claim(
  ctx: TenantCtx,
  deps: SagaDeps,
  orderId: string,
  skipBackoff?: boolean,
): Promise<ClaimedStep | undefined> {
  return deps.db.withTenant(ctx, async (tx) => {
    const saga = await claimSaga(tx, orderId, deps.saga.leaseMs, skipBackoff);
    const order = saga && (await findOrder(tx, orderId));
    return saga && order ? { saga, order } : undefined;
  });
}

const isLive = (saga: SagaRecord): boolean =>
  saga.status === 'running' || saga.status === 'compensating' || saga.status === 'waiting';

async function runStep(ctx: TenantCtx, deps: SagaDeps, state: ClaimedStep): Promise<Outcome> {
  const step = STEPS.get(state.saga.step);
  if (!step) return fail(`no step named ${state.saga.step}`);
  try {
    return await step.run(ctx, deps, state);
  } catch (err) {
    deps.logger.warn({ err, orderId: state.order.id, step: step.name }, 'saga step threw');
    return retry(err instanceof Error ? err.message : String(err));
  }
}

type Recorded = (DriveReport & { result: DriveResult }) | { result: 'continue'; next?: ClaimedStep };

/**
 * Applies the outcome if the saga is still at the claimed step under the same claim, and claims
 * the next step in the same transaction when it is due at once.
 */
async function record(
  ctx: TenantCtx,
  deps: SagaDeps,
  claimed: SagaRecord,
  outcome: Outcome,
): Promise<Recorded> {
  return deps.db.withTenant(ctx, async (tx): Promise<Recorded> => {
    const unit = await openSagaUnit(tx, ctx, claimed.orderId);
    if (!unit) return { result: 'settled' };
    const current = unit.saga.step === claimed.step && unit.saga.claimSeq === claimed.claimSeq;
    if (outcome.kind === 'done') await outcome.keep?.(unit);
    if (!current) return { result: 'continue' };
    if (outcome.kind === 'retry') {
      const { step, attempts } = unit.saga;
      deps.logger.warn(
        { orderId: claimed.orderId, step, attempts, error: outcome.error },
        'saga step retried later',
      );
      unit.retryLater(outcome.error, backoffMs(deps, attempts));
    } else if (outcome.kind === 'fail') {
      deps.logger.error(
        { orderId: claimed.orderId, step: claimed.step, error: outcome.error },
        'saga step failed',
      );
      unit.fail(outcome.error);
    } else {
      unit.note('succeeded', 'detail' in outcome ? outcome.detail : undefined);
      await applyOutcome(unit, outcome, claimed.step);
    }
    const next = await unit.saveAndClaimNext(deps.saga.leaseMs);
    const last = { order: unit.order, saga: unit.saga };
    if (outcome.kind === 'retry') return { result: 'retry_later', last };
    if (!isLive(unit.saga) || unit.saga.status === 'waiting') return { result: 'settled', last };
    return { result: 'continue', next };
  });
}

/** Exponential backoff with jitter: base·2^(attempt-1), at most retryMaxMs. */
function backoffMs(deps: SagaDeps, attempts: number): number {
  const ceiling = Math.min(
    deps.saga.retryMaxMs,
    deps.saga.retryBaseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 20),
  );
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}
