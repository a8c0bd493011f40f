import type { StockLevel } from '@fleet/contracts';
import type { LevelRow } from '../data-access/level-columns';
import { availableOf } from './inventory-events';

/** A stock level as the merchant API answers it. */
export type LevelView = StockLevel & { productId: string | null; locationId: string; updatedAt: string };

export function toLevelView(level: LevelRow): LevelView {
  return {
    variantId: level.variantId,
    productId: level.productId,
    locationId: level.locationId,
    onHand: level.onHand,
    reserved: level.reserved,
    available: availableOf(level),
    updatedAt: level.updatedAt.toISOString(),
  };
}
