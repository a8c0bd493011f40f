import type { Ctx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { accounts, type Account } from './accounts';
import type { IdentityDeps } from './identity-deps';
import { issueTokens, type Subject, type TokenPair } from './issue-tokens';
import { realmScope, type Realm } from './realms';

export interface Credentials {
  email: string;
  password: string;
}

/** One answer for an unknown email and a wrong password: never reveal which. */
export const invalidCredentials = () =>
  new AppError('unauthenticated', 'The email or password is incorrect.', { code: 'invalid_credentials' });

export const subjectOf = (realm: Realm, account: Account): Subject => ({
  realm,
  id: account.id,
  roles: account.roles,
});

/**
 * Throttle, check the password (same cost whether or not the account exists), then a new session.
 * A hash made with weaker parameters than today's is replaced in the same transaction; the new
 * one is computed before it, so no connection waits on scrypt.
 */
export async function login(
  ctx: Ctx,
  deps: IdentityDeps,
  realm: Realm,
  input: Credentials,
): Promise<TokenPair> {
  const scope = realmScope(ctx, realm);
  const attempt = await deps.throttle.begin({
    scope: scope.tenantId,
    realm,
    email: input.email,
    ip: ctx.clientIp,
  });
  const account = await deps.db.readAsTenant(scope, (tx) =>
    accounts[realm].byEmail(tx, scope.tenantId, input.email),
  );
  const check = await deps.passwords.verify(input.password, account?.passwordHash);
  if (!account || !check.valid) throw invalidCredentials();
  await attempt.succeeded();
  const rehashed = check.outdated ? await deps.passwords.hash(input.password) : undefined;
  return deps.db.withTenant(scope, async (tx) => {
    if (rehashed) {
      await accounts[realm].replaceHash(tx, scope.tenantId, {
        id: account.id,
        from: account.passwordHash,
        to: rehashed,
      });
    }
    return issueTokens(tx, deps, scope, subjectOf(realm, account));
  });
}
