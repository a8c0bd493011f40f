import { REVIEW_EVENTS } from '@fleet/contracts';
import { inboxConsumer, type EventHandler } from '@fleet/messaging';
import { z } from 'zod';
import type { CatalogDeps } from '../domain/catalog-deps';
import { applyRating } from '../domain/products/apply-rating';
import { renewingStampWhenShown } from './stamp-after-commit';

/** The routing keys catalog's `review-summary` queue is bound to. */
export const REVIEW_BINDINGS = [REVIEW_EVENTS.summaryChanged];

/** The inbox consumer name: (tenant, consumer, event id) is applied once. */
export const REVIEW_SUMMARY_CONSUMER = 'catalog.review-summary';

// What catalog reads of `ReviewSummaryChanged` (@fleet/contracts).
const payload = z.looseObject({
  productId: z.string().min(1).max(100),
  ratingAverage: z.number().min(1).max(5).nullable(),
  ratingCount: z.int().min(0).max(2_147_483_647),
});

/**
 * Keeps each product's rating from `review.summary_changed`; the envelope's version orders the
 * summaries of a product. A malformed payload throws: retried, then dead-lettered.
 */
export function reviewSummaryConsumer(deps: CatalogDeps): EventHandler {
  // The storefront's cached product answers show the rating: renew the stamp once committed.
  return renewingStampWhenShown(deps, (shown) =>
    inboxConsumer(deps.db, REVIEW_SUMMARY_CONSUMER, async (tx, event, ctx) => {
      if (event.type !== REVIEW_EVENTS.summaryChanged) return;
      const data = payload.safeParse(event.data);
      if (!data.success) throw new Error(`malformed ${event.type} ${event.id}: ${data.error.message}`);
      const { productId, ratingAverage, ratingCount } = data.data;
      const change = {
        productId,
        average: ratingAverage,
        count: ratingCount,
        version: event.version ?? null,
      };
      if (await applyRating(tx, ctx, change)) shown(event.id);
    }),
  );
}
