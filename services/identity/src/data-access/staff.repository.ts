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
