import { advanceCompensation, rejectOrder, requireRefund, startCancel } from './compensation';
import { ORDER_SAGA } from './order-saga';
import type { Outcome } from './saga-step';
import type { StepName } from './saga-types';
import type { SagaUnit } from './saga-unit';

/**
 * The orchestrator's one decision: what an outcome (of the step `at`, or of an event's reaction)
 * makes of the order and its saga, and which step runs next, read from ORDER_SAGA. Runs in the
 * recording transaction, order and saga locked. `retry` and `fail` are the orchestrator's own
 * business (backoff, operator); here they change nothing.
 */
export async function applyOutcome(unit: SagaUnit, outcome: Outcome, at: StepName): Promise<void> {
  switch (outcome.kind) {
    case 'done':
      await outcome.record?.(unit);
      return stepDone(unit, outcome.step ?? at);
    case 'reject':
      return rejectOrder(unit, outcome.rejection, outcome.stock);
    case 'cancel':
      return startCancel(unit, outcome.plan);
    case 'wait':
      await outcome.record?.(unit);
      return unit.waitUntil(outcome.until, outcome.why);
    case 'plan':
      return advanceCompensation(unit, outcome.patch);
    case 'refund':
      return requireRefund(unit);
    case 'decide':
      return applyOutcome(unit, await outcome.decide(unit), at);
    case 'retry':
    case 'fail':
    case 'ignore':
      return;
  }
}

/** `step` did its part: the next forward step (entered waiting if it waits), or its confirmation. */
async function stepDone(unit: SagaUnit, step: StepName): Promise<void> {
  const undo = ORDER_SAGA.undo.find((u) => u.step.name === step);
  if (undo) return advanceCompensation(unit, undo.confirms);
  const index = ORDER_SAGA.forward.findIndex((f) => f.step.name === step);
  if (index < 0) return;
  const next = ORDER_SAGA.forward[index + 1];
  if (!next) return unit.complete();
  const until = next.waitsUntil?.(unit.order);
  if (until) unit.goTo(next.step.name, 'waiting', { at: until });
  else unit.goTo(next.step.name, 'running');
}
