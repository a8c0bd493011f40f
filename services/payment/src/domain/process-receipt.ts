import { runWithContext, type TenantCtx } from '@fleet/context';
import {
  completeReceipt,
  deferReceipt,
  lockDueReceipt,
  type ReceiptKey,
  type RetryPolicy,
} from '../data-access/webhook-receipt.repository';
import { applyProviderEvent } from './apply-provider-event';
import type { PaymentDeps } from './payment-deps';

export type ReceiptResult = 'applied' | 'ignored' | 'deferred' | 'skipped';

/**
 * The second half of the webhook pipeline, for one stored receipt: inside its tenant's
 * transaction, lock it (SKIP LOCKED: another processor may have it), apply the event to the
 * payment and record the outcome, so the payment change, its outbox event and the receipt's
 * status commit together. An event whose payment is not visible yet is deferred with backoff;
 * an unexpected error rolls everything back and defers it too.
 */
export async function processReceipt(
  deps: Pick<PaymentDeps, 'db' | 'logger'>,
  key: ReceiptKey,
  policy: RetryPolicy,
): Promise<ReceiptResult> {
  const ctx: TenantCtx = {
    requestId: `whr:${key.provider}:${key.eventId}`,
    tenantId: key.tenantId,
    actor: { kind: 'service', id: 'payment-webhooks' },
    causationId: key.eventId,
  };
  return runWithContext(ctx, async () => {
    try {
      return await deps.db.withTenant(ctx, async (tx): Promise<ReceiptResult> => {
        const receipt = await lockDueReceipt(tx, key);
        if (!receipt) return 'skipped';
        const outcome = await applyProviderEvent(tx, ctx, deps.logger, key.provider, receipt.event);
        if (outcome.kind === 'retry') {
          const status = await deferReceipt(tx, key, outcome.reason, policy);
          if (status === 'abandoned')
            deps.logger.error({ ...key, reason: outcome.reason }, 'webhook receipt abandoned');
          return 'deferred';
        }
        const status = outcome.kind === 'applied' ? 'processed' : 'ignored';
        await completeReceipt(tx, key, status, outcome.kind === 'applied' ? 'applied' : outcome.reason);
        return outcome.kind;
      });
    } catch (err) {
      deps.logger.error({ err, ...key }, 'webhook receipt could not be processed; retrying later');
      await deps.db.withTenant(ctx, (tx) => deferReceipt(tx, key, String(err), policy));
      return 'deferred';
    }
  });
}
