import { INVENTORY_EVENTS } from '@fleet/contracts';
import { inboxConsumer, type EventHandler } from '@fleet/messaging';
import { z } from 'zod';
import { applyAvailability } from '../domain/products/apply-availability';
import type { CatalogDeps } from '../domain/catalog-deps';
import { renewingStampWhenShown } from './stamp-after-commit';

/** The routing keys catalog's `inventory-level` queue is bound to. */
export const INVENTORY_BINDINGS = [INVENTORY_EVENTS.levelChanged];

/** The inbox consumer name: (tenant, consumer, event id) is applied once. */
export const INVENTORY_LEVEL_CONSUMER = 'catalog.inventory-level';

// What catalog reads of `LevelChanged` (@fleet/contracts); the envelope's version orders the levels.
const payload = z.looseObject({
  variantId: z.string().min(1).max(64),
  productId: z.string().max(64).nullable().optional(),
  available: z.int().min(-2_147_483_648).max(2_147_483_647),
});

/**
 * Keeps the availability read model fresh from `inventory.level_changed`; the inbox applies each
 * event once. A malformed payload throws, so after the retries it lands in the dead-letter queue
 * where an operator sees it.
 */
export function inventoryLevelConsumer(deps: CatalogDeps): EventHandler {
  // Storefront answers show units: once a changed level is committed, the stamp is renewed.
  return renewingStampWhenShown(deps, (shown) =>
    inboxConsumer(deps.db, INVENTORY_LEVEL_CONSUMER, async (tx, event, ctx) => {
      if (event.type !== INVENTORY_EVENTS.levelChanged) return;
      const data = payload.safeParse(event.data);
      if (!data.success) throw new Error(`malformed ${event.type} ${event.id}: ${data.error.message}`);
      const { variantId, available } = data.data;
      const outcome = await applyAvailability(tx, ctx, { variantId, available, version: event.version });
      deps.logger.debug({ eventId: event.id, variantId, outcome }, 'inventory level applied');
      if (outcome === 'refreshed' || outcome === 'republished') shown(event.id);
    }),
  );
}
