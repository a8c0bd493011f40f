import { prepared, type Queryable } from '@fleet/db';
import type { ReservationStatus } from '@fleet/contracts';

export interface ReservationRow {
  id: string;
  status: ReservationStatus;
  expiresAt: Date;
  version: number;
}

export type ReservationWithItems = ReservationRow & {
  items: Array<{ variantId: string; quantity: number }>;
};

const COLUMNS = 'id, status, expires_at AS "expiresAt", version';

// The primary key decides between racing identical requests: the loser waits for the winner's
// transaction, then conflicts (winner committed) or inserts (winner rolled back).
const INSERT = prepared(
  'inv_insert_reservation',
  `INSERT INTO reservations (tenant_id, id, status, expires_at) VALUES ($1, $2, 'reserved', $3)
   ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
);

export function insertReservation(tx: Queryable, tenantId: string, id: string, expiresAt: string) {
  return tx.maybeOne<ReservationRow>(INSERT, [tenantId, id, expiresAt]);
}

/** A release of an unknown id leaves a 'released' row so a late reserve of it is refused. */
export function insertTombstone(tx: Queryable, tenantId: string, id: string) {
  return tx.maybeOne<ReservationRow>(
    `INSERT INTO reservations (tenant_id, id, status, expires_at) VALUES ($1, $2, 'released', now())
     ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
    [tenantId, id],
  );
}

export async function insertItems(
  tx: Queryable,
  tenantId: string,
  reservationId: string,
  lines: ReadonlyArray<{ variantId: string; locationId: string; quantity: number }>,
): Promise<void> {
  tx.defer(
    prepared(
      'inv_insert_reservation_items',
      `INSERT INTO reservation_items (tenant_id, reservation_id, variant_id, location_id, quantity)
       SELECT $1, $2, l.variant_id, l.location_id, l.quantity
         FROM unnest($3::text[], $4::text[], $5::int[]) AS l(variant_id, location_id, quantity)`,
    ),
    [
      tenantId,
      reservationId,
      lines.map((l) => l.variantId),
      lines.map((l) => l.locationId),
      lines.map((l) => l.quantity),
    ],
  );
}

/** `from` -> `to`, only from `from`: the row lock serialises racing commits, releases, restocks. */
export function moveReservation(
  tx: Queryable,
  tenantId: string,
  id: string,
  from: ReservationStatus,
  to: ReservationStatus,
): Promise<ReservationRow | undefined> {
  return tx.maybeOne<ReservationRow>(
    prepared(
      'inv_move_reservation',
      `UPDATE reservations SET status = $4, version = version + 1, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND status = $3 RETURNING ${COLUMNS}`,
    ),
    [tenantId, id, from, to],
  );
}

/**
 * reserved -> expired when due. SKIP LOCKED: a reservation another sweeper (or a commit or a
 * release) is changing right now is left to it; if it is still due, the next sweep takes it.
 */
export function expireIfDue(
  tx: Queryable,
  tenantId: string,
  id: string,
): Promise<ReservationRow | undefined> {
  return tx.maybeOne<ReservationRow>(
    `UPDATE reservations SET status = 'expired', version = version + 1, updated_at = now()
      WHERE (tenant_id, id) IN (
        SELECT tenant_id, id FROM reservations
         WHERE tenant_id = $1 AND id = $2 AND status = 'reserved' AND expires_at <= now()
           FOR UPDATE SKIP LOCKED)
     RETURNING ${COLUMNS}`,
    [tenantId, id],
  );
}

const FIND = prepared(
  'inv_find_reservation',
  `SELECT r.id, r.status, r.expires_at AS "expiresAt", r.version,
          (SELECT COALESCE(json_agg(json_build_object('variantId', l.variant_id, 'quantity', l.quantity)
                                    ORDER BY l.variant_id), '[]'::json)
             FROM (SELECT variant_id, sum(quantity)::int AS quantity FROM reservation_items i
                    WHERE i.tenant_id = r.tenant_id AND i.reservation_id = r.id
                    GROUP BY variant_id) l) AS items
     FROM reservations r WHERE r.tenant_id = $1 AND r.id = $2`,
);

export function findReservation(tx: Queryable, tenantId: string, id: string) {
  return tx.maybeOne<ReservationWithItems>(FIND, [tenantId, id]);
}
