import type { Ctx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import {
  findRefreshTokenForUpdate,
  revokeFamily,
  revokeToken,
} from '../data-access/refresh-token.repository';
import { accounts } from './accounts';
import type { IdentityDeps } from './identity-deps';
import { hashRefreshToken, issueTokens, type TokenPair } from './issue-tokens';
import { subjectOf } from './login';
import { realmScope, type Realm } from './realms';

type Outcome = { ok: true; tokens: TokenPair } | { ok: false; replayedFamily?: string };

/**
 * Trades a refresh token for a new pair and revokes it (rotation). A token that was already used
 * is a replay, so someone else holds a copy: the whole family is revoked and both parties must
 * sign in again. Another tenant's token is simply not found (RLS), like a made-up one.
 */
export async function refreshSession(
  ctx: Ctx,
  deps: IdentityDeps,
  realm: Realm,
  refreshToken: string,
): Promise<TokenPair> {
  const scope = realmScope(ctx, realm);
  const outcome = await deps.db.withTenant(scope, async (tx): Promise<Outcome> => {
    const row = await findRefreshTokenForUpdate(tx, scope.tenantId, hashRefreshToken(refreshToken));
    if (!row || row.subject_kind !== realm) return { ok: false };
    if (row.revoked_at) {
      await revokeFamily(tx, scope.tenantId, row.family_id);
      return { ok: false, replayedFamily: row.family_id };
    }
    if (row.expires_at.getTime() <= Date.now()) return { ok: false };
    await revokeToken(tx, scope.tenantId, row.id);
    const account = await accounts[realm].byId(tx, scope.tenantId, row.subject_id);
    if (!account) return { ok: false };
    return { ok: true, tokens: await issueTokens(tx, deps, scope, subjectOf(realm, account), row.family_id) };
  });
  if (outcome.ok) return outcome.tokens;
  if (outcome.replayedFamily) {
    deps.logger.warn({ familyId: outcome.replayedFamily, realm }, 'refresh token replayed: session revoked');
  }
  throw new AppError('unauthenticated', 'The refresh token is invalid or expired.', {
    code: 'invalid_refresh_token',
  });
}
