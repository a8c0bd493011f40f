import type { TenantCtx } from '@fleet/context';
import type { Queryable } from '@fleet/db';
import type { OrderItemRecord } from '../data-access/order-lines.repository';
import { lockOrderAndSaga } from '../data-access/order-saga-lock.repository';
import type { OrderRecord } from '../data-access/order.repository';
import { saveSaga, type Deadline } from '../data-access/saga.repository';
import { OrderUnit } from '../domain/order-unit';
import type { SagaData, SagaRecord, SagaStatus, StepName } from './saga-types';

/**
 * One transaction's view of an order and its saga, both rows locked (order first, then saga:
 * every writer takes them in this order). The order's changes are `OrderUnit`'s (status moves
 * with history and event, facts); the saga's go through here, and `save()` persists them.
 */
export class SagaUnit extends OrderUnit {
  private deadline: Deadline = null;

  constructor(
    tx: Queryable,
    ctx: TenantCtx,
    order: OrderRecord,
    readonly saga: SagaRecord,
    txNow: Date,
  ) {
    super(tx, ctx, order, txNow);
  }

  get data(): SagaData {
    return this.saga.data;
  }

  mergeData(patch: Partial<SagaData>): void {
    Object.assign(this.saga.data, patch);
  }

  /** Makes `step` current. Due at once unless a deadline is given; the same step is left alone. */
  goTo(step: StepName, status: SagaStatus, deadline: Deadline = { inMs: 0 }): void {
    if (this.saga.step === step && this.saga.status === status) return;
    this.note('moved', `${this.saga.step} -> ${step}`, step);
    this.saga.step = step;
    this.saga.status = status;
    this.saga.attempts = 0;
    this.saga.lastError = null;
    this.saga.retrying = false;
    this.deadline = deadline;
  }

  complete(): void {
    this.goTo('completed', 'done', null);
  }

  /** The current (waiting) step waits longer: it is due again at `at`. */
  waitUntil(at: Date, detail: string): void {
    this.note('extended', detail);
    this.deadline = { at };
  }

  /** The current step failed for now: try again after `delayMs`. */
  retryLater(error: string, delayMs: number): void {
    this.saga.lastError = error;
    this.saga.retrying = true;
    this.note('retry', error);
    this.deadline = { inMs: delayMs };
  }

  /** The current step cannot succeed without an operator (shown in the merchant's order view). */
  fail(error: string): void {
    this.saga.status = 'failed';
    this.saga.lastError = error;
    this.note('failed', error);
  }

  note(event: string, detail?: string, step: StepName = this.saga.step): void {
    this.saga.history.push({ at: new Date().toISOString(), step, event, ...(detail ? { detail } : {}) });
  }

  async save(): Promise<void> {
    await saveSaga(this.tx, this.saga, this.deadline);
  }

  /**
   * `save()`; when the saga moved to a step that is due at once, that step is claimed in the same
   * statement (claim counter and attempt bumped, leased for `leaseMs`), as the driver's next claim
   * would do in a transaction of its own. The claim commits with the outcome that led to it, so it
   * is still persisted before the step's remote call. The row is locked: nobody else claims it.
   */
  async saveAndClaimNext(leaseMs: number): Promise<ClaimedStep | undefined> {
    const { status } = this.saga;
    const dueNow = this.deadline !== null && 'inMs' in this.deadline && this.deadline.inMs <= 0;
    if (!dueNow || (status !== 'running' && status !== 'compensating')) {
      await this.save();
      return undefined;
    }
    this.saga.claimSeq += 1;
    this.saga.attempts += 1;
    this.saga.retrying = false;
    this.saga.history.push({
      at: new Date().toISOString(),
      step: this.saga.step,
      event: 'started',
      attempt: this.saga.attempts,
    });
    this.deadline = { inMs: leaseMs };
    await this.save();
    const saga = { ...this.saga, deadlineAt: new Date(Date.now() + leaseMs) };
    return { saga, order: this.order };
  }
}

/** A step claimed (lease taken, claim counter bumped) and the order as it was when claimed. */
export interface ClaimedStep {
  saga: SagaRecord;
  order: OrderRecord;
  /** The order's lines, when the claimer had them at hand (the creating request). */
  items?: readonly OrderItemRecord[];
}

/** Locks the order and its saga in `tx` (one round trip); undefined when this tenant has no such order. */
export async function openSagaUnit(
  tx: Queryable,
  ctx: TenantCtx,
  orderId: string,
): Promise<SagaUnit | undefined> {
  const locked = await lockOrderAndSaga(tx, orderId);
  return locked && new SagaUnit(tx, ctx, locked.order, locked.saga, locked.txNow);
}
