import type { TenantCtx } from '@fleet/context';
import type { Queryable } from '@fleet/db';
import { appendToOutbox } from '@fleet/messaging';
import { restockReturnedUnits } from '../data-access/stock-level.repository';
import { levelChangedEvents } from './inventory-events';

export interface ReturnedUnits {
  orderId: string;
  lines: ReadonlyArray<{ variantId: string; quantity: number }>;
}

/**
 * Received return units go back on the shelf they were sold from (the order's reservation
 * lines name it), never more than were sold there; one `inventory.level_changed` per level.
 * Runs in the inbox transaction of `order.return_received`: exactly once per return.
 */
export async function restockReturn(tx: Queryable, ctx: TenantCtx, returned: ReturnedUnits): Promise<void> {
  const levels = await restockReturnedUnits(tx, ctx.tenantId, returned.orderId, returned.lines);
  await appendToOutbox(tx, levelChangedEvents(ctx, levels));
}
