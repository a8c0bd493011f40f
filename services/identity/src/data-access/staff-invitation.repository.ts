import type { Queryable } from '@fleet/db';
import type { StaffRole } from './staff.repository';

export type InvitedRole = Exclude<StaffRole, 'owner'>;

export interface InvitationRow {
  id: string;
  email: string;
  role: InvitedRole;
  invited_by: string;
  expires_at: Date;
  created_at: Date;
}

const COLUMNS = 'id, email, role, invited_by, expires_at, created_at';

/** A new invitation, or a fresh one (new token, role and expiry) for an e-mail already invited. */
export async function upsertInvitation(
  tx: Queryable,
  i: {
    tenantId: string;
    id: string;
    email: string;
    role: InvitedRole;
    tokenHash: string;
    invitedBy: string;
    expiresAt: Date;
  },
): Promise<InvitationRow> {
  const row = await tx.maybeOne<InvitationRow>(
    `INSERT INTO staff_invitations (tenant_id, id, email, role, token_hash, invited_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tenant_id, email) DO UPDATE
       SET role = EXCLUDED.role, token_hash = EXCLUDED.token_hash, invited_by = EXCLUDED.invited_by,
           expires_at = EXCLUDED.expires_at, created_at = now()
     RETURNING ${COLUMNS}`,
    [i.tenantId, i.id, i.email, i.role, i.tokenHash, i.invitedBy, i.expiresAt],
  );
  return row as InvitationRow;
}

export function listInvitations(tx: Queryable, tenantId: string): Promise<InvitationRow[]> {
  return tx.rows<InvitationRow>(
    `SELECT ${COLUMNS} FROM staff_invitations WHERE tenant_id = $1 ORDER BY created_at, id`,
    [tenantId],
  );
}

/** Deletes it; false when there was none. */
export async function deleteInvitation(tx: Queryable, tenantId: string, id: string): Promise<boolean> {
  const row = await tx.maybeOne<{ id: string }>(
    'DELETE FROM staff_invitations WHERE tenant_id = $1 AND id = $2 RETURNING id',
    [tenantId, id],
  );
  return row !== undefined;
}

/** The unexpired invitation with this token hash, if any (read before the costly password hash). */
export function findLiveInvitation(
  tx: Queryable,
  tenantId: string,
  tokenHash: string,
): Promise<InvitationRow | undefined> {
  return tx.maybeOne<InvitationRow>(
    `SELECT ${COLUMNS} FROM staff_invitations WHERE tenant_id = $1 AND token_hash = $2 AND expires_at > now()`,
    [tenantId, tokenHash],
  );
}

/** Takes the unexpired invitation with this token hash (deleted: a token is used once). */
export function takeInvitation(
  tx: Queryable,
  tenantId: string,
  tokenHash: string,
): Promise<InvitationRow | undefined> {
  return tx.maybeOne<InvitationRow>(
    `DELETE FROM staff_invitations WHERE tenant_id = $1 AND token_hash = $2 AND expires_at > now()
     RETURNING ${COLUMNS}`,
    [tenantId, tokenHash],
  );
}
