import type { TenantCtx } from '@fleet/context';
import type { Queryable } from '@fleet/db';
import { rethrowConstraint } from '../data-access/pg-errors';
import type { CatalogDeps } from './catalog-deps';

/**
 * A tenant transaction whose constraint violations (races past our checks) become 409s. Once it
 * committed, the tenant's cache stamp is renewed before the caller answers, so the next
 * storefront read after a merchant's write sees it.
 */
export async function inCatalogTx<T>(
  deps: CatalogDeps,
  ctx: TenantCtx,
  fn: (tx: Queryable) => Promise<T>,
): Promise<T> {
  const result = await deps.db.withTenant(ctx, fn).catch(rethrowConstraint);
  await deps.stamps?.renew(ctx.tenantId);
  return result;
}
