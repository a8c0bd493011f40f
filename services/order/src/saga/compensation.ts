import { ORDER_SAGA } from './order-saga';
import type { CancelPlan as Plan, Rejection } from './saga-step';
import type { SagaUnit } from './saga-unit';
import type { Compensation, SagaData, StepName } from './saga-types';

/** Pure: the undo stage due next (the first in ORDER_SAGA.undo), or undefined when all is back. */
const nextUndo = (c: Compensation) => ORDER_SAGA.undo.find((u) => u.due(c));

/** Pure: the next undo step of a compensation, or null when every confirmation is in. */
export function nextCompensationStep(c: Compensation): StepName | null {
  return nextUndo(c)?.step.name ?? null;
}

function newCompensation(target: Compensation['target'], plan: Plan, data: SagaData): Compensation {
  return {
    target,
    reason: plan.reason,
    stock: plan.stock,
    stockDone: plan.stock === 'none',
    refund: plan.refund ?? data.captured === true,
    refundRequested: false,
    refundDone: false,
  };
}

/** PENDING -> CANCEL_REQUESTED now; CANCELLED once stock and money are confirmed back. */
export async function startCancel(unit: SagaUnit, plan: Plan): Promise<void> {
  await unit.transition('CANCEL_REQUESTED', plan.reason);
  unit.mergeData({ compensation: newCompensation('CANCELLED', plan, unit.data) });
  await continueCompensation(unit);
}

/** A failure before acceptance: REJECTED at once, then whatever was reserved is released. */
export async function rejectOrder(
  unit: SagaUnit,
  rejection: Rejection,
  stock: Compensation['stock'],
): Promise<void> {
  unit.mergeData({ rejection });
  await unit.transition('REJECTED', rejection.code);
  unit.mergeData({ compensation: newCompensation('REJECTED', { reason: rejection.code, stock }, unit.data) });
  await continueCompensation(unit);
}

/** Records confirmations (or a change of plan) and moves to whatever is left to undo. */
export async function advanceCompensation(unit: SagaUnit, patch: Partial<Compensation>): Promise<void> {
  const c = unit.data.compensation;
  if (!c) return;
  Object.assign(c, patch);
  await continueCompensation(unit);
}

/** Money arrived for an order that will not ship (payment raced a cancel or the expiry): give it back. */
export async function requireRefund(unit: SagaUnit): Promise<void> {
  unit.mergeData({ captured: true });
  const c = unit.data.compensation;
  if (c?.refund) return;
  if (c) c.refund = true;
  else {
    const target = unit.order.status === 'REJECTED' ? 'REJECTED' : 'CANCELLED';
    const plan = { reason: 'late_payment', stock: 'none' as const, refund: true };
    unit.mergeData({ compensation: newCompensation(target, plan, unit.data) });
  }
  await continueCompensation(unit);
}

async function continueCompensation(unit: SagaUnit): Promise<void> {
  const c = unit.data.compensation;
  if (!c) return;
  const next = nextUndo(c);
  if (next?.waitsMs) return unit.goTo(next.step.name, 'waiting', { inMs: next.waitsMs });
  if (next) return unit.goTo(next.step.name, 'compensating');
  if (c.target === 'CANCELLED' && unit.order.status === 'CANCEL_REQUESTED') {
    await unit.transition('CANCELLED', c.reason);
  }
  unit.complete();
}
