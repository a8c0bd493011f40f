import { TENANT_EVENTS } from '@fleet/contracts';
import type { Broker, Subscription } from '@fleet/messaging';
import type { RatesCache } from '../data-access/rates-cache';

/**
 * Drops a tenant's cached rates when the registry writes `tenant.settings_changed`. A transient
 * subscription (per process, no retries): after a reconnect whatever was published meanwhile is
 * lost, so the whole cache goes; entries also expire after their max age, whatever happens here.
 */
export function subscribeToSettingsChanges(
  broker: Pick<Broker, 'subscribeTransient'>,
  cache: Pick<RatesCache, 'forget' | 'clear'>,
): Promise<Subscription> {
  return broker.subscribeTransient({
    bindings: [TENANT_EVENTS.settingsChanged],
    handler: async (event) => cache.forget(event.tenantId),
    onResubscribe: () => cache.clear(),
  });
}
