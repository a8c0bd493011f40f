import { prepared, type Queryable } from '@fleet/db';
import type { StoreRates } from '@fleet/contracts';

// Read on every checkout: prepared once per connection.
const READ_RATES = prepared(
  'registry_read_rates',
  'SELECT currency, shipping_flat_rate, tax_rate_bps, unpaid_order_timeout_minutes FROM store_settings',
);

export async function readRates(tx: Queryable): Promise<StoreRates | undefined> {
  const row = await tx.maybeOne<{
    currency: string;
    shipping_flat_rate: number;
    tax_rate_bps: number;
    unpaid_order_timeout_minutes: number;
  }>(READ_RATES);
  return (
    row && {
      currency: row.currency.trim(),
      shippingFlatRate: row.shipping_flat_rate,
      taxRateBps: row.tax_rate_bps,
      unpaidOrderTimeoutMinutes: row.unpaid_order_timeout_minutes,
    }
  );
}

export async function updateRates(
  tx: Queryable,
  change: Partial<Omit<StoreRates, 'currency'>>,
): Promise<StoreRates | undefined> {
  await tx.query(
    `UPDATE store_settings SET shipping_flat_rate = COALESCE($1, shipping_flat_rate), tax_rate_bps = COALESCE($2, tax_rate_bps),
            unpaid_order_timeout_minutes = COALESCE($3, unpaid_order_timeout_minutes), updated_at = now()`,
    [change.shippingFlatRate ?? null, change.taxRateBps ?? null, change.unpaidOrderTimeoutMinutes ?? null],
  );
  return readRates(tx);
}
