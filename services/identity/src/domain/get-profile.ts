import type { Ctx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { accounts, type Account } from './accounts';
import type { IdentityDeps } from './identity-deps';
import { realmScope, type Realm } from './realms';

/** The signed-in account of the request's actor; anyone else (or a deleted account) is a 401. */
async function currentAccount(ctx: Ctx, deps: IdentityDeps, realm: Realm): Promise<Account> {
  const scope = realmScope(ctx, realm);
  const id = ctx.actor?.kind === realm ? ctx.actor.id : undefined;
  const account =
    id && (await deps.db.readAsTenant(scope, (tx) => accounts[realm].byId(tx, scope.tenantId, id)));
  if (!account) throw new AppError('unauthenticated', 'Sign in first.', { code: 'unauthenticated' });
  return account;
}

export async function getCustomerProfile(ctx: Ctx, deps: IdentityDeps) {
  const a = await currentAccount(ctx, deps, 'customer');
  return { id: a.id, email: a.email, name: a.name, createdAt: a.createdAt.toISOString() };
}

export async function getStaffProfile(ctx: Ctx, deps: IdentityDeps) {
  const a = await currentAccount(ctx, deps, 'staff');
  return { id: a.id, email: a.email, name: a.name, role: a.role };
}

export async function getPlatformAdminProfile(ctx: Ctx, deps: IdentityDeps) {
  const a = await currentAccount(ctx, deps, 'platform_admin');
  return { id: a.id, email: a.email, name: a.name };
}
