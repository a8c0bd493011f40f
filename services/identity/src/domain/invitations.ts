import { createHash, randomBytes } from 'node:crypto';
import type { TenantCtx } from '@fleet/context';
import { newId } from '@fleet/db';
import { AppError } from '@fleet/errors';
import {
  deleteInvitation,
  findLiveInvitation,
  takeInvitation,
  upsertInvitation,
  type InvitedRole,
} from '../data-access/staff-invitation.repository';
import { findStaffByEmail, insertStaff } from '../data-access/staff.repository';
import type { IdentityDeps } from './identity-deps';
import {
  assertMayManageTeam,
  invitationView,
  memberView,
  type InvitationView,
  type MemberView,
} from './team';

/** How long an invitation can be accepted. */
export const INVITATION_DAYS = 7;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const emailTaken = () =>
  new AppError('conflict', 'A staff member with this email already exists.', { code: 'email_taken' });

const invalidInvitation = () =>
  new AppError('not_found', 'This invitation is not valid: it was used, replaced or has expired.', {
    code: 'invitation_invalid',
  });

/**
 * Invites someone to the store's staff with a role. The answer carries the one-time token, once:
 * the platform sends no mail, so the inviter passes the link on (docs/decisions.md). Inviting the
 * same e-mail again replaces the earlier invitation (its link stops working).
 */
export async function inviteStaff(
  ctx: TenantCtx,
  deps: IdentityDeps,
  input: { email: string; role: InvitedRole },
): Promise<{ invitation: InvitationView; token: string }> {
  const invitedBy = assertMayManageTeam(ctx);
  const token = `inv_${randomBytes(32).toString('base64url')}`;
  const row = await deps.db.withTenant(ctx, async (tx) => {
    if (await findStaffByEmail(tx, ctx.tenantId, input.email)) throw emailTaken();
    return upsertInvitation(tx, {
      tenantId: ctx.tenantId,
      id: newId('inv'),
      email: input.email,
      role: input.role,
      tokenHash: hashToken(token),
      invitedBy,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    });
  });
  return { invitation: invitationView(row), token };
}

export async function cancelInvitation(ctx: TenantCtx, deps: IdentityDeps, id: string): Promise<void> {
  assertMayManageTeam(ctx);
  const deleted = await deps.db.withTenant(ctx, (tx) => deleteInvitation(tx, ctx.tenantId, id));
  if (!deleted) throw new AppError('not_found', 'No such invitation.', { code: 'invitation_not_found' });
}

/**
 * The invited person chooses a name and password: they become staff of this store with the
 * invited role, and sign in as usual. The token works once, on this store's host only, until it
 * expires; any other token is the same 404.
 */
export async function acceptInvitation(
  ctx: TenantCtx,
  deps: IdentityDeps,
  input: { token: string; name: string; password: string },
): Promise<MemberView> {
  const tokenHash = hashToken(input.token);
  // A made-up token costs no password hash.
  if (!(await deps.db.readAsTenant(ctx, (tx) => findLiveInvitation(tx, ctx.tenantId, tokenHash)))) {
    throw invalidInvitation();
  }
  const passwordHash = await deps.passwords.hash(input.password);
  return deps.db.withTenant(ctx, async (tx) => {
    const invitation = await takeInvitation(tx, ctx.tenantId, tokenHash);
    if (!invitation) throw invalidInvitation();
    const member = await insertStaff(tx, {
      tenantId: ctx.tenantId,
      id: newId('stf'),
      email: invitation.email,
      name: input.name,
      role: invitation.role,
      passwordHash,
    });
    if (!member) throw emailTaken();
    return memberView(member);
  });
}
