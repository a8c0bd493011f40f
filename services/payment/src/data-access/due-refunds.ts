import type { Db } from '@fleet/db';

export interface DueRefund {
  tenantId: string;
  refundId: string;
}

/**
 * The retrier's cross-tenant view of refunds due for another attempt at their provider (or whose
 * submitter's lease ran out), through the relay role (granted `refunds`, see migrations/index.ts).
 * It only finds work; each refund is claimed and submitted inside its own tenant.
 */
const DUE = `
  SELECT tenant_id, id FROM refunds
   WHERE status = 'pending' AND next_attempt_at IS NOT NULL AND next_attempt_at <= now()
   ORDER BY next_attempt_at
   LIMIT $1`;

export async function dueRefunds(relayDb: Pick<Db, 'query'>, limit: number): Promise<DueRefund[]> {
  const { rows } = await relayDb.query<{ tenant_id: string; id: string }>(DUE, [limit]);
  return rows.map((r) => ({ tenantId: r.tenant_id, refundId: r.id }));
}
