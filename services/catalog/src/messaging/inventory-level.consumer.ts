import { inboxConsumer, type EventHandler } from '@fleet/messaging';
import { z } from 'zod';
import { applyAvailability } from '../domain/apply-availability';
import type { CatalogDeps } from '../domain/catalog-deps';

export const INVENTORY_LEVEL_CHANGED = 'inventory.level_changed';
export const INVENTORY_EVENTS = [INVENTORY_LEVEL_CHANGED];

/**
 * What catalog reads of `inventory.level_changed` (the inventory service will publish it): the
 * variant's sellable units now. The envelope's `version` orders the levels of one variant.
 */
export interface InventoryLevelChanged {
  variantId: string;
  productId?: string;
  available: number;
}

const payload = z.looseObject({
  variantId: z.string().min(1).max(64),
  productId: z.string().max(64).optional(),
  available: z.int().min(-2_147_483_648).max(2_147_483_647),
});

/**
 * Keeps the availability read model fresh; the inbox applies each event once. A malformed payload
 * throws, so after the retries it lands in the dead-letter queue where an operator sees it.
 */
export function inventoryLevelConsumer(deps: CatalogDeps): EventHandler {
  return inboxConsumer(deps.db, 'catalog.inventory-level', async (tx, event, ctx) => {
    if (event.type !== INVENTORY_LEVEL_CHANGED) return;
    const data = payload.safeParse(event.data);
    if (!data.success) throw new Error(`malformed ${INVENTORY_LEVEL_CHANGED} ${event.id}: ${data.error.message}`);
    const outcome = await applyAvailability(tx, ctx, {
      variantId: data.data.variantId,
      available: data.data.available,
      version: event.version,
    });
    deps.logger.debug({ eventId: event.id, variantId: data.data.variantId, outcome }, 'inventory level applied');
  });
}
