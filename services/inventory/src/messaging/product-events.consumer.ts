import { PRODUCT_EVENTS } from '@fleet/contracts';
import type { Db } from '@fleet/db';
import {
  contextFromEnvelope,
  inboxConsumer,
  type Broker,
  type EventEnvelope,
  type EventHandler,
} from '@fleet/messaging';
import { z } from 'zod';
import { allLevelsKnown } from '../data-access/stock-admin.repository';
import { archiveLevelsOfProduct, createLevelsForProduct } from '../domain/apply-product-event';

export const PRODUCT_EVENT_BINDINGS = [
  PRODUCT_EVENTS.created,
  PRODUCT_EVENTS.updated,
  PRODUCT_EVENTS.deleted,
];

/** The inbox consumer name: (tenant, consumer, event id) is applied once. */
export const PRODUCT_CONSUMER = 'inventory.products';

// Only what inventory reads of a ProductDocument; anything else may change freely.
const changed = z.object({
  product: z.object({
    id: z.string().min(1),
    variants: z.array(z.object({ id: z.string().min(1), available: z.number().finite() })),
  }),
});
const deleted = z.object({ id: z.string().min(1) });

/**
 * `product.created` / `product.updated` create the levels of new variants; `product.deleted`
 * archives the product's levels. A malformed body throws: retried, then dead-lettered.
 * Most `product.updated` events change nothing here (catalog republishes a product when a variant
 * becomes or stops being sellable): when every variant already has its level, one read
 * settles it and no transaction or inbox row is written. Such an event is a no-op however often
 * it comes (levels are never deleted), so skipping the inbox keeps the effect exactly-once.
 */
export function productEventsHandler(db: Db): EventHandler {
  const applyOnce = inboxConsumer(db, PRODUCT_CONSUMER, async (tx, envelope, ctx) => {
    if (envelope.type === PRODUCT_EVENTS.deleted) {
      return archiveLevelsOfProduct(ctx, tx, deleted.parse(envelope.data).id);
    }
    return createLevelsForProduct(ctx, tx, changed.parse(envelope.data).product);
  });
  return async (envelope) => {
    if (envelope.type !== PRODUCT_EVENTS.deleted && (await changesNothing(db, envelope))) return;
    await applyOnce(envelope);
  };
}

async function changesNothing(db: Db, envelope: EventEnvelope): Promise<boolean> {
  const parsed = changed.safeParse(envelope.data);
  if (!parsed.success) return false; // the inbox path throws and dead-letters it
  const variantIds = parsed.data.product.variants.map((v) => v.id);
  const ctx = contextFromEnvelope(envelope);
  return db.readAsTenant(ctx, (tx) => allLevelsKnown(tx, ctx.tenantId, variantIds));
}

/** Starts consuming product events on the service's durable queue `${prefix}inventory.products`. */
export function consumeProductEvents(
  broker: Pick<Broker, 'consume'>,
  db: Db,
  options: { baseDelayMs?: number; maxAttempts?: number } = {},
): Promise<string> {
  return broker.consume({
    name: 'products',
    bindings: PRODUCT_EVENT_BINDINGS,
    handler: productEventsHandler(db),
    ...options,
  });
}
