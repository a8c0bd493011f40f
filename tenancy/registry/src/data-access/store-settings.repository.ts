import type { Queryable } from '@fleet/db';

export interface StoreSettings {
  name: string;
  currency: string;
  theme: { primaryColor?: string; logoUrl?: string; font?: string; featuredCollection?: string };
  paymentProvider: string;
  /** Payment's flag, projected: offline payments and simulate work, orders are test orders. */
  testMode: boolean;
}

interface SettingsRow {
  name: string;
  currency: string;
  theme: StoreSettings['theme'];
  payment_provider: string;
  test_mode: boolean;
}

const COLUMNS = 'name, currency, theme, payment_provider, test_mode';

function toSettings(row: SettingsRow): StoreSettings {
  return {
    name: row.name,
    currency: row.currency.trim(),
    theme: row.theme,
    paymentProvider: row.payment_provider,
    testMode: row.test_mode,
  };
}

/** Runs inside the tenant's scope: row-level security picks the row. */
export async function insertDefaultSettings(
  tx: Queryable,
  tenantId: string,
  s: { name: string; currency: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO store_settings (tenant_id, name, currency) VALUES ($1, $2, $3) ON CONFLICT (tenant_id) DO NOTHING`,
    [tenantId, s.name, s.currency],
  );
}

export async function readSettings(tx: Queryable): Promise<StoreSettings | undefined> {
  const row = await tx.maybeOne<SettingsRow>(`SELECT ${COLUMNS} FROM store_settings`);
  return row && toSettings(row);
}

export async function updateSettings(
  tx: Queryable,
  change: { name?: string; theme?: StoreSettings['theme'] },
): Promise<StoreSettings | undefined> {
  const row = await tx.maybeOne<SettingsRow>(
    `UPDATE store_settings SET name = COALESCE($1, name), theme = theme || $2::jsonb, updated_at = now()
     RETURNING ${COLUMNS}`,
    [change.name ?? null, JSON.stringify(change.theme ?? {})],
  );
  return row && toSettings(row);
}

/**
 * Applies payment's mode (and the provider then active) unless a newer one was applied already
 * (events may come out of order); true when it changed something.
 */
export async function applyPaymentMode(
  tx: Queryable,
  change: { testMode: boolean; provider: string; version: number },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE store_settings SET test_mode = $1, payment_provider = $2, test_mode_version = $3, updated_at = now()
      WHERE test_mode_version < $3`,
    [change.testMode, change.provider, change.version],
  );
  return (rowCount ?? 0) > 0;
}

/** The provider new payments start with (`payment.provider_changed`), for the storefront's info. */
export async function applyPaymentProvider(tx: Queryable, provider: string): Promise<void> {
  await tx.query('UPDATE store_settings SET payment_provider = $1, updated_at = now()', [provider]);
}
