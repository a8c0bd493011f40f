import type { Queryable } from '@fleet/db';

/** The tenant's chosen carrier; undefined before the merchant chose one. */
export async function findCarrierSetting(tx: Queryable): Promise<string | undefined> {
  const row = await tx.maybeOne<{ carrier: string }>('SELECT carrier FROM shipping_settings');
  return row?.carrier;
}

export async function saveCarrierSetting(tx: Queryable, tenantId: string, carrier: string): Promise<void> {
  await tx.query(
    `INSERT INTO shipping_settings (tenant_id, carrier) VALUES ($1, $2)
     ON CONFLICT (tenant_id) DO UPDATE SET carrier = EXCLUDED.carrier, updated_at = now()`,
    [tenantId, carrier],
  );
}
