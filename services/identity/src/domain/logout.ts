import type { Ctx } from '@fleet/context';
import { findRefreshTokenForUpdate, revokeFamily } from '../data-access/refresh-token.repository';
import type { IdentityDeps } from './identity-deps';
import { hashRefreshToken } from './issue-tokens';
import { realmScope, type Realm } from './realms';

/** Ends the session the refresh token belongs to. Idempotent: an unknown token changes nothing. */
export async function logout(
  ctx: Ctx,
  deps: IdentityDeps,
  realm: Realm,
  refreshToken: string,
): Promise<void> {
  const scope = realmScope(ctx, realm);
  await deps.db.withTenant(scope, async (tx) => {
    const row = await findRefreshTokenForUpdate(tx, scope.tenantId, hashRefreshToken(refreshToken));
    if (row && row.subject_kind === realm) await revokeFamily(tx, scope.tenantId, row.family_id);
  });
}
