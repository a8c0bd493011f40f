import type { TenantCtx } from '@fleet/context';
import type { Queryable } from '@fleet/db';
import { AppError } from '@fleet/errors';
import { revokeSubject } from '../data-access/refresh-token.repository';
import {
  listInvitations,
  type InvitationRow,
  type InvitedRole,
} from '../data-access/staff-invitation.repository';
import {
  deleteStaff,
  findStaffForUpdate,
  listStaff,
  updateStaffRole,
  type StaffRow,
} from '../data-access/staff.repository';
import type { IdentityDeps } from './identity-deps';

/** Who may change the team: the owner and admins; other staff may only look. */
const MANAGERS = ['owner', 'admin'];

export interface MemberView {
  id: string;
  email: string;
  name: string;
  role: StaffRow['role'];
  joinedAt: string;
}

export interface InvitationView {
  id: string;
  email: string;
  role: InvitedRole;
  invitedBy: string;
  expiresAt: string;
  createdAt: string;
}

export const memberView = (r: StaffRow): MemberView => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  joinedAt: r.created_at.toISOString(),
});

export const invitationView = (r: InvitationRow): InvitationView => ({
  id: r.id,
  email: r.email,
  role: r.role,
  invitedBy: r.invited_by,
  expiresAt: r.expires_at.toISOString(),
  createdAt: r.created_at.toISOString(),
});

export function assertMayManageTeam(ctx: TenantCtx): string {
  if (!ctx.actor?.roles?.some((r) => MANAGERS.includes(r))) {
    throw new AppError('forbidden', 'Only the store owner or an admin may change the staff.', {
      code: 'insufficient_role',
    });
  }
  return ctx.actor.id ?? '';
}

/** The members and the pending invitations of the store. */
export async function getTeam(
  ctx: TenantCtx,
  deps: IdentityDeps,
): Promise<{ members: MemberView[]; invitations: InvitationView[] }> {
  return deps.db.readAsTenant(ctx, async (tx) => ({
    members: (await listStaff(tx, ctx.tenantId)).map(memberView),
    invitations: (await listInvitations(tx, ctx.tenantId)).map(invitationView),
  }));
}

/** Another member, locked; never the owner (the store's account) nor oneself. */
async function changeableMember(tx: Queryable, ctx: TenantCtx, id: string): Promise<StaffRow> {
  const row = await findStaffForUpdate(tx, ctx.tenantId, id);
  if (!row) throw new AppError('not_found', 'No such staff member.', { code: 'staff_not_found' });
  if (row.role === 'owner') {
    throw new AppError('conflict', "The store owner's access cannot be changed or removed.", {
      code: 'owner_protected',
    });
  }
  if (row.id === ctx.actor?.id) {
    throw new AppError('conflict', 'Your own role and access are changed by another admin or the owner.', {
      code: 'own_account',
    });
  }
  return row;
}

/** Gives a member another role; it applies from their next token refresh (minutes at most). */
export async function changeRole(
  ctx: TenantCtx,
  deps: IdentityDeps,
  id: string,
  role: InvitedRole,
): Promise<MemberView> {
  assertMayManageTeam(ctx);
  return deps.db.withTenant(ctx, async (tx) => {
    await changeableMember(tx, ctx, id);
    return memberView((await updateStaffRole(tx, ctx.tenantId, id, role)) as StaffRow);
  });
}

/**
 * Removes a member and revokes their sessions: their next refresh fails, and the access token
 * they hold expires within its lifetime (ACCESS_TOKEN_TTL_SECONDS).
 */
export async function removeMember(ctx: TenantCtx, deps: IdentityDeps, id: string): Promise<void> {
  assertMayManageTeam(ctx);
  await deps.db.withTenant(ctx, async (tx) => {
    await changeableMember(tx, ctx, id);
    await deleteStaff(tx, ctx.tenantId, id);
    await revokeSubject(tx, ctx.tenantId, { kind: 'staff', id });
  });
  deps.logger.info({ staffId: id, actor: ctx.actor?.id, security: true }, 'staff member removed');
}
