import type { EventEnvelope, EventHandler } from '@fleet/messaging';
import type { CatalogDeps } from '../domain/catalog-deps';

/**
 * Wraps an inbox handler whose effect may change what the storefront shows: the effect calls
 * `shown(envelope.id)` when it did, and once the transaction has committed the tenant's cache
 * stamp is renewed (so the gateway's cached storefront answers go stale).
 */
export function renewingStampWhenShown(
  deps: Pick<CatalogDeps, 'stamps'>,
  build: (shown: (eventId: string) => void) => EventHandler,
): EventHandler {
  const changed = new Set<string>();
  const apply = build((eventId) => changed.add(eventId));
  return async (envelope: EventEnvelope) => {
    try {
      await apply(envelope);
      if (changed.has(envelope.id)) await deps.stamps?.renew(envelope.tenantId);
    } finally {
      changed.delete(envelope.id);
    }
  };
}
