import type { Db } from '@fleet/db';

export interface DueReservation {
  tenantId: string;
  id: string;
}

/**
 * The one cross-tenant read of this service: ids of active reservations past their expiry, oldest
 * first, through the relay role (granted `reservations` by `migrate({relay})`, policy
 * `relay_access`). It only finds ids; each expiry runs in `withTenant` as the application role.
 */
export function findDueReservations(scanDb: Db, limit: number): Promise<DueReservation[]> {
  return scanDb
    .query<DueReservation>(
      `SELECT tenant_id AS "tenantId", id FROM reservations
        WHERE status = 'reserved' AND expires_at <= now()
        ORDER BY expires_at LIMIT $1`,
      [limit],
    )
    .then((result) => result.rows);
}
