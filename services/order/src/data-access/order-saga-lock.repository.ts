import { prepared, type Queryable } from '@fleet/db';
import { toOrder, type OrderRecord, type OrderRow } from './order.repository';
import type { SagaRecord } from '../saga/saga-types';
import { toSaga, type SagaRow } from './saga.repository';

type LockedRow = OrderRow & {
  saga_order_id: string;
  saga_step: SagaRow['step'];
  saga_status: SagaRow['status'];
  saga_deadline_at: Date;
  saga_attempts: number;
  saga_claim_seq: string;
  saga_last_error: string | null;
  saga_retrying: boolean;
  saga_data: SagaRow['data'];
  saga_history: SagaRow['history'];
  saga_created_at: Date;
  saga_updated_at: Date;
  tx_now: Date;
};

/**
 * Both rows in one round trip. `FOR UPDATE` without `OF` locks the rows of every table in the
 * order the tables appear in FROM, so the order row is locked before its saga's: the same order
 * every writer of an order uses (order first, then saga), hence no new deadlock. `tx_now` is the
 * transaction's `now()`: what the deferred updates of this transaction write as `updated_at`.
 */
const LOCK_BOTH = prepared(
  'order_saga_lock',
  `SELECT o.*,
          s.order_id AS saga_order_id, s.step AS saga_step, s.status AS saga_status,
          s.deadline_at AS saga_deadline_at, s.attempts AS saga_attempts, s.claim_seq AS saga_claim_seq,
          s.last_error AS saga_last_error, s.retrying AS saga_retrying, s.data AS saga_data, s.history AS saga_history,
          s.created_at AS saga_created_at, s.updated_at AS saga_updated_at, now() AS tx_now
     FROM orders o
     JOIN saga_state s ON s.tenant_id = o.tenant_id AND s.order_id = o.id
    WHERE o.id = $1
      FOR UPDATE`,
);

/** Locks an order and its saga (order first); undefined when either is not visible. */
export async function lockOrderAndSaga(
  tx: Queryable,
  orderId: string,
): Promise<{ order: OrderRecord; saga: SagaRecord; txNow: Date } | undefined> {
  const row = await tx.maybeOne<LockedRow>(LOCK_BOTH, [orderId]);
  if (!row) return undefined;
  return {
    order: toOrder(row),
    saga: toSaga({
      order_id: row.saga_order_id,
      step: row.saga_step,
      status: row.saga_status,
      deadline_at: row.saga_deadline_at,
      attempts: row.saga_attempts,
      claim_seq: row.saga_claim_seq,
      last_error: row.saga_last_error,
      retrying: row.saga_retrying,
      data: row.saga_data,
      history: row.saga_history,
      created_at: row.saga_created_at,
      updated_at: row.saga_updated_at,
    }),
    txNow: row.tx_now,
  };
}
