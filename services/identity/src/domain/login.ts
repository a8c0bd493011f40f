import type { Ctx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { accounts, type Account } from './accounts';
import type { IdentityDeps } from './identity-deps';
import { issueTokens, type Subject, type TokenPair } from './issue-tokens';
import { verifyPassword } from './password';
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

/** Throttle, check the password (same cost whether or not the account exists), then a new session. */
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
  const valid = await verifyPassword(input.password, account?.passwordHash);
  if (!account || !valid) throw invalidCredentials();
  await attempt.succeeded();
  return deps.db.withTenant(scope, (tx) => issueTokens(tx, deps, scope, subjectOf(realm, account)));
}
