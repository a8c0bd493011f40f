import type { TenantCtx } from '@fleet/context';
import { newId } from '@fleet/db';
import { AppError } from '@fleet/errors';
import * as repo from '../../data-access/category.repository';
import { insertWithSlug } from '../assign-slug';
import type { CatalogDeps } from '../catalog-deps';
import { inCatalogTx } from '../catalog-tx';
import {
  categoryNotFound,
  MAX_CATEGORIES,
  toCategoryView,
  unknownParent,
  type CategoryView,
} from './category-view';

export interface CategoryInput {
  name: string;
  slug?: string;
  parentId?: string | null;
  position?: number;
}

/** `POST /api/admin/categories`: under an existing parent of this store, or at the top. */
export function createCategory(
  ctx: TenantCtx,
  deps: CatalogDeps,
  input: CategoryInput,
): Promise<CategoryView> {
  const tenantId = ctx.tenantId;
  return inCatalogTx(deps, ctx, async (tx) => {
    await repo.lockTree(tx, tenantId);
    if ((await repo.countCategories(tx, tenantId)) >= MAX_CATEGORIES) {
      throw new AppError('business_rule', `A store has at most ${MAX_CATEGORIES} categories.`, {
        code: 'category_limit',
      });
    }
    if (input.parentId && !(await repo.findCategory(tx, tenantId, input.parentId))) throw unknownParent();
    const row = {
      id: newId('cat'),
      parent_id: input.parentId ?? null,
      name: input.name,
      position: input.position ?? 0,
    };
    const slug = await insertWithSlug(
      tx,
      'categories',
      tenantId,
      { slug: input.slug, title: input.name },
      (s) => repo.insertCategory(tx, tenantId, { ...row, slug: s }),
    );
    return toCategoryView({ ...row, slug });
  });
}

/** `PATCH /api/admin/categories/{id}`: rename, re-slug, reorder or move, never into its own subtree. */
export function updateCategory(
  ctx: TenantCtx,
  deps: CatalogDeps,
  id: string,
  change: Partial<CategoryInput>,
): Promise<CategoryView> {
  const tenantId = ctx.tenantId;
  return inCatalogTx(deps, ctx, async (tx) => {
    await repo.lockTree(tx, tenantId);
    if (!(await repo.findCategory(tx, tenantId, id))) throw categoryNotFound();
    if (change.parentId) {
      if (!(await repo.findCategory(tx, tenantId, change.parentId))) throw unknownParent();
      if (await repo.wouldCycle(tx, tenantId, id, change.parentId)) {
        throw new AppError('business_rule', 'A category cannot move under itself or its subcategories.', {
          code: 'category_cycle',
          errors: [{ path: 'parentId', message: 'is this category or one of its subcategories' }],
        });
      }
    }
    const row = await repo.updateCategoryRow(tx, tenantId, id, change);
    if (!row) throw categoryNotFound();
    return toCategoryView(row);
  });
}
