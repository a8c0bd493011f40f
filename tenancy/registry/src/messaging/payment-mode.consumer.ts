import { PAYMENT_EVENTS, type PaymentModeChanged, type PaymentProviderChanged } from '@fleet/contracts';
import { inboxConsumer, type EventEnvelope, type EventHandler } from '@fleet/messaging';
import { z } from 'zod';
import { applyPaymentMode, applyPaymentProvider } from '../data-access/store-settings.repository';
import { renewStoreStamp } from '../data-access/store-stamp';
import type { RegistryDeps } from '../domain/registry-deps';
import { recordSettingsChanged } from '../domain/settings-changed';

export const PAYMENT_MODE_EVENTS = [PAYMENT_EVENTS.modeChanged, PAYMENT_EVENTS.providerChanged];

/** Payment owns the list of providers; here a name is opaque (a new provider changes nothing here). */
const provider = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/);
const modeChanged: z.ZodType<PaymentModeChanged> = z.object({ testMode: z.boolean(), provider });
const providerChanged: z.ZodType<PaymentProviderChanged> = z.object({
  from: provider.nullable(),
  to: provider,
});

/**
 * Projects payment's test mode into store settings (`GET /api/store/info` `testMode`). Payment owns
 * the flag; each change is versioned per tenant, and an older one than applied is dropped. A
 * change writes `tenant.settings_changed` in the same transaction, so every cache of the store's
 * settings (gateways, checkout) refreshes. A provider switch only updates the info's provider.
 */
export function paymentModeConsumer(
  deps: Pick<RegistryDeps, 'db' | 'platformDomain' | 'redis' | 'redisPrefix'>,
): EventHandler {
  const handle = inboxConsumer(deps.db, 'tenancy.payment-mode', async (tx, event: EventEnvelope, ctx) => {
    if (event.type === PAYMENT_EVENTS.providerChanged) {
      const data = providerChanged.parse(event.data);
      return applyPaymentProvider(tx, data.to);
    }
    if (event.type !== PAYMENT_EVENTS.modeChanged || event.version === undefined) return;
    const data = modeChanged.parse(event.data);
    const changed = await applyPaymentMode(tx, { ...data, version: event.version });
    if (changed) await recordSettingsChanged(tx, ctx, deps, event.tenantId);
  });
  // Once the change is committed: the store's pages show the new mode on their next request.
  return async (envelope) => {
    await handle(envelope);
    await renewStoreStamp(deps, envelope.tenantId);
  };
}
