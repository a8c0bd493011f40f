import { prepared, type Queryable } from '@fleet/db';
import { DEFAULT_LOCATION, levelColumns, type LevelRow } from './level-columns';

export interface OnHandChange {
  variantId: string;
  locationId: string;
  productId: string | null;
  onHand: number;
}

/**
 * Sets on hand absolutely, creating the level when missing. Never below what is reserved: then
 * nothing is written and nothing returned. A known product id is kept (product events own it).
 * Setting stock revives a level archived by a product deletion.
 */
export function upsertOnHand(
  tx: Queryable,
  tenantId: string,
  change: OnHandChange,
): Promise<(LevelRow & { inserted: boolean }) | undefined> {
  return tx.maybeOne(
    `INSERT INTO stock_levels AS s (tenant_id, variant_id, location_id, product_id, on_hand)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, variant_id, location_id) DO UPDATE
        SET on_hand = EXCLUDED.on_hand, product_id = COALESCE(s.product_id, EXCLUDED.product_id),
            version = s.version + 1, updated_at = now(), archived_at = NULL
      WHERE s.reserved <= EXCLUDED.on_hand
     RETURNING ${levelColumns('s')}, (s.xmax = 0) AS inserted`,
    [tenantId, change.variantId, change.locationId, change.productId, change.onHand],
  );
}

/**
 * Creates the levels of variants not known yet (in variant order); known ones are left alone,
 * except that a level created before its product event learns its product id. Returns the new ones.
 */
export async function insertMissingLevels(
  tx: Queryable,
  tenantId: string,
  locationId: string,
  productId: string,
  variants: ReadonlyArray<{ id: string; onHand: number }>,
): Promise<LevelRow[]> {
  const sorted = [...variants].sort((a, b) => (a.id < b.id ? -1 : 1));
  const rows = await tx.rows<LevelRow & { inserted: boolean }>(
    `INSERT INTO stock_levels AS s (tenant_id, variant_id, location_id, product_id, on_hand)
     SELECT $1, v.id, $2, $3, v.on_hand FROM unnest($4::text[], $5::int[]) WITH ORDINALITY AS v(id, on_hand, n)
      ORDER BY v.n
     ON CONFLICT (tenant_id, variant_id, location_id) DO UPDATE SET product_id = EXCLUDED.product_id
      WHERE s.product_id IS NULL
     RETURNING ${levelColumns('s')}, (s.xmax = 0) AS inserted`,
    [tenantId, locationId, productId, sorted.map((v) => v.id), sorted.map((v) => v.onHand)],
  );
  return rows.filter((row) => row.inserted);
}

const KNOWN_LEVELS = prepared(
  'inv_known_levels',
  `SELECT count(*)::int AS known FROM stock_levels s
     JOIN locations l ON l.tenant_id = s.tenant_id AND l.id = s.location_id AND l.is_default
    WHERE s.tenant_id = $1 AND s.variant_id = ANY($2::text[]) AND s.product_id IS NOT NULL`,
);

/**
 * Whether every variant already has its level at the default location with its product id
 * known: then `insertMissingLevels` would change nothing.
 */
export async function allLevelsKnown(
  tx: Queryable,
  tenantId: string,
  variantIds: readonly string[],
): Promise<boolean> {
  const unique = [...new Set(variantIds)];
  if (unique.length === 0) return true;
  const row = await tx.maybeOne<{ known: number }>(KNOWN_LEVELS, [tenantId, unique]);
  return row?.known === unique.length;
}

/** A deleted product's levels stop being sellable; in-flight reservations still commit or release. */
export function archiveProductLevels(
  tx: Queryable,
  tenantId: string,
  productId: string,
): Promise<LevelRow[]> {
  return tx.rows<LevelRow>(
    `WITH target AS MATERIALIZED (
       SELECT variant_id, location_id FROM stock_levels
        WHERE tenant_id = $1 AND product_id = $2 AND archived_at IS NULL
        ORDER BY variant_id, location_id FOR UPDATE)
     UPDATE stock_levels s SET archived_at = now(), version = s.version + 1, updated_at = now()
       FROM target WHERE s.tenant_id = $1 AND s.variant_id = target.variant_id
        AND s.location_id = target.location_id
     RETURNING ${levelColumns('s')}`,
    [tenantId, productId],
  );
}

export interface LevelQuery {
  /** Only levels whose available units are at or below this. */
  lowStockAt?: number;
  productId?: string;
  /** Keyset: the last variant id of the previous page. */
  afterVariantId?: string;
  limit: number;
}

/** Live levels at the default location in variant order; one more row than asked tells "more". */
export function listLevels(tx: Queryable, tenantId: string, query: LevelQuery): Promise<LevelRow[]> {
  return tx.rows<LevelRow>(
    `SELECT ${levelColumns()} FROM stock_levels
      WHERE tenant_id = $1 AND location_id = ${DEFAULT_LOCATION} AND archived_at IS NULL
        AND ($2::int IS NULL OR on_hand - reserved <= $2)
        AND ($3::text IS NULL OR product_id = $3)
        AND ($4::text IS NULL OR variant_id > $4)
      ORDER BY variant_id
      LIMIT $5`,
    [
      tenantId,
      query.lowStockAt ?? null,
      query.productId ?? null,
      query.afterVariantId ?? null,
      query.limit + 1,
    ],
  );
}
