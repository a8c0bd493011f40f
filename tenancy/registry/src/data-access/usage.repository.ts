import { prepared, type Queryable } from '@fleet/db';
import type Redis from 'ioredis';
import { apiCallsKey } from '@fleet/tenancy';

export interface StoredUsage {
  /** Real orders only: test orders (paid in test mode) are `testOrders` and never revenue. */
  orders: number;
  testOrders: number;
  products: number;
  revenue: Array<{ currency: string; amount: number }>;
}

/** The tenant's row of counters (tenant-owned: run inside the tenant's scope). */
export async function readUsage(tx: Queryable): Promise<StoredUsage> {
  const row = await tx.maybeOne<{
    orders_count: string;
    test_orders_count: string;
    products_count: number;
    gmv: Record<string, number>;
  }>('SELECT orders_count, test_orders_count, products_count, gmv FROM tenant_usage');
  if (!row) return { orders: 0, testOrders: 0, products: 0, revenue: [] };
  return {
    orders: Number(row.orders_count),
    testOrders: Number(row.test_orders_count),
    products: row.products_count,
    revenue: Object.entries(row.gmv).map(([currency, amount]) => ({ currency, amount })),
  };
}

export async function addUsage(
  tx: Queryable,
  tenantId: string,
  change: {
    orders?: number;
    testOrders?: number;
    products?: number;
    gmv?: { currency: string; amount: number };
  },
): Promise<void> {
  const gmv = change.gmv ? { [change.gmv.currency]: change.gmv.amount } : {};
  tx.defer(
    prepared(
      'registry_add_usage',
      `INSERT INTO tenant_usage AS u (tenant_id, orders_count, products_count, gmv, test_orders_count)
     VALUES ($1, $2, GREATEST($3, 0), $4::jsonb, $5)
     ON CONFLICT (tenant_id) DO UPDATE SET
       orders_count = u.orders_count + EXCLUDED.orders_count,
       test_orders_count = u.test_orders_count + EXCLUDED.test_orders_count,
       products_count = GREATEST(u.products_count + $3, 0),
       gmv = (SELECT COALESCE(jsonb_object_agg(k, COALESCE((u.gmv ->> k)::bigint, 0) + COALESCE((EXCLUDED.gmv ->> k)::bigint, 0)), '{}'::jsonb)
                FROM (SELECT jsonb_object_keys(u.gmv || EXCLUDED.gmv) AS k) keys),
       updated_at = now()`,
    ),
    [tenantId, change.orders ?? 0, change.products ?? 0, JSON.stringify(gmv), change.testOrders ?? 0],
  );
}

/** API calls counted by the gateway: today and the last 30 UTC days. */
export async function readApiCalls(
  redis: Redis | undefined,
  prefix: string,
  tenantId: string,
): Promise<{ today: number; last30Days: number }> {
  if (!redis) return { today: 0, last30Days: 0 };
  const day = 24 * 3600 * 1000;
  const keys = Array.from({ length: 30 }, (_, i) =>
    apiCallsKey(prefix, tenantId, new Date(Date.now() - i * day)),
  );
  const values = await redis.mget(...keys);
  const counts = values.map((v) => Number(v ?? 0));
  return { today: counts[0] ?? 0, last30Days: counts.reduce((a, b) => a + b, 0) };
}
