import type { OrderRecord } from '../data-access/order.repository';
import type { SagaStep } from './saga-step';
import type { Compensation } from './saga-types';
import { awaitPaymentStep } from './steps/await-payment.step';
import { awaitRefundStep } from './steps/await-refund.step';
import { commitInventoryStep } from './steps/commit-inventory.step';
import { createPaymentStep } from './steps/create-payment.step';
import { refundPaymentStep } from './steps/refund-payment.step';
import { releaseInventoryStep } from './steps/release-inventory.step';
import { reserveInventoryStep } from './steps/reserve-inventory.step';
import { restockInventoryStep } from './steps/restock-inventory.step';

/** How long the saga waits for `payment.refunded` before it asks payment again. */
export const REFUND_CONFIRM_MS = 30_000;

/** A forward step; `waitsUntil`: it is entered waiting (for an event) and runs when that time passes. */
export interface ForwardStage {
  step: SagaStep;
  /** What gives back what this step did, when the order is wound down after it succeeded. */
  undo?: SagaStep;
  waitsUntil?: (order: OrderRecord) => Date;
}

/**
 * An undo step: due while `due(plan)` holds (the first due one runs); its `done` confirms
 * `confirms`. `waitsMs`: it is entered waiting (for an event) and runs when that time passes.
 */
export interface UndoStage {
  step: SagaStep;
  due: (c: Compensation) => boolean;
  confirms: Partial<Compensation>;
  waitsMs?: number;
}

/**
 * The order saga, read top to bottom. Forward: each step beside its undo. The order is created
 * PENDING with the saga at the first step (domain/open-order.ts); `await_payment` ends with
 * `payment.succeeded` (PLACED) or, when the order's unpaid timeout passes, runs and asks payment.
 * A refusal before acceptance REJECTS the order, a later one cancels it; either way the undo
 * steps below give back what was done, in their order: stock first (a sale replaces its
 * reservation), then the money. The orchestrator alone decides what runs next, from this table.
 */
export const ORDER_SAGA = {
  forward: [
    { step: reserveInventoryStep, undo: releaseInventoryStep },
    { step: createPaymentStep, undo: refundPaymentStep },
    { step: awaitPaymentStep, waitsUntil: (order) => order.expiresAt },
    { step: commitInventoryStep, undo: restockInventoryStep },
  ],
  undo: [
    {
      step: releaseInventoryStep,
      due: (c) => !c.stockDone && c.stock !== 'restock',
      confirms: { stockDone: true },
    },
    {
      step: restockInventoryStep,
      due: (c) => !c.stockDone && c.stock === 'restock',
      confirms: { stockDone: true },
    },
    {
      step: refundPaymentStep,
      due: (c) => c.refund && !c.refundDone && !c.refundRequested,
      confirms: { refundRequested: true, refundDone: true },
    },
    {
      step: awaitRefundStep,
      due: (c) => c.refund && !c.refundDone && c.refundRequested,
      confirms: { refundDone: true },
      waitsMs: REFUND_CONFIRM_MS,
    },
  ],
} satisfies { forward: readonly ForwardStage[]; undo: readonly UndoStage[] };

/** The declared steps' names (what `saga_state.step` holds besides `completed`): read from the table. */
export type DeclaredStepName = (typeof ORDER_SAGA)['forward' | 'undo'][number]['step']['name'];

/** Every step by name: what the orchestrator runs when the saga's current step is due. */
export const STEPS: ReadonlyMap<string, SagaStep<DeclaredStepName>> = new Map(
  [...ORDER_SAGA.forward, ...ORDER_SAGA.undo].map(({ step }) => [step.name, step]),
);
