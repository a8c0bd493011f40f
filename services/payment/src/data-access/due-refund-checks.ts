import type { Db } from '@fleet/db';
import type { DueRefund } from './due-refunds';

/**
 * The refund poll's cross-tenant view of refunds pending at their provider whose check is due,
 * through the relay role (granted `refunds`, see migrations/index.ts). It only finds work; each
 * refund is claimed and checked inside its own tenant (check-refund.ts).
 */
const DUE = `
  SELECT tenant_id, id FROM refunds
   WHERE status = 'pending' AND provider_refund_id IS NOT NULL
     AND next_check_at IS NOT NULL AND next_check_at <= now()
   ORDER BY next_check_at
   LIMIT $1`;

export async function dueRefundChecks(relayDb: Pick<Db, 'query'>, limit: number): Promise<DueRefund[]> {
  const { rows } = await relayDb.query<{ tenant_id: string; id: string }>(DUE, [limit]);
  return rows.map((r) => ({ tenantId: r.tenant_id, refundId: r.id }));
}
