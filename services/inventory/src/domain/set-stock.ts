import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { appendToOutbox } from '@fleet/messaging';
import { ensureDefaultLocation } from '../data-access/location.repository';
import { upsertOnHand } from '../data-access/stock-admin.repository';
import { findLevels } from '../data-access/stock-level.repository';
import type { InventoryDeps } from './inventory-deps';
import { levelChangedEvents } from './inventory-events';
import { toLevelView, type LevelView } from './level-view';

export interface SetStockInput {
  variantId: string;
  onHand: number;
  productId?: string;
}

/**
 * The merchant sets on hand absolutely at the default location, creating the level when the
 * variant has none yet. Never below what is reserved (409 `below_reserved`, nothing changes).
 */
export async function setStock(
  ctx: TenantCtx,
  deps: InventoryDeps,
  input: SetStockInput,
): Promise<{ created: boolean; level: LevelView }> {
  return deps.db.withTenant(ctx, async (tx) => {
    const locationId = await ensureDefaultLocation(tx, ctx.tenantId);
    const level = await upsertOnHand(tx, ctx.tenantId, {
      variantId: input.variantId,
      locationId,
      productId: input.productId ?? null,
      onHand: input.onHand,
    });
    if (!level) {
      const [current] = await findLevels(tx, ctx.tenantId, [input.variantId]);
      throw new AppError(
        'conflict',
        `${current?.reserved ?? 'Some'} units of this variant are reserved; on hand cannot go below that.`,
        { code: 'below_reserved' },
      );
    }
    await appendToOutbox(tx, levelChangedEvents(ctx, [level]));
    return { created: level.inserted, level: toLevelView(level) };
  });
}
