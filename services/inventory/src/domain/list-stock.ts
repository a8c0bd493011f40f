import type { TenantCtx } from '@fleet/context';
import { invalidCursor } from '@fleet/db';
import { listLevels } from '../data-access/stock-admin.repository';
import { findLevels } from '../data-access/stock-level.repository';
import type { InventoryDeps } from './inventory-deps';
import { toLevelView, type LevelView } from './level-view';

export interface StockQuery {
  lowStock: boolean;
  /** With `lowStock`: available units at or below this count as low. */
  threshold: number;
  productId?: string;
  limit: number;
  cursor?: string;
}

export interface StockPage {
  items: LevelView[];
  nextCursor: string | null;
}

/** The merchant's stock list in variant order, optionally only what runs low. */
export async function listStock(ctx: TenantCtx, deps: InventoryDeps, query: StockQuery): Promise<StockPage> {
  const afterVariantId = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const rows = await deps.db.readAsTenant(ctx, (tx) =>
    listLevels(tx, ctx.tenantId, {
      lowStockAt: query.lowStock ? query.threshold : undefined,
      productId: query.productId,
      afterVariantId,
      limit: query.limit,
    }),
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toLevelView),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.variantId) : null,
  };
}

/** Levels of the given variants (unknown ones are left out): for the order and checkout services. */
export async function stockOf(
  ctx: TenantCtx,
  deps: InventoryDeps,
  variantIds: string[],
): Promise<LevelView[]> {
  const rows = await deps.db.readAsTenant(ctx, (tx) => findLevels(tx, ctx.tenantId, variantIds));
  return rows.sort((a, b) => (a.variantId < b.variantId ? -1 : 1)).map(toLevelView);
}

function encodeCursor(variantId: string): string {
  return Buffer.from(JSON.stringify({ v: variantId })).toString('base64url');
}

/** Variant ids as the API takes them (`externalId`). */
const VARIANT_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** A variant id; anything else (a NUL byte, a number) is a 400 naming `cursor`. */
function decodeCursor(cursor: string): string {
  try {
    const { v } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: unknown };
    if (typeof v === 'string' && VARIANT_ID.test(v)) return v;
  } catch {
    // fall through
  }
  throw invalidCursor();
}
