import { runWithContext, type TenantCtx } from '@fleet/context';
import {
  insertReceipt,
  isReceiptConflict,
  recordReceipt,
  type ReceiptKey,
} from '../data-access/webhook-receipt.repository';
import type { PaymentDeps } from './payment-deps';
import type { ProviderEvent, ProviderName } from './providers/payment-provider';
import { applyReceipt, receiptCtx } from './receipt-processing';

/** Rolls the combined transaction back when the event cannot be applied yet (a `retry` outcome). */
class NotApplicableYet extends Error {}

/**
 * Stores a verified provider event as a receipt, once per (tenant, provider, event id), and
 * applies a new one in the same tenant transaction: insert, apply, record the outcome, one COMMIT.
 *
 * Why: one transaction instead of two. Storing first and letting the processor apply the receipt
 * later costs a second transaction (the insert's COMMIT, then BEGIN + lock of the receipt), and
 * the insert is deferred into the payment's lock: Postgres round trips per payment's success,
 * counted, 6 before, 3 now. A repeat fails on the receipt's key and answers false. The processor
 * (process-receipt.ts) now only sees what this could not apply.
 *
 * A verified event is never lost: when it cannot be applied yet (its payment is not visible yet)
 * or applying fails unexpectedly (logged at warn), the transaction rolls back and the receipt is
 * stored alone and handed to the processor (`onReceiptStored`), exactly as before. Events are
 * emitted under the processor's context (`receiptCtx`), so they look the same whichever path ran.
 * Returns false for a repeat of a stored event: nothing changes.
 */
export async function applyNewReceipt(
  ctx: TenantCtx,
  deps: Pick<PaymentDeps, 'db' | 'logger' | 'onReceiptStored'>,
  provider: ProviderName,
  event: ProviderEvent,
): Promise<boolean> {
  const key: ReceiptKey = { tenantId: ctx.tenantId, provider, eventId: event.eventId };
  try {
    return await storeAndApply(deps, key, event, ctx.requestId);
  } catch (err) {
    if (isReceiptConflict(err)) return false;
    if (!(err instanceof NotApplicableYet)) {
      deps.logger.warn({ err, ...key }, 'webhook receipt not applied at once; left to the processor');
    }
  }
  const stored = await deps.db.withTenant(ctx, (tx) =>
    insertReceipt(tx, ctx.tenantId, provider, event, ctx.requestId),
  );
  if (stored) deps.onReceiptStored?.(key);
  return stored;
}

function storeAndApply(
  deps: Pick<PaymentDeps, 'db' | 'logger'>,
  key: ReceiptKey,
  event: ProviderEvent,
  requestId: string,
): Promise<boolean> {
  const ctx = receiptCtx(key);
  return runWithContext(ctx, () =>
    deps.db.withTenant(ctx, async (tx) => {
      recordReceipt(tx, key.tenantId, key.provider, event, requestId);
      const outcome = await applyReceipt(tx, ctx, deps.logger, key, event);
      if (outcome.kind === 'retry') throw new NotApplicableYet(outcome.reason);
      return true;
    }),
  );
}
