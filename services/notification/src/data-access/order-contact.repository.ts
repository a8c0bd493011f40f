import type { Queryable } from '@fleet/db';

export interface OrderContact {
  email: string;
  currency: string;
}

/** Who to write to about an order: kept from the order's events (payment and shipment events name only the order). */
export async function upsertOrderContact(
  tx: Queryable,
  c: { tenantId: string; orderId: string; email: string; currency: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO order_contacts (tenant_id, order_id, email, currency) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, order_id) DO UPDATE SET email = EXCLUDED.email, updated_at = now()`,
    [c.tenantId, c.orderId, c.email, c.currency],
  );
}

export function findOrderContact(
  tx: Queryable,
  tenantId: string,
  orderId: string,
): Promise<OrderContact | undefined> {
  return tx.maybeOne<OrderContact>(
    'SELECT email, currency FROM order_contacts WHERE tenant_id = $1 AND order_id = $2',
    [tenantId, orderId],
  );
}
