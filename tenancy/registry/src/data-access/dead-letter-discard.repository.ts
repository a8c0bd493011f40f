import { newId, type Queryable } from '@fleet/db';

export interface DeadLetterDiscard {
  id: string;
  service: string;
  consumer: string;
  messageId: string;
  eventType: string | null;
  tenantId: string | null;
  error: string;
  body: string;
  reason: string;
  discardedBy: string;
  discardedAt: string;
}

interface DiscardRow {
  id: string;
  service: string;
  consumer: string;
  message_id: string;
  event_type: string | null;
  tenant_id: string | null;
  error: string;
  body: string;
  reason: string;
  discarded_by: string;
  discarded_at: Date;
}

const toDiscard = (r: DiscardRow): DeadLetterDiscard => ({
  id: r.id,
  service: r.service,
  consumer: r.consumer,
  messageId: r.message_id,
  eventType: r.event_type,
  tenantId: r.tenant_id,
  error: r.error,
  body: r.body,
  reason: r.reason,
  discardedBy: r.discarded_by,
  discardedAt: r.discarded_at.toISOString(),
});

export async function insertDiscard(
  tx: Queryable,
  discard: Omit<DeadLetterDiscard, 'id' | 'discardedAt'>,
): Promise<DeadLetterDiscard> {
  const [row] = await tx.rows<DiscardRow>(
    `INSERT INTO dead_letter_discards
       (id, service, consumer, message_id, event_type, tenant_id, error, body, reason, discarded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     RETURNING *`,
    [
      newId('dld'),
      discard.service,
      discard.consumer,
      discard.messageId,
      discard.eventType,
      discard.tenantId,
      discard.error,
      discard.body,
      discard.reason,
      discard.discardedBy,
    ],
  );
  return toDiscard(row as DiscardRow);
}

/** Newest first, keyset paged on (discarded_at, id). */
export async function listDiscards(
  tx: Queryable,
  query: { limit: number; after?: { at: string; id: string } },
): Promise<DeadLetterDiscard[]> {
  const rows = await tx.rows<DiscardRow>(
    `SELECT * FROM dead_letter_discards
      WHERE ($1::timestamptz IS NULL OR (discarded_at, id) < ($1::timestamptz, $2::text))
      ORDER BY discarded_at DESC, id DESC
      LIMIT $3`,
    [query.after?.at ?? null, query.after?.id ?? null, query.limit + 1],
  );
  return rows.map(toDiscard);
}
