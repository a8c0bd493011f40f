import type { TenantCtx } from '@fleet/context';
import { newId } from '@fleet/db';
import { AppError } from '@fleet/errors';
import * as repo from '../../data-access/collection.repository';
import { insertWithSlug } from '../assign-slug';
import type { CatalogDeps } from '../catalog-deps';
import { inCatalogTx } from '../catalog-tx';

export type CollectionView = repo.CollectionRow;

export interface CollectionInput {
  title: string;
  slug?: string;
  description?: string;
}

export const collectionNotFound = () =>
  new AppError('not_found', 'No such collection in this store.', { code: 'collection_not_found' });

/** `POST /api/admin/collections`. */
export function createCollection(
  ctx: TenantCtx,
  deps: CatalogDeps,
  input: CollectionInput,
): Promise<CollectionView> {
  const tenantId = ctx.tenantId;
  return inCatalogTx(deps, ctx, async (tx) => {
    const row = { id: newId('col'), title: input.title, description: input.description ?? '' };
    const slug = await insertWithSlug(tx, 'collections', tenantId, input, (s) =>
      repo.insertCollection(tx, tenantId, { ...row, slug: s }),
    );
    return { ...row, slug };
  });
}

/** `PATCH /api/admin/collections/{id}`. */
export async function updateCollection(
  ctx: TenantCtx,
  deps: CatalogDeps,
  id: string,
  change: Partial<CollectionInput>,
): Promise<CollectionView> {
  const row = await inCatalogTx(deps, ctx, (tx) => repo.updateCollectionRow(tx, ctx.tenantId, id, change));
  if (!row) throw collectionNotFound();
  return row;
}
