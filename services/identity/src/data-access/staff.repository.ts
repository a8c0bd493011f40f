import { prepared, type Queryable } from '@fleet/db';

export type StaffRole = 'owner' | 'admin' | 'staff';

export interface StaffRow {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  password_hash: string;
  created_at: Date;
}

export interface NewStaff {
  tenantId: string;
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  passwordHash: string;
  /** sha256 (hex) of the creating service's key for this creation, if it gave one. */
  creationKeyHash?: string;
}

const COLUMNS = 'id, email, name, role, password_hash, created_at';

/** Inserts unless the email is taken in this tenant. */
export function insertStaff(tx: Queryable, s: NewStaff): Promise<StaffRow | undefined> {
  return tx.maybeOne<StaffRow>(
    `INSERT INTO staff (tenant_id, id, email, name, role, password_hash, creation_key_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tenant_id, email) DO NOTHING RETURNING ${COLUMNS}`,
    [s.tenantId, s.id, s.email, s.name, s.role, s.passwordHash, s.creationKeyHash ?? null],
  );
}

const BY_EMAIL = prepared(
  'identity_staff_by_email',
  `SELECT ${COLUMNS} FROM staff WHERE tenant_id = $1 AND email = $2`,
);
const BY_ID = prepared(
  'identity_staff_by_id',
  `SELECT ${COLUMNS} FROM staff WHERE tenant_id = $1 AND id = $2`,
);

export function findStaffByEmail(tx: Queryable, tenantId: string, email: string) {
  return tx.maybeOne<StaffRow>(BY_EMAIL, [tenantId, email]);
}

/** The member this same creation made (same key hash), if it was made within `withinSeconds`. */
export function findStaffCreatedWithKey(
  tx: Queryable,
  tenantId: string,
  lookup: { email: string; creationKeyHash: string; withinSeconds: number },
) {
  return tx.maybeOne<StaffRow>(
    `SELECT ${COLUMNS} FROM staff
      WHERE tenant_id = $1 AND email = $2 AND creation_key_hash = $3
        AND created_at > now() - make_interval(secs => $4)`,
    [tenantId, lookup.email, lookup.creationKeyHash, lookup.withinSeconds],
  );
}

export function findStaffById(tx: Queryable, tenantId: string, id: string) {
  return tx.maybeOne<StaffRow>(BY_ID, [tenantId, id]);
}

/** The store's team, the owner first then by joining date (bounded: a store has a handful). */
export function listStaff(tx: Queryable, tenantId: string): Promise<StaffRow[]> {
  return tx.rows<StaffRow>(
    `SELECT ${COLUMNS} FROM staff WHERE tenant_id = $1
      ORDER BY role = 'owner' DESC, created_at, id LIMIT 500`,
    [tenantId],
  );
}

export function updateStaffRole(
  tx: Queryable,
  tenantId: string,
  id: string,
  role: StaffRole,
): Promise<StaffRow | undefined> {
  return tx.maybeOne<StaffRow>(
    `UPDATE staff SET role = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
    [tenantId, id, role],
  );
}

export async function deleteStaff(tx: Queryable, tenantId: string, id: string): Promise<void> {
  await tx.query('DELETE FROM staff WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
}

/** Locks the member's row for a change (role or removal) in this transaction. */
export function findStaffForUpdate(tx: Queryable, tenantId: string, id: string) {
  return tx.maybeOne<StaffRow>(`SELECT ${COLUMNS} FROM staff WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [
    tenantId,
    id,
  ]);
}
