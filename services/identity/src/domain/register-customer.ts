import type { Ctx } from '@fleet/context';
import { newId } from '@fleet/db';
import { AppError } from '@fleet/errors';
import { insertCustomer } from '../data-access/customer.repository';
import { issueAccountToken } from './account-tokens';
import { recordCustomerRegistered } from './customer-events';
import type { IdentityDeps } from './identity-deps';
import { issueTokens, type TokenPair } from './issue-tokens';
import { realmScope } from './realms';

export interface Registration {
  email: string;
  password: string;
  name: string;
}

export interface Registered extends TokenPair {
  customer: { id: string; email: string; name: string };
}

/**
 * Creates the customer, the `customer.registered` event, the e-mail verification link and the
 * first session in one transaction. The password is hashed before it, so no connection waits on scrypt.
 */
export async function registerCustomer(
  ctx: Ctx,
  deps: IdentityDeps,
  input: Registration,
): Promise<Registered> {
  const scope = realmScope(ctx, 'customer');
  const passwordHash = await deps.passwords.hash(input.password);
  return deps.db.withTenant(scope, async (tx) => {
    const row = await insertCustomer(tx, {
      tenantId: scope.tenantId,
      id: newId('cus'),
      email: input.email,
      name: input.name,
      passwordHash,
    });
    if (!row) {
      throw new AppError('conflict', 'An account with this email already exists.', { code: 'email_taken' });
    }
    const customer = { id: row.id, email: row.email, name: row.name };
    await recordCustomerRegistered(tx, scope, { customer });
    await issueAccountToken(tx, scope, { kind: 'customer', ...customer }, 'email_verification');
    const tokens = await issueTokens(tx, deps, scope, { realm: 'customer', id: row.id, roles: ['customer'] });
    return { ...tokens, customer };
  });
}
