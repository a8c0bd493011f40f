import { customerOf, type TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';

/** The signed-in customer's id: anonymous callers are 401, staff and services 403. */
export function requireCustomer(ctx: TenantCtx): string {
  const customerId = customerOf(ctx);
  if (customerId) return customerId;
  if (!ctx.actor || ctx.actor.kind === 'anonymous') {
    throw new AppError('unauthenticated', 'Sign in as a customer of this store first.', {
      code: 'login_required',
    });
  }
  throw new AppError('forbidden', 'Only customers may do this.', { code: 'wrong_role' });
}

export const productNotFound = () =>
  new AppError('not_found', 'No such product in this store.', { code: 'product_not_found' });

/** Ids this store could have issued: anything else is unknown here, never sent on to catalog. */
export const isProductId = (id: string): boolean => /^[A-Za-z0-9_-]{1,100}$/.test(id);
