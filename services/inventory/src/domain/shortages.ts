import type { TenantCtx } from '@fleet/context';
import type { OutOfStockDetail } from '@fleet/contracts';
import { findLevels } from '../data-access/stock-level.repository';
import type { InventoryDeps } from './inventory-deps';
import { availableOf } from './inventory-events';
import type { ReservationLine } from './reservation';

/**
 * What is short, read after the rollback (so our own partial reservation is not counted): every
 * line asking more than is available, and always the line that failed. Unknown variants have 0.
 */
export async function shortagesOf(
  ctx: TenantCtx,
  deps: InventoryDeps,
  lines: readonly ReservationLine[],
  failedVariantId: string,
): Promise<OutOfStockDetail[]> {
  const levels = await deps.db.readAsTenant(ctx, (tx) =>
    findLevels(
      tx,
      ctx.tenantId,
      lines.map((line) => line.variantId),
    ),
  );
  const available = new Map(levels.map((level) => [level.variantId, availableOf(level)]));
  return lines
    .map((line) => ({
      variantId: line.variantId,
      requested: line.quantity,
      available: available.get(line.variantId) ?? 0,
    }))
    .filter((detail) => detail.variantId === failedVariantId || detail.available < detail.requested);
}
