import type { Queryable } from '@fleet/db';

export type DeliveryStatus = 'queued' | 'sent' | 'failed';

export interface DeliveryRow {
  id: string;
  event_id: string;
  type: string;
  recipient: string;
  data: Record<string, unknown>;
  status: DeliveryStatus;
  subject: string | null;
  attempts: number;
  last_error: string | null;
  template_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

const COLUMNS =
  'id, event_id, type, recipient, data, status, subject, attempts, last_error, template_error, created_at, sent_at';

/**
 * A new queued delivery; nothing when the event already made one of this type. One address's
 * deliveries are inserted one transaction at a time (an advisory lock on the tenant and the address,
 * held to commit) and stamped with the clock after the lock, not the transaction's start: so
 * `created_at` follows commit order, and a delivery never sees an earlier one of its address still
 * uncommitted (`earlierStillQueued` would miss it, and the later mail would go first).
 */
export async function insertDelivery(
  tx: Queryable,
  d: { tenantId: string; id: string; eventId: string; type: string; recipient: string; data: object },
): Promise<void> {
  await tx.query(
    `SELECT pg_advisory_xact_lock(hashtextextended('deliveries:' || $1::text || ':' || $2::text, 0))`,
    [d.tenantId, d.recipient],
  );
  await tx.query(
    `INSERT INTO deliveries (tenant_id, id, event_id, type, recipient, data, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp()) ON CONFLICT (tenant_id, event_id, type) DO NOTHING`,
    [d.tenantId, d.id, d.eventId, d.type, d.recipient, JSON.stringify(d.data)],
  );
}

/** The event's deliveries still to send (enqueued again after a crash between commit and enqueue). */
export function queuedDeliveriesOfEvent(tx: Queryable, tenantId: string, eventId: string) {
  return tx.rows<{ id: string }>(
    "SELECT id FROM deliveries WHERE tenant_id = $1 AND event_id = $2 AND status = 'queued'",
    [tenantId, eventId],
  );
}

export function findDelivery(tx: Queryable, tenantId: string, id: string): Promise<DeliveryRow | undefined> {
  return tx.maybeOne<DeliveryRow>(`SELECT ${COLUMNS} FROM deliveries WHERE tenant_id = $1 AND id = $2`, [
    tenantId,
    id,
  ]);
}

/**
 * Whether a delivery to the same address, queued before this one and no more than `holdSeconds`
 * earlier, is still to be sent: this one then waits, so one shopper's mails arrive in the order
 * their events happened. An older one (failing with backoff for minutes) no longer holds others.
 */
export async function earlierStillQueued(
  tx: Queryable,
  tenantId: string,
  d: Pick<DeliveryRow, 'id' | 'recipient' | 'created_at'>,
  holdSeconds: number,
): Promise<boolean> {
  const row = await tx.maybeOne<{ id: string }>(
    `SELECT id FROM deliveries
      WHERE tenant_id = $1 AND recipient = $2 AND status = 'queued'
        AND (created_at, id) < ($3::timestamptz, $4)
        AND created_at >= $3::timestamptz - make_interval(secs => $5)
      LIMIT 1`,
    [tenantId, d.recipient, d.created_at, d.id, holdSeconds],
  );
  return row !== undefined;
}

/** The data without its one-time token: a link that worked once is not kept in the database. */
const SCRUB = `data #- '{account,token}'`;

export async function markSent(
  tx: Queryable,
  tenantId: string,
  id: string,
  sent: { subject: string; messageId: string | null; templateError: string | null },
): Promise<void> {
  await tx.query(
    `UPDATE deliveries SET status = 'sent', subject = $3, message_id = $4, template_error = $5,
            attempts = attempts + 1, last_error = NULL, data = ${SCRUB}, sent_at = now(), updated_at = now()
      WHERE tenant_id = $1 AND id = $2 AND status = 'queued'`,
    [tenantId, id, sent.subject, sent.messageId, sent.templateError],
  );
}

/** A failed attempt; `final` ends the delivery as failed. */
export async function markAttemptFailed(
  tx: Queryable,
  tenantId: string,
  id: string,
  failure: { error: string; templateError: string | null; final: boolean },
): Promise<void> {
  await tx.query(
    `UPDATE deliveries SET attempts = attempts + 1, last_error = $3, template_error = $4,
            status = CASE WHEN $5 THEN 'failed' ELSE status END,
            data = CASE WHEN $5 THEN ${SCRUB} ELSE data END, updated_at = now()
      WHERE tenant_id = $1 AND id = $2 AND status = 'queued'`,
    [tenantId, id, failure.error.slice(0, 1000), failure.templateError, failure.final],
  );
}

export interface DeliveryFilter {
  status?: DeliveryStatus;
  type?: string;
  after?: { createdAt: string; id: string };
  limit: number;
}

/** Newest first, keyset-paged on (created_at, id). */
export function listDeliveries(tx: Queryable, tenantId: string, f: DeliveryFilter): Promise<DeliveryRow[]> {
  return tx.rows<DeliveryRow>(
    `SELECT ${COLUMNS} FROM deliveries
      WHERE tenant_id = $1
        AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR type = $3)
        AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5::text))
      ORDER BY created_at DESC, id DESC LIMIT $6`,
    [tenantId, f.status ?? null, f.type ?? null, f.after?.createdAt ?? null, f.after?.id ?? null, f.limit],
  );
}
