import type { TenantCtx } from '@fleet/context';
import { newId } from '@fleet/db';
import { AppError } from '@fleet/errors';
import { countCategories, findCategoryByName, insertCategory } from '../../data-access/category.repository';
import type { CatalogDeps } from '../catalog-deps';
import { inCatalogTx } from '../catalog-tx';
import { MAX_CATEGORIES } from '../taxonomy/category-view';
import { slugify } from '../slug';

/**
 * Category names of a CSV import to ids: an existing category with that slug or name, else a new
 * top-level one. Resolved once per name per import.
 */
export class CsvCategories {
  /** Name (lower case) -> id, shared by concurrent lookups of one name; failures are forgotten. */
  private readonly ids = new Map<string, Promise<string>>();

  constructor(
    private readonly ctx: TenantCtx,
    private readonly deps: CatalogDeps,
  ) {}

  idFor(name: string): Promise<string | undefined> {
    if (!name) return Promise.resolve(undefined);
    const key = name.toLowerCase();
    let id = this.ids.get(key);
    if (!id) {
      id = this.findOrCreate(name);
      id.catch(() => this.ids.delete(key));
      this.ids.set(key, id);
    }
    return id;
  }

  private findOrCreate(name: string): Promise<string> {
    const tenantId = this.ctx.tenantId;
    const slug = slugify(name, 'category');
    return inCatalogTx(this.deps, this.ctx, async (tx) => {
      const existing = await findCategoryByName(tx, tenantId, slug, name);
      if (existing) return existing.id;
      if ((await countCategories(tx, tenantId)) >= MAX_CATEGORIES) {
        throw new AppError('business_rule', `A store has at most ${MAX_CATEGORIES} categories.`, {
          code: 'category_limit',
          errors: [
            { path: 'category', message: 'would be a new category, and the store has the most it may have' },
          ],
        });
      }
      const id = newId('cat');
      if (await insertCategory(tx, tenantId, { id, slug, name, parent_id: null, position: 0 })) return id;
      const raced = await findCategoryByName(tx, tenantId, slug, name);
      if (!raced) throw new Error(`category "${name}" neither inserted nor found`);
      return raced.id;
    });
  }
}
