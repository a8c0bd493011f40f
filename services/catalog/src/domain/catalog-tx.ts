import type { TenantCtx } from '@fleet/context';
import type { Queryable } from '@fleet/db';
import { rethrowConstraint } from '../data-access/pg-errors';
import type { CatalogDeps } from './catalog-deps';

/** A tenant transaction whose constraint violations (races past our checks) become 409s. */
export function inCatalogTx<T>(
  deps: CatalogDeps,
  ctx: TenantCtx,
  fn: (tx: Queryable) => Promise<T>,
): Promise<T> {
  return deps.db.withTenant(ctx, fn).catch(rethrowConstraint);
}
