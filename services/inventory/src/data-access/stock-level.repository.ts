import { prepared, type Queryable } from '@fleet/db';
import { DEFAULT_LOCATION, levelColumns, type LevelRow } from './level-columns';

/**
 * THE reservation: one conditional update per line. Under READ COMMITTED a concurrent writer
 * makes this wait, then re-check `on_hand - reserved >= $3` on the newest row, so stock never
 * goes below zero (and the CHECK constraints refuse it if code ever tried).
 */
const RESERVE_UNITS = prepared(
  'inv_reserve_units',
  `UPDATE stock_levels SET reserved = reserved + $3, version = version + 1, updated_at = now()
    WHERE tenant_id = $1 AND variant_id = $2 AND location_id = ${DEFAULT_LOCATION}
      AND archived_at IS NULL AND on_hand - reserved >= $3
   RETURNING ${levelColumns()}`,
);

export function reserveUnits(
  tx: Queryable,
  tenantId: string,
  variantId: string,
  quantity: number,
): Promise<LevelRow | undefined> {
  return tx.maybeOne<LevelRow>(RESERVE_UNITS, [tenantId, variantId, quantity]);
}

/** A level changed by a reservation's lines, with the line's quantity. */
export type HeldLevel = LevelRow & { quantity: number };

/**
 * Applies `change` to every level a reservation holds (or held), locking them in (variant, location) order
 * first, the same order reserve takes, so two transactions never wait on each other in a cycle.
 */
function heldStockUpdate(name: string, change: string) {
  return prepared(
    name,
    `WITH held AS MATERIALIZED (
       SELECT s.variant_id, s.location_id, i.quantity
         FROM reservation_items i
         JOIN stock_levels s ON s.tenant_id = i.tenant_id AND s.variant_id = i.variant_id
                            AND s.location_id = i.location_id
        WHERE i.tenant_id = $1 AND i.reservation_id = $2
        ORDER BY s.variant_id, s.location_id
          FOR UPDATE OF s)
     UPDATE stock_levels s SET ${change}, version = s.version + 1, updated_at = now()
       FROM held
      WHERE s.tenant_id = $1 AND s.variant_id = held.variant_id AND s.location_id = held.location_id
     RETURNING ${levelColumns('s')}, held.quantity`,
  );
}

const RETURN_HELD = heldStockUpdate('inv_return_held', 'reserved = s.reserved - held.quantity');
const CONSUME_HELD = heldStockUpdate(
  'inv_consume_held',
  'on_hand = s.on_hand - held.quantity, reserved = s.reserved - held.quantity',
);

const RESTOCK_HELD = heldStockUpdate('inv_restock_held', 'on_hand = s.on_hand + held.quantity');

/** Restock of a committed reservation: the sold units are back on the shelf. */
export async function restockHeldStock(tx: Queryable, tenantId: string, reservationId: string) {
  return sortHeld(await tx.rows<HeldLevel>(RESTOCK_HELD, [tenantId, reservationId]));
}

/** Release or expiry: the held units become available again. */
export async function returnHeldStock(tx: Queryable, tenantId: string, reservationId: string) {
  return sortHeld(await tx.rows<HeldLevel>(RETURN_HELD, [tenantId, reservationId]));
}

/** Commit: the held units leave the shelf (on hand and reserved both drop). */
export async function consumeHeldStock(tx: Queryable, tenantId: string, reservationId: string) {
  return sortHeld(await tx.rows<HeldLevel>(CONSUME_HELD, [tenantId, reservationId]));
}

const RESTOCK_RETURNED = prepared(
  'inv_restock_returned',
  `WITH back AS MATERIALIZED (
     SELECT s.variant_id, s.location_id, LEAST(r.quantity, i.quantity) AS quantity
       FROM jsonb_to_recordset($3::jsonb) AS r("variantId" text, quantity int)
       JOIN reservation_items i ON i.tenant_id = $1 AND i.reservation_id = $2 AND i.variant_id = r."variantId"
       JOIN stock_levels s ON s.tenant_id = i.tenant_id AND s.variant_id = i.variant_id
                          AND s.location_id = i.location_id
      WHERE r.quantity > 0
      ORDER BY s.variant_id, s.location_id
        FOR UPDATE OF s)
   UPDATE stock_levels s SET on_hand = s.on_hand + back.quantity, version = s.version + 1, updated_at = now()
     FROM back
    WHERE s.tenant_id = $1 AND s.variant_id = back.variant_id AND s.location_id = back.location_id
   RETURNING ${levelColumns('s')}, back.quantity`,
);

/**
 * Returned units of a sold order back on the shelf they left (its reservation's lines), each line
 * capped at what was sold there; variants the order never held are ignored.
 */
export async function restockReturnedUnits(
  tx: Queryable,
  tenantId: string,
  orderId: string,
  lines: ReadonlyArray<{ variantId: string; quantity: number }>,
) {
  return sortHeld(await tx.rows<HeldLevel>(RESTOCK_RETURNED, [tenantId, orderId, JSON.stringify(lines)]));
}

const sortHeld = (rows: HeldLevel[]) => rows.sort((a, b) => (a.variantId < b.variantId ? -1 : 1));

const AVAILABILITY = prepared(
  'inv_availability',
  `SELECT ${levelColumns()} FROM stock_levels
    WHERE tenant_id = $1 AND variant_id = ANY($2::text[]) AND location_id = ${DEFAULT_LOCATION}`,
);

/** Levels of these variants at the default location (unknown variants are absent). */
export function findLevels(tx: Queryable, tenantId: string, variantIds: readonly string[]) {
  return tx.rows<LevelRow>(AVAILABILITY, [tenantId, variantIds]);
}
