import type { Queryable } from '@fleet/db';

export interface PlatformAdminRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: Date;
}

const COLUMNS = 'id, email, name, password_hash, created_at';

export function findPlatformAdminByEmail(tx: Queryable, email: string) {
  return tx.maybeOne<PlatformAdminRow>(`SELECT ${COLUMNS} FROM platform_admins WHERE email = $1`, [email]);
}

export function findPlatformAdminById(tx: Queryable, id: string) {
  return tx.maybeOne<PlatformAdminRow>(`SELECT ${COLUMNS} FROM platform_admins WHERE id = $1`, [id]);
}

/** Creates the admin, or sets the password of the existing one with that email. */
export async function upsertPlatformAdmin(
  tx: Queryable,
  a: { id: string; email: string; name: string; passwordHash: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO platform_admins (id, email, name, password_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (email) DO UPDATE SET password_hash = excluded.password_hash, updated_at = now()`,
    [a.id, a.email, a.name, a.passwordHash],
  );
}
