import type { TenantCtx } from '@fleet/context';
import type { Queryable } from '@fleet/db';
import { appendToOutbox, createEnvelope } from '@fleet/messaging';

/** `customer.registered`: what a welcome email or a CRM needs, never a credential. */
export interface CustomerRegisteredData {
  customer: { id: string; email: string; name: string };
}

export async function recordCustomerRegistered(
  tx: Queryable,
  ctx: TenantCtx,
  data: CustomerRegisteredData,
): Promise<void> {
  const envelope = createEnvelope(ctx, {
    type: 'customer.registered',
    aggregateId: data.customer.id,
    version: 1,
    data,
  });
  await appendToOutbox(tx, envelope);
}
