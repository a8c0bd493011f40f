import { prepared, type Queryable } from '@fleet/db';

import type { ProviderEvent, ProviderName } from '@fleet/payment-providers';
export interface ReceiptKey {
  tenantId: string;
  provider: ProviderName;
  eventId: string;
}

export interface DueReceipt extends ReceiptKey {
  event: ProviderEvent;
  attempts: number;
  requestId: string | null;
}

const INSERT_RECEIPT = `INSERT INTO webhook_receipts
    (tenant_id, provider, event_id, event_type, provider_payment_id, event, request_id)
  VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`;

const receiptValues = (
  tenantId: string,
  provider: ProviderName,
  event: ProviderEvent,
  requestId: string,
): unknown[] => [
  tenantId,
  provider,
  event.eventId,
  event.type,
  event.providerPaymentId,
  JSON.stringify(event),
  requestId,
];

/** Stores the receipt once per (tenant, provider, event id); false when it was already there. */
export async function insertReceipt(
  tx: Queryable,
  tenantId: string,
  provider: ProviderName,
  event: ProviderEvent,
  requestId: string,
): Promise<boolean> {
  const row = await tx.maybeOne(
    prepared('payment_receipt_insert', `${INSERT_RECEIPT} ON CONFLICT DO NOTHING RETURNING 1 AS stored`),
    receiptValues(tenantId, provider, event, requestId),
  );
  return row !== undefined;
}

/**
 * `insertReceipt` deferred: it travels with the next statement (or COMMIT) and a repeat of a
 * stored event fails the transaction on the key (`isReceiptConflict`) instead of answering false.
 */
export function recordReceipt(
  tx: Queryable,
  tenantId: string,
  provider: ProviderName,
  event: ProviderEvent,
  requestId: string,
): void {
  tx.defer(
    prepared('payment_receipt_record', INSERT_RECEIPT),
    receiptValues(tenantId, provider, event, requestId),
  );
}

/** The error of a `recordReceipt` whose event was stored already. */
export function isReceiptConflict(err: unknown): boolean {
  const e = err as { code?: unknown; table?: unknown } | undefined;
  return e?.code === '23505' && e.table === 'webhook_receipts';
}

/**
 * Locks one receipt that is still pending and due; undefined when another processor holds it
 * (SKIP LOCKED) or it was handled meanwhile.
 */
export async function lockDueReceipt(tx: Queryable, key: ReceiptKey): Promise<DueReceipt | undefined> {
  const row = await tx.maybeOne<{ event: ProviderEvent; attempts: number; request_id: string | null }>(
    prepared(
      'payment_receipt_lock_due',
      `SELECT event, attempts, request_id FROM webhook_receipts
      WHERE tenant_id = $1 AND provider = $2 AND event_id = $3
        AND status = 'pending' AND next_attempt_at <= now()
      FOR UPDATE SKIP LOCKED`,
    ),
    [key.tenantId, key.provider, key.eventId],
  );
  return row && { ...key, event: row.event, attempts: row.attempts, requestId: row.request_id };
}

/** Final: the event was applied (`processed`) or deliberately not (`ignored`, with the reason). */
export async function completeReceipt(
  tx: Queryable,
  key: ReceiptKey,
  status: 'processed' | 'ignored',
  outcome: string,
): Promise<void> {
  tx.defer(
    prepared(
      'payment_receipt_complete',
      `UPDATE webhook_receipts SET status = $4, outcome = $5, attempts = attempts + 1, processed_at = now()
      WHERE tenant_id = $1 AND provider = $2 AND event_id = $3`,
    ),
    [key.tenantId, key.provider, key.eventId, status, outcome],
  );
}

export interface RetryPolicy {
  /** Delay after the first failed attempt; doubles with each attempt (with jitter) up to `maxMs`. */
  baseMs: number;
  maxMs: number;
  /** After this many attempts the receipt is `abandoned`: kept for inspection and replay, not retried. */
  maxAttempts: number;
}

/**
 * Not applicable yet (or failed): counts the attempt and schedules the next one with exponential
 * backoff, or abandons the receipt. Returns the receipt's status afterwards (undefined when it was
 * no longer pending).
 */
export async function deferReceipt(
  tx: Queryable,
  key: ReceiptKey,
  error: string,
  policy: RetryPolicy,
): Promise<'pending' | 'abandoned' | undefined> {
  const row = await tx.maybeOne<{ status: 'pending' | 'abandoned' }>(
    prepared(
      'payment_receipt_defer',
      `UPDATE webhook_receipts
        SET attempts = attempts + 1, last_error = $4,
            next_attempt_at = now() + make_interval(secs =>
              least($6::double precision, $5::double precision * power(2, attempts)) * (0.5 + random() / 2) / 1000),
            status = CASE WHEN attempts + 1 >= $7 THEN 'abandoned' ELSE status END
      WHERE tenant_id = $1 AND provider = $2 AND event_id = $3 AND status = 'pending'
      RETURNING status`,
    ),
    [
      key.tenantId,
      key.provider,
      key.eventId,
      error.slice(0, 500),
      policy.baseMs,
      policy.maxMs,
      policy.maxAttempts,
    ],
  );
  return row?.status;
}
