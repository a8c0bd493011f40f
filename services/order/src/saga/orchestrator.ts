import type { TenantCtx } from '@fleet/context';
import { findOrder, type OrderRecord } from '../data-access/order.repository';
import { claimSaga, findSaga } from '../data-access/saga.repository';
import type { SagaDeps } from './saga-deps';
import { fail, retry, type StepOutcome } from './saga-step';
import { openSagaUnit } from './saga-unit';
import type { SagaRecord } from './saga-types';
import { STEPS } from './steps';

/**
 * settled: nothing to run now (waiting for an event, done or failed);
 * busy: another process holds the current step's lease;
 * retry_later: a step failed for now, its next try is scheduled (the recovery job runs it).
 */
export type DriveResult = 'settled' | 'busy' | 'retry_later';

const MAX_STEPS_PER_DRIVE = 20;

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
  options: { skipBackoff?: boolean } = {},
): Promise<DriveResult> {
  for (let i = 0; i < MAX_STEPS_PER_DRIVE; i++) {
    const claimed = await deps.db.withTenant(ctx, async (tx) => {
      const saga = await claimSaga(tx, orderId, deps.saga.leaseMs, options.skipBackoff);
      const order = saga && (await findOrder(tx, orderId));
      return saga && order ? { saga, order } : undefined;
    });
    if (!claimed) {
      const state = await deps.db.readAsTenant(ctx, (tx) => findSaga(tx, orderId));
      if (!state || !isLive(state)) return 'settled';
      const due = state.deadlineAt.getTime() <= Date.now();
      if (!due && state.status === 'waiting') return 'settled';
      if (!due) return state.history.at(-1)?.event === 'retry' ? 'retry_later' : 'busy';
      continue; // due again already (raced with another claimer that finished): try once more
    }
    const outcome = await runStep(ctx, deps, claimed);
    const recorded = await record(ctx, deps, claimed.saga, outcome);
    if (recorded !== 'continue') return recorded;
  }
  return 'busy';
}

const isLive = (saga: SagaRecord): boolean =>
  saga.status === 'running' || saga.status === 'compensating' || saga.status === 'waiting';

async function runStep(
  ctx: TenantCtx,
  deps: SagaDeps,
  state: { saga: SagaRecord; order: OrderRecord },
): Promise<StepOutcome> {
  const step = STEPS[state.saga.step];
  if (!step) return fail(`no step named ${state.saga.step}`);
  try {
    return await step.run(ctx, deps, state);
  } catch (err) {
    deps.logger.warn({ err, orderId: state.order.id, step: step.name }, 'saga step threw');
    return retry(err instanceof Error ? err.message : String(err));
  }
}

/** Applies the outcome if the saga is still at the claimed step under the same claim. */
async function record(
  ctx: TenantCtx,
  deps: SagaDeps,
  claimed: SagaRecord,
  outcome: StepOutcome,
): Promise<DriveResult | 'continue'> {
  return deps.db.withTenant(ctx, async (tx) => {
    const unit = await openSagaUnit(tx, ctx, claimed.orderId);
    if (!unit) return 'settled';
    const current = unit.saga.step === claimed.step && unit.saga.claimSeq === claimed.claimSeq;
    if (outcome.kind === 'advance') await outcome.keep?.(unit);
    if (!current) return 'continue';
    if (outcome.kind === 'advance') {
      unit.note('succeeded', outcome.detail);
      await outcome.apply(unit);
    } else if (outcome.kind === 'retry') {
      const { step, attempts } = unit.saga;
      deps.logger.warn(
        { orderId: claimed.orderId, step, attempts, error: outcome.error },
        'saga step retried later',
      );
      unit.retryLater(outcome.error, backoffMs(deps, attempts));
    } else {
      deps.logger.error(
        { orderId: claimed.orderId, step: claimed.step, error: outcome.error },
        'saga step failed',
      );
      unit.fail(outcome.error);
    }
    await unit.save();
    if (outcome.kind === 'retry') return 'retry_later';
    return isLive(unit.saga) && unit.saga.status !== 'waiting' ? 'continue' : 'settled';
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
