import { runWithContext, type TenantCtx } from '@fleet/context';
import type { Queryable } from '@fleet/db';
import type { Logger } from '@fleet/logger';
import type { ProviderEvent, ProviderName } from '@fleet/payment-providers';
import {
  completeReceipt,
  deferReceipt,
  insertReceipt,
  isReceiptConflict,
  lockDueReceipt,
  recordReceipt,
  type ReceiptKey,
  type RetryPolicy,
} from '../../data-access/webhook-receipt.repository';
import type { PaymentDeps } from '../payment-deps';
import { applyProviderEvent, type EventOutcome } from './apply-event';

/*
 * A verified provider event is stored once as a receipt, by (tenant, provider, event id), and
 * applied by one of two paths: at once, in the transaction that stores it (`applyNewReceipt`:
 * webhooks, storefront confirmations, provider reads), or later by the processor
 * (`processReceipt`) when it could not be applied then. Both apply it the same way (`applyReceipt`).
 */

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
 * (`processReceipt`) only sees what this could not apply.
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

export type ReceiptResult = 'applied' | 'ignored' | 'deferred' | 'skipped';

/**
 * The second half of the webhook pipeline, for one stored receipt that was not applied when it
 * was stored (`applyNewReceipt`): a retry, or an unexpected failure. Inside its tenant's
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

/**
 * The context a receipt is applied in, by whichever path applies it (at once when it is stored,
 * `applyNewReceipt`, or later by the processor, `processReceipt`): the events it emits look
 * the same either way. Run the work under `runWithContext` with it.
 */
export function receiptCtx(key: ReceiptKey): TenantCtx {
  return {
    requestId: `whr:${key.provider}:${key.eventId}`,
    tenantId: key.tenantId,
    actor: { kind: 'service', id: 'payment-webhooks' },
    causationId: key.eventId,
  };
}

/**
 * Applies a receipt's event in the caller's tenant transaction and records a final outcome on the
 * receipt (`processed`, or `ignored` with the reason; a deferred write that travels with COMMIT).
 * A `retry` outcome records nothing: the caller decides what happens to the receipt.
 */
export async function applyReceipt(
  tx: Queryable,
  ctx: TenantCtx,
  logger: Logger,
  key: ReceiptKey,
  event: ProviderEvent,
): Promise<EventOutcome> {
  const outcome = await applyProviderEvent(tx, ctx, logger, key.provider, event);
  if (outcome.kind === 'applied') await completeReceipt(tx, key, 'processed', 'applied');
  else if (outcome.kind === 'ignored') await completeReceipt(tx, key, 'ignored', outcome.reason);
  return outcome;
}
