import { PRODUCT_EVENTS } from '@fleet/contracts';
import type { Db } from '@fleet/db';
import { inboxConsumer, type EventEnvelope, type EventHandler } from '@fleet/messaging';
import { z } from 'zod';
import { indexedProductSchema } from '../domain/indexed-product';
import { toSearchDocument } from '../domain/search-document';
import type { SearchEngine } from '../domain/search-engine';

export const PRODUCT_EVENT_BINDINGS = Object.values(PRODUCT_EVENTS);
export const PRODUCT_CONSUMER = 'search.products';

const changed = z.looseObject({ product: indexedProductSchema });
const deleted = z.looseObject({ id: z.string().min(1), version: z.number().int().nonnegative() });

/**
 * Keeps the index in step with the catalog. The inbox records each event in the same tenant
 * transaction as its effect (the engine joins it), so a redelivered event changes nothing; the
 * engine's version guard drops anything older than what is indexed, whatever the arrival order.
 */
export function productEventsConsumer(db: Db, engine: SearchEngine): EventHandler {
  return inboxConsumer(db, PRODUCT_CONSUMER, async (tx, envelope: EventEnvelope, ctx) => {
    switch (envelope.type) {
      case PRODUCT_EVENTS.created:
      case PRODUCT_EVENTS.updated: {
        const data = changed.parse(envelope.data);
        return engine.upsert(ctx.tenantId, [toSearchDocument(data.product)], { tx });
      }
      case PRODUCT_EVENTS.deleted: {
        const data = deleted.parse(envelope.data);
        return engine.remove(ctx.tenantId, data.id, data.version, { tx });
      }
      default:
        return undefined;
    }
  });
}
