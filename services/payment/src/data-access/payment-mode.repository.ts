import type { Queryable } from '@fleet/db';

/** The store's mode as payment keeps it; no row is test mode. */
export interface PaymentMode {
  live: boolean;
  version: number;
  liveSince: Date | null;
}

export async function readPaymentMode(tx: Queryable): Promise<PaymentMode> {
  const row = await tx.maybeOne<{ live: boolean; version: number; live_since: Date | null }>(
    'SELECT live, version, live_since FROM payment_mode',
  );
  return row ? { live: row.live, version: row.version, liveSince: row.live_since } : TEST_MODE;
}

const TEST_MODE: PaymentMode = { live: false, version: 0, liveSince: null };

/**
 * Sets the mode and bumps the version, only when it changes; answers the new mode, or undefined
 * when it already was that. Call under `lockTenantSettings`.
 */
export async function setPaymentMode(
  tx: Queryable,
  tenantId: string,
  live: boolean,
  changedBy: string | null,
): Promise<PaymentMode | undefined> {
  const row = await tx.maybeOne<{ live: boolean; version: number; live_since: Date | null }>(
    `INSERT INTO payment_mode AS m (tenant_id, live, version, live_since, changed_by)
     VALUES ($1, $2, 1, CASE WHEN $2 THEN now() END, $3)
     ON CONFLICT (tenant_id) DO UPDATE
       SET live = EXCLUDED.live, version = m.version + 1, live_since = EXCLUDED.live_since,
           changed_by = EXCLUDED.changed_by, updated_at = now()
       WHERE m.live <> EXCLUDED.live
     RETURNING live, version, live_since`,
    [tenantId, live, changedBy],
  );
  return row ? { live: row.live, version: row.version, liveSince: row.live_since } : undefined;
}
