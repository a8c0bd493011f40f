import { prepared, type Queryable } from '@fleet/db';

import type { ProviderName } from '@fleet/payment-providers';
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

export interface PaymentSettingsSummary {
  provider: ProviderName;
  active: boolean;
  public_key_id: string | null;
  updated_at: Date;
}

/** Every provider the tenant configured, without the sealed secrets. */
export function listSettings(tx: Queryable): Promise<PaymentSettingsSummary[]> {
  return tx.rows<PaymentSettingsSummary>(
    'SELECT provider, active, public_key_id, updated_at FROM payment_settings ORDER BY provider',
  );
}

/** Serialises settings changes of one tenant (two concurrent switches would both deactivate). */
export async function lockTenantSettings(tx: Queryable, tenantId: string): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('payment_settings:' || $1, 0))", [tenantId]);
}

/** Makes `row.provider` the tenant's active provider with these credentials; the others stay stored, inactive. */
export async function saveActiveSettings(
  tx: Queryable,
  tenantId: string,
  row: Omit<PaymentSettingsRow, 'active'>,
): Promise<void> {
  await tx.query(
    'UPDATE payment_settings SET active = false, updated_at = now() WHERE active AND provider <> $1',
    [row.provider],
  );
  await tx.query(
    `INSERT INTO payment_settings (tenant_id, provider, active, public_key_id, credentials_sealed)
     VALUES ($1, $2, true, $3, $4)
     ON CONFLICT (tenant_id, provider) DO UPDATE
       SET active = true, public_key_id = EXCLUDED.public_key_id,
           credentials_sealed = EXCLUDED.credentials_sealed, updated_at = now()`,
    [tenantId, row.provider, row.public_key_id, row.credentials_sealed],
  );
}
