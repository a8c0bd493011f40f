import { TENANT_EVENTS } from '@fleet/contracts';
import type { Broker, Subscription } from '@fleet/messaging';
import type { StoreProfiles } from '../domain/store-profile';

/**
 * Drops a tenant's cached branding when the registry writes `tenant.settings_changed` (like
 * checkout's rates). Transient (per process): after a reconnect the whole cache goes; entries
 * also expire after STORE_PROFILE_CACHE_MS whatever happens here.
 */
export function subscribeToSettingsChanges(
  broker: Pick<Broker, 'subscribeTransient'>,
  profiles: Pick<StoreProfiles, 'forget' | 'clear'>,
): Promise<Subscription> {
  return broker.subscribeTransient({
    bindings: [TENANT_EVENTS.settingsChanged, TENANT_EVENTS.updated],
    handler: async (event) => profiles.forget(event.tenantId),
    onResubscribe: () => profiles.clear(),
  });
}
