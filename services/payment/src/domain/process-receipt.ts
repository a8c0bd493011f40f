import { runWithContext } from '@fleet/context';
import {
  deferReceipt,
  lockDueReceipt,
  type ReceiptKey,
  type RetryPolicy,
} from '../data-access/webhook-receipt.repository';
import type { PaymentDeps } from './payment-deps';
import { applyReceipt, receiptCtx } from './receipt-processing';

export type ReceiptResult = 'applied' | 'ignored' | 'deferred' | 'skipped';

/**
 * The second half of the webhook pipeline, for one stored receipt that was not applied when it
 * was stored (apply-new-receipt.ts): a retry, or an unexpected failure. Inside its tenant's
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
  const ctx = receiptCtx(key);
  return runWithContext(ctx, async () => {
    try {
      return await deps.db.withTenant(ctx, async (tx): Promise<ReceiptResult> => {
        const receipt = await lockDueReceipt(tx, key);
        if (!receipt) return 'skipped';
        const outcome = await applyReceipt(tx, ctx, deps.logger, key, receipt.event);
        if (outcome.kind === 'retry') {
          const status = await deferReceipt(tx, key, outcome.reason, policy);
          if (status === 'abandoned')
            deps.logger.error({ ...key, reason: outcome.reason }, 'webhook receipt abandoned');
          return 'deferred';
        }
        return outcome.kind;
      });
    } catch (err) {
      deps.logger.error({ err, ...key }, 'webhook receipt could not be processed; retrying later');
      await deps.db.withTenant(ctx, (tx) => deferReceipt(tx, key, String(err), policy));
      return 'deferred';
    }
  });
}
