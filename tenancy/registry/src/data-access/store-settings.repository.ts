import type { Queryable } from '@fleet/db';

export interface StoreSettings {
  name: string;
  currency: string;
  theme: { primaryColor?: string; logoUrl?: string };
  paymentProvider: string;
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
  const row = await tx.maybeOne<{
    name: string;
    currency: string;
    theme: StoreSettings['theme'];
    payment_provider: string;
  }>('SELECT name, currency, theme, payment_provider FROM store_settings');
  return (
    row && {
      name: row.name,
      currency: row.currency.trim(),
      theme: row.theme,
      paymentProvider: row.payment_provider,
    }
  );
}

export async function updateSettings(
  tx: Queryable,
  change: { name?: string; theme?: StoreSettings['theme'] },
): Promise<StoreSettings | undefined> {
  const row = await tx.maybeOne<{
    name: string;
    currency: string;
    theme: StoreSettings['theme'];
    payment_provider: string;
  }>(
    `UPDATE store_settings SET name = COALESCE($1, name), theme = theme || $2::jsonb, updated_at = now()
     RETURNING name, currency, theme, payment_provider`,
    [change.name ?? null, JSON.stringify(change.theme ?? {})],
  );
  return (
    row && {
      name: row.name,
      currency: row.currency.trim(),
      theme: row.theme,
      paymentProvider: row.payment_provider,
    }
  );
}
