import type { IncomingHttpHeaders } from 'node:http';
import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import type { ProviderName } from '@fleet/payment-providers';
import { applyNewReceipt } from './receipts';
import type { PaymentDeps } from '../payment-deps';
import { providerAccount } from '../settings/provider-accounts';

export interface WebhookReceived {
  /** False for a repeat of an event already stored (processed or not): nothing changes. */
  stored: boolean;
  /** A genuine event of a type Fleet does not act on: acknowledged, not stored. */
  ignored: boolean;
}

/**
 * Every provider's webhook: verify the signature over the raw body with this tenant's secret, then
 * store the receipt once by (tenant, provider, event id) and apply a new one in the same
 * transaction (`applyNewReceipt`, receipts.ts); what cannot be applied yet is left to the processor.
 * A bad signature stores nothing and leaves one security log line.
 */
export async function handleWebhook(
  ctx: TenantCtx,
  deps: PaymentDeps,
  input: { provider: string; rawBody: Buffer; headers: IncomingHttpHeaders },
): Promise<WebhookReceived> {
  const provider = deps.providers.find(input.provider);
  if (!provider) {
    throw new AppError('not_found', 'No such payment provider.', { code: 'provider_not_supported' });
  }
  const name: ProviderName = provider.name;
  const account = await deps.db.readAsTenant(ctx, (tx) => providerAccount(tx, ctx, deps, name));
  const verified = account
    ? await provider.verifyWebhook(input.rawBody, input.headers, account.credentials.webhookSecret)
    : { ok: false as const, reason: 'no_webhook_secret' };
  if (!verified.ok) {
    deps.logger.warn(
      { security: true, provider: name, reason: verified.reason, clientIp: ctx.clientIp },
      'webhook rejected: signature not verified',
    );
    throw new AppError('validation', 'The webhook signature could not be verified.', {
      code: 'invalid_webhook_signature',
    });
  }
  const event = verified.event;
  if (!event) return { stored: false, ignored: true };
  return { stored: await applyNewReceipt(ctx, deps, name, event), ignored: false };
}
