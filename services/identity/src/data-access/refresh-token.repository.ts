import { prepared, type Queryable } from '@fleet/db';

export type SubjectKind = 'customer' | 'staff' | 'platform_admin';

export interface RefreshTokenRow {
  id: string;
  family_id: string;
  subject_kind: SubjectKind;
  subject_id: string;
  expires_at: Date;
  revoked_at: Date | null;
}

export interface NewRefreshToken {
  tenantId: string;
  id: string;
  tokenHash: string;
  familyId: string;
  subjectKind: SubjectKind;
  subjectId: string;
  expiresAt: Date;
}

export async function insertRefreshToken(tx: Queryable, t: NewRefreshToken): Promise<void> {
  await tx.query(
    `INSERT INTO refresh_tokens (tenant_id, id, token_hash, family_id, subject_kind, subject_id, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [t.tenantId, t.id, t.tokenHash, t.familyId, t.subjectKind, t.subjectId, t.expiresAt],
  );
}

const BY_HASH_FOR_UPDATE = prepared(
  'identity_refresh_by_hash',
  `SELECT id, family_id, subject_kind, subject_id, expires_at, revoked_at
     FROM refresh_tokens WHERE tenant_id = $1 AND token_hash = $2 FOR UPDATE`,
);

/** Locks the row, so two refreshes with one token run one after the other. */
export function findRefreshTokenForUpdate(tx: Queryable, tenantId: string, tokenHash: string) {
  return tx.maybeOne<RefreshTokenRow>(BY_HASH_FOR_UPDATE, [tenantId, tokenHash]);
}

/** A used token is revoked at once: presenting it again is a replay. */
export async function revokeToken(tx: Queryable, tenantId: string, id: string): Promise<void> {
  await tx.query('UPDATE refresh_tokens SET revoked_at = now() WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    id,
  ]);
}

/** Revokes every live token of a login (logout, or a stolen token replayed). */
export async function revokeFamily(tx: Queryable, tenantId: string, familyId: string): Promise<void> {
  await tx.query(
    `UPDATE refresh_tokens SET revoked_at = now()
      WHERE tenant_id = $1 AND family_id = $2 AND revoked_at IS NULL`,
    [tenantId, familyId],
  );
}

/** Revokes every live token of one subject (a staff member removed from the store). */
export async function revokeSubject(
  tx: Queryable,
  tenantId: string,
  subject: { kind: SubjectKind; id: string },
): Promise<void> {
  await tx.query(
    `UPDATE refresh_tokens SET revoked_at = now()
      WHERE tenant_id = $1 AND subject_kind = $2 AND subject_id = $3 AND revoked_at IS NULL`,
    [tenantId, subject.kind, subject.id],
  );
}
