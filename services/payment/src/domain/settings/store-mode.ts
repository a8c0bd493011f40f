import type { TenantCtx } from '@fleet/context';
import { PAYMENT_EVENTS, type PaymentModeChanged, type PaymentSettingsView } from '@fleet/contracts';
import type { Queryable } from '@fleet/db';
import { AppError } from '@fleet/errors';
import { appendToOutbox, createEnvelope } from '@fleet/messaging';
import type { ProviderName } from '@fleet/payment-providers';
import { findActiveSettings, lockTenantSettings } from '../../data-access/payment-settings.repository';
import { readPaymentMode, setPaymentMode } from '../../data-access/payment-mode.repository';
import type { PaymentDeps } from '../payment-deps';
import { activeProviderAccount } from './provider-accounts';
import { isLiveKey } from './live-keys';
import { getPaymentSettings } from './payment-settings';

/**
 * Takes the store live: only with Stripe or Razorpay active, live keys (a test key cannot take
 * real money, so test cards would still buy for free) and the provider accepting them now (a
 * cheap authenticated read: Stripe's balance, Razorpay's orders list). The check runs outside any
 * transaction; the switch then commits only if the keys checked are still the active ones.
 * Writes `payment.mode_changed` in the same transaction. Already live: no change, no event.
 */
export async function goLive(ctx: TenantCtx, deps: PaymentDeps): Promise<PaymentSettingsView> {
  const account = await deps.db.withTenant(ctx, async (tx) => {
    const active = await activeProviderAccount(tx, ctx, deps);
    const sealed = (await findActiveSettings(tx))?.credentials_sealed;
    return { ...active, sealed };
  });
  assertRealProvider(account.provider, account.credentials.publicKeyId);
  const check = await deps.providers.get(account.provider).checkCredentials?.(account.credentials);
  if (!check?.ok) {
    throw new AppError(
      'business_rule',
      `${account.provider} did not accept the store's keys (${check?.reason ?? 'not checkable'}): enter working keys first.`,
      { code: 'invalid_credentials' },
    );
  }
  await deps.db.withTenant(ctx, async (tx) => {
    await lockTenantSettings(tx, ctx.tenantId);
    const now = await findActiveSettings(tx);
    if (!now || now.provider !== account.provider || now.credentials_sealed !== account.sealed) {
      throw new AppError('conflict', 'The payment settings changed while the keys were checked; try again.', {
        code: 'settings_changed',
      });
    }
    await changeMode(tx, ctx, true, account.provider);
  });
  deps.logger.info({ provider: account.provider, actor: ctx.actor?.id, security: true }, 'store went live');
  return getPaymentSettings(ctx, deps);
}

/** Back to test mode (the owner's choice): simulate and offline work again, orders are test orders. */
export async function goTestMode(ctx: TenantCtx, deps: PaymentDeps): Promise<PaymentSettingsView> {
  await deps.db.withTenant(ctx, async (tx) => {
    await lockTenantSettings(tx, ctx.tenantId);
    const active = await findActiveSettings(tx);
    await changeMode(tx, ctx, false, active?.provider ?? 'offline');
  });
  deps.logger.info({ actor: ctx.actor?.id, security: true }, 'store back in test mode');
  return getPaymentSettings(ctx, deps);
}

async function changeMode(tx: Queryable, ctx: TenantCtx, live: boolean, provider: ProviderName) {
  const current = await readPaymentMode(tx);
  if (current.live === live) return;
  const changed = await setPaymentMode(tx, ctx.tenantId, live, ctx.actor?.id ?? null);
  if (!changed) return;
  const data: PaymentModeChanged = { testMode: !live, provider };
  await appendToOutbox(
    tx,
    createEnvelope(ctx, {
      type: PAYMENT_EVENTS.modeChanged,
      aggregateId: ctx.tenantId,
      version: changed.version,
      data,
    }),
  );
}

function assertRealProvider(provider: ProviderName, publicKeyId: string | null): void {
  if (provider === 'offline') {
    throw new AppError(
      'business_rule',
      'A store goes live only with Stripe or Razorpay: configure one in the payment settings first.',
      { code: 'live_provider_required' },
    );
  }
  if (!isLiveKey(publicKeyId)) {
    throw new AppError(
      'business_rule',
      `The ${provider} keys are test keys: a live store needs live keys (they take real money).`,
      { code: 'live_keys_required' },
    );
  }
}
