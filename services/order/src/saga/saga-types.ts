import type { DeclaredStepName } from './order-saga';

/**
 * Where an order's saga is: a step order-saga.ts declares (each named in its own file), or
 * `completed`. The saga id is the order id.
 */
export type StepName = DeclaredStepName | 'completed';

/**
 * running: the step is due or being run (deadline = lease / retry time);
 * waiting: for an event (deadline = when recovery acts, e.g. the payment timeout);
 * compensating: an undo step is due or being run; done: nothing left; failed: an operator must look.
 */
export type SagaStatus = 'running' | 'waiting' | 'compensating' | 'done' | 'failed';

/** How an order is being wound down and which confirmations are in. */
export interface Compensation {
  /** CANCELLED (via CANCEL_REQUESTED) or REJECTED (set at once: failed before acceptance). */
  target: 'CANCELLED' | 'REJECTED';
  reason: string;
  /** What gives the stock back: release a reservation, restock a committed one, or nothing. */
  stock: 'release' | 'restock' | 'none';
  stockDone: boolean;
  /** Money was captured and must go back. */
  refund: boolean;
  refundRequested: boolean;
  refundDone: boolean;
  refundId?: string;
}

export interface SagaData {
  /** Inventory confirmed the commit (stock sold). */
  committed?: boolean;
  /** payment.succeeded was seen. */
  captured?: boolean;
  /** The unpaid timeout found the payment still processing at the provider and waited once more. */
  paymentWaitExtended?: boolean;
  /** Why the order was rejected, with what the synchronous create answers on a replay. */
  rejection?: { code: string; detail: string; extra?: Record<string, unknown> };
  compensation?: Compensation;
}

export interface SagaHistoryEntry {
  at: string;
  step: StepName;
  event: string;
  attempt?: number;
  detail?: string;
}

export interface SagaRecord {
  orderId: string;
  step: StepName;
  status: SagaStatus;
  deadlineAt: Date;
  attempts: number;
  claimSeq: number;
  lastError: string | null;
  /** The current step failed for now and waits out its retry delay (until `deadlineAt`). */
  retrying: boolean;
  data: SagaData;
  history: SagaHistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
}
