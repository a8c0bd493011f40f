import type { Db } from '@fleet/db';
import type { ReceiptKey } from './webhook-receipt.repository';

/**
 * The processor's cross-tenant view of webhook receipts, through the relay role (granted only
 * `outbox` and `webhook_receipts`, see migrations/index.ts). It only finds work; each receipt is
 * then locked and handled inside its own tenant's transaction.
 */
export interface DueReceiptScanner {
  /** Due receipts, oldest first, skipping those another processor is handling right now. */
  due(limit: number): Promise<ReceiptKey[]>;
  /** Deletes processed and ignored receipts older than `olderThanMs` (abandoned ones stay); returns how many. */
  purge(olderThanMs: number): Promise<number>;
}

const DUE = `
  SELECT tenant_id, provider, event_id FROM webhook_receipts
   WHERE status = 'pending' AND next_attempt_at <= now()
   ORDER BY next_attempt_at
   LIMIT $1
   FOR UPDATE SKIP LOCKED`;

const PURGE = `
  DELETE FROM webhook_receipts WHERE ctid = ANY(ARRAY(
    SELECT ctid FROM webhook_receipts
     WHERE status IN ('processed', 'ignored') AND received_at < now() - make_interval(secs => $1::double precision / 1000)
     LIMIT 5000))`;

export function createDueReceiptScanner(relayDb: Pick<Db, 'query'>): DueReceiptScanner {
  return {
    async due(limit) {
      const { rows } = await relayDb.query<{
        tenant_id: string;
        provider: ReceiptKey['provider'];
        event_id: string;
      }>(DUE, [limit]);
      return rows.map((r) => ({ tenantId: r.tenant_id, provider: r.provider, eventId: r.event_id }));
    },
    async purge(olderThanMs) {
      return (await relayDb.query(PURGE, [olderThanMs])).rowCount ?? 0;
    },
  };
}
