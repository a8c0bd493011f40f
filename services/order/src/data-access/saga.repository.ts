import { prepared, type Queryable } from '@fleet/db';
import type { SagaData, SagaHistoryEntry, SagaRecord, SagaStatus, StepName } from '../saga/saga-types';

export interface SagaRow {
  order_id: string;
  step: StepName;
  status: SagaStatus;
  deadline_at: Date;
  attempts: number;
  claim_seq: string;
  last_error: string | null;
  retrying: boolean;
  data: SagaData;
  history: SagaHistoryEntry[];
  created_at: Date;
  updated_at: Date;
}

const HISTORY_KEPT = 100;

export function toSaga(row: SagaRow): SagaRecord {
  return {
    orderId: row.order_id,
    step: row.step,
    status: row.status,
    deadlineAt: row.deadline_at,
    attempts: row.attempts,
    claimSeq: Number(row.claim_seq),
    lastError: row.last_error,
    retrying: row.retrying,
    data: row.data,
    history: row.history,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Inserts the saga of a new order. With `leaseMs` it is inserted already claimed by the caller
 * (claim 1, attempt 1, leased until now + leaseMs): the same row `claimSaga` would leave, without
 * a transaction of its own, so the creating request runs the first step at once.
 */
export async function insertSaga(
  tx: Queryable,
  tenantId: string,
  saga: { orderId: string; step: StepName; status: SagaStatus; history: SagaHistoryEntry[] },
  leaseMs?: number,
): Promise<SagaRecord> {
  const claimed = leaseMs !== undefined;
  const history = claimed
    ? [...saga.history, { at: new Date().toISOString(), step: saga.step, event: 'started', attempt: 1 }]
    : saga.history;
  const row = await tx.maybeOne<SagaRow>(
    prepared(
      'saga_insert',
      `INSERT INTO saga_state (tenant_id, order_id, step, status, deadline_at, attempts, claim_seq, history)
     VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5::double precision / 1000), $6::int, $6::int, $7::jsonb)
     RETURNING *`,
    ),
    [tenantId, saga.orderId, saga.step, saga.status, leaseMs ?? 0, claimed ? 1 : 0, JSON.stringify(history)],
  );
  if (!row) throw new Error(`saga of order ${saga.orderId} was not inserted`);
  return toSaga(row);
}

/**
 * Takes the saga's current step if it is due (its deadline passed) or, with `skipBackoff`, if it
 * only waits out a retry delay (nobody holds it): the lease runs to now + leaseMs, `claim_seq`
 * fences out whoever held it before. Persisted BEFORE the remote call.
 */
const CLAIM = prepared(
  'saga_claim',
  `UPDATE saga_state
      SET claim_seq = claim_seq + 1,
          attempts = attempts + 1,
          deadline_at = now() + make_interval(secs => $2::double precision / 1000),
          history = jsonb_path_query_array(
            history || jsonb_build_array(jsonb_build_object(
              'at', now(), 'step', step, 'event', 'started', 'attempt', attempts + 1)),
            '$[last-${HISTORY_KEPT - 1} to last]'),
          retrying = false,
          updated_at = now()
    WHERE order_id = $1 AND status IN ('running', 'waiting', 'compensating')
      AND (deadline_at <= now() OR ($3::boolean AND status <> 'waiting' AND retrying))
    RETURNING *`,
);

export async function claimSaga(
  tx: Queryable,
  orderId: string,
  leaseMs: number,
  skipBackoff = false,
): Promise<SagaRecord | undefined> {
  const row = await tx.maybeOne<SagaRow>(CLAIM, [orderId, leaseMs, skipBackoff]);
  return row && toSaga(row);
}

export async function findSaga(tx: Queryable, orderId: string): Promise<SagaRecord | undefined> {
  const row = await tx.maybeOne<SagaRow>(
    prepared('saga_find', 'SELECT * FROM saga_state WHERE order_id = $1'),
    [orderId],
  );
  return row && toSaga(row);
}

/** When the saga is next due: in some ms from the database's now, at a time, or unchanged. */
export type Deadline = { inMs: number } | { at: Date } | null;

/**
 * Writes back a saga changed in memory (its row locked by the caller, so `claimSeq` is current).
 * Deferred: it travels with the transaction's COMMIT (or its next statement), so a claim is still
 * committed before the remote call it covers, without a round trip of its own.
 */
export async function saveSaga(tx: Queryable, saga: SagaRecord, deadline: Deadline): Promise<void> {
  tx.defer(
    prepared(
      'saga_save',
      `UPDATE saga_state
        SET step = $2, status = $3, attempts = $4, last_error = $5, data = $6::jsonb, history = $7::jsonb,
            claim_seq = $10, retrying = $11,
            deadline_at = CASE WHEN $8::timestamptz IS NOT NULL THEN $8::timestamptz
                               WHEN $9::double precision IS NOT NULL
                                 THEN now() + make_interval(secs => $9::double precision / 1000)
                               ELSE deadline_at END,
            updated_at = now()
      WHERE order_id = $1`,
    ),
    [
      saga.orderId,
      saga.step,
      saga.status,
      saga.attempts,
      saga.lastError,
      JSON.stringify(saga.data),
      JSON.stringify(saga.history.slice(-HISTORY_KEPT)),
      deadline && 'at' in deadline ? deadline.at : null,
      deadline && 'inMs' in deadline ? deadline.inMs : null,
      saga.claimSeq,
      saga.retrying,
    ],
  );
}
