import type { TenantCtx } from '@fleet/context';
import type { Queryable } from '@fleet/db';
import type { Logger } from '@fleet/logger';
import { completeReceipt, type ReceiptKey } from '../data-access/webhook-receipt.repository';
import { applyProviderEvent } from './apply-provider-event';
import type { EventOutcome } from './event-outcome';
import type { ProviderEvent } from './providers/payment-provider';

/**
 * The context a receipt is applied in, by whichever path applies it (at once when it is stored,
 * apply-new-receipt.ts, or later by the processor, process-receipt.ts): the events it emits look
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
