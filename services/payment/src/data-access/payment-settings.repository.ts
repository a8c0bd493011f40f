import { prepared, type Queryable } from '@fleet/db';
import type { ProviderName } from '../domain/payment-provider';

/** One provider a tenant has configured; the credentials are still sealed here. */
export interface PaymentSettingsRow {
  provider: ProviderName;
  active: boolean;
  public_key_id: string | null;
  credentials_sealed: string;
}

const COLUMNS = 'provider, active, public_key_id, credentials_sealed';

const ACTIVE = prepared('payment_settings_active', `SELECT ${COLUMNS} FROM payment_settings WHERE active`);
const BY_PROVIDER = prepared(
  'payment_settings_by_provider',
  `SELECT ${COLUMNS} FROM payment_settings WHERE provider = $1`,
);

export function findActiveSettings(tx: Queryable): Promise<PaymentSettingsRow | undefined> {
  return tx.maybeOne<PaymentSettingsRow>(ACTIVE);
}

export function findProviderSettings(
  tx: Queryable,
  provider: ProviderName,
): Promise<PaymentSettingsRow | undefined> {
  return tx.maybeOne<PaymentSettingsRow>(BY_PROVIDER, [provider]);
}

/** Adds the tenant's first provider as the active one; a concurrent first use waits, then yields. */
export async function insertActiveSettings(
  tx: Queryable,
  tenantId: string,
  row: Omit<PaymentSettingsRow, 'active'>,
): Promise<void> {
  await tx.query(
    `INSERT INTO payment_settings (tenant_id, provider, active, public_key_id, credentials_sealed)
     VALUES ($1, $2, true, $3, $4) ON CONFLICT DO NOTHING`,
    [tenantId, row.provider, row.public_key_id, row.credentials_sealed],
  );
}
