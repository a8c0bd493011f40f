import type { Broker, Subscription } from '@fleet/messaging';
import type { TenantResolver, TenantSnapshot } from '@fleet/tenancy';

/**
 * `tenant.*` events carry the whole snapshot: the resolver applies it at once (newest version
 * wins), so a suspension, a plan change or a new domain is seen without waiting for a TTL.
 */
export function subscribeToTenantEvents(broker: Broker, resolver: TenantResolver): Promise<Subscription> {
  return broker.subscribeTransient({
    bindings: ['tenant.*'],
    handler: async (event) => {
      const data = event.data as { tenant: TenantSnapshot; previousHosts?: string[] };
      await resolver.apply(data.tenant, data.previousHosts);
    },
    // Events published while the subscription was down are lost: start from the registry again.
    onResubscribe: () => resolver.clear(),
  });
}
