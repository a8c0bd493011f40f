import type { TenantCtx } from '@fleet/context';
import type { OrderStatus } from '@fleet/contracts';
import type { Queryable } from '@fleet/db';
import { appendToOutbox } from '@fleet/messaging';
import { appendHistory, listItems, type OrderItemRecord } from '../data-access/order-lines.repository';
import { lockOrderAndSaga } from '../data-access/order-saga-lock.repository';
import {
  recordFactsLater,
  updateStatusLater,
  type OrderFacts,
  type OrderRecord,
} from '../data-access/order.repository';
import { saveSaga, type Deadline } from '../data-access/saga.repository';
import { orderStatusEvent } from '../domain/order-events';
import { assertTransition } from '../domain/order-state-machine';
import type { SagaData, SagaRecord, SagaStatus, StepName } from './saga-types';

/** Events whose data lists the items (stock and notifications need them). */
const WITH_ITEMS: ReadonlySet<OrderStatus> = new Set(['PENDING', 'PLACED', 'CANCELLED']);

/**
 * One transaction's view of an order and its saga, both rows locked (order first, then saga:
 * every writer takes them in this order). Every change of either goes through here: a status
 * move writes history + an outbox event + bumps the version; `save()` persists the saga. The
 * order's updates are deferred (they travel with the next statement or COMMIT) and `order` is
 * kept as the row will read: it is locked, and `txNow` is what they write as `updated_at`.
 */
export class SagaUnit {
  private deadline: Deadline = null;

  constructor(
    readonly tx: Queryable,
    readonly ctx: TenantCtx,
    public order: OrderRecord,
    readonly saga: SagaRecord,
    readonly txNow: Date,
  ) {}

  get data(): SagaData {
    return this.saga.data;
  }

  /** Moves the order along the transition table, with history and event, in this transaction. */
  async transition(to: OrderStatus, reason: string): Promise<void> {
    const from = this.order.status;
    assertTransition(from, to);
    this.order = updateStatusLater(this.tx, this.order, to, reason, this.txNow);
    await appendHistory(this.tx, this.ctx.tenantId, this.order.id, { from, to, reason });
    const items = WITH_ITEMS.has(to) ? await listItems(this.tx, this.order.id) : undefined;
    await appendToOutbox(this.tx, orderStatusEvent(this.ctx, this.order, from, items));
  }

  async recordFacts(facts: OrderFacts): Promise<void> {
    this.order = recordFactsLater(this.tx, this.order, facts, this.txNow);
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
