import type { TenantCtx } from '@fleet/context';
import { PAYMENT_EVENTS, type PaymentProviderChanged, type PaymentSettingsView } from '@fleet/contracts';
import { AppError } from '@fleet/errors';
import { appendToOutbox, createEnvelope } from '@fleet/messaging';
import type { ProviderCredentials, ProviderName } from '@fleet/payment-providers';
import {
  findActiveSettings,
  findProviderSettings,
  listSettings,
  lockTenantSettings,
  saveActiveSettings,
} from '../../data-access/payment-settings.repository';
import { readPaymentMode } from '../../data-access/payment-mode.repository';
import { isLiveKey } from './live-keys';
import { maskKeyId } from './mask-key';
import type { PaymentDeps } from '../payment-deps';
import { activeProviderAccount, newOfflineCredentials, sealCredentials } from './provider-accounts';
import { liveStoreSettingsRefused } from './store-live';

/** What the merchant may read back: providers and masked key ids, never a secret. */
export async function getPaymentSettings(ctx: TenantCtx, deps: PaymentDeps): Promise<PaymentSettingsView> {
  const { rows, mode } = await deps.db.withTenant(ctx, async (tx) => {
    await activeProviderAccount(tx, ctx, deps); // a store that never chose one runs on offline
    return { rows: await listSettings(tx), mode: await readPaymentMode(tx) };
  });
  const active = rows.find((r) => r.active);
  if (!active) throw new AppError('internal', 'The tenant has payment settings but none is active.');
  return {
    provider: active.provider,
    testMode: !mode.live,
    liveSince: mode.liveSince?.toISOString() ?? null,
    providers: rows.map((r) => ({
      provider: r.provider,
      active: r.active,
      publicKeyId: maskKeyId(r.public_key_id),
      webhookPath: `/api/webhooks/${r.provider}`,
      updatedAt: r.updated_at.toISOString(),
    })),
  };
}

/**
 * Makes `provider` the store's provider for new payments. Keys are first tried against the
 * provider (wrong keys are a 422, nothing stored); then they are sealed and saved, and a switch of
 * provider is announced by `payment.provider_changed` in the same transaction. Payments already
 * started keep the provider and account they started with (their rows stay, inactive).
 * `credentials` is null for offline: its existing webhook secret is kept, or one is made. A live
 * store keeps taking real money: offline and test keys are refused (409 `store_live`) until the
 * owner goes back to test mode.
 */
export async function updatePaymentSettings(
  ctx: TenantCtx,
  deps: PaymentDeps,
  provider: ProviderName,
  credentials: ProviderCredentials | null,
): Promise<PaymentSettingsView> {
  const implementation = deps.providers.get(provider);
  if (credentials && implementation.checkCredentials) {
    const check = await implementation.checkCredentials(credentials);
    if (!check.ok) {
      throw new AppError('business_rule', `${provider} did not accept these credentials (${check.reason}).`, {
        code: 'invalid_credentials',
      });
    }
  }
  await deps.db.withTenant(ctx, async (tx) => {
    await lockTenantSettings(tx, ctx.tenantId);
    if ((await readPaymentMode(tx)).live) assertLiveWorthy(provider, credentials);
    const before = await findActiveSettings(tx);
    const kept = credentials ? undefined : await findProviderSettings(tx, provider);
    const sealed =
      kept?.credentials_sealed ??
      sealCredentials(ctx, deps, provider, credentials ?? newOfflineCredentials());
    await saveActiveSettings(tx, ctx.tenantId, {
      provider,
      public_key_id: credentials?.publicKeyId ?? null,
      credentials_sealed: sealed,
    });
    if (before?.provider !== provider) {
      const data: PaymentProviderChanged = { from: before?.provider ?? null, to: provider };
      await appendToOutbox(
        tx,
        createEnvelope(ctx, {
          type: PAYMENT_EVENTS.providerChanged,
          aggregateId: ctx.tenantId,
          data,
        }),
      );
    }
  });
  deps.logger.info({ provider, actor: ctx.actor?.id }, 'payment settings changed');
  return getPaymentSettings(ctx, deps);
}

function assertLiveWorthy(provider: ProviderName, credentials: ProviderCredentials | null): void {
  if (provider === 'offline') throw liveStoreSettingsRefused('the offline provider takes no money');
  if (!isLiveKey(credentials?.publicKeyId ?? null)) {
    throw liveStoreSettingsRefused(`these are ${provider} test keys`);
  }
}
