import { AppError } from '@fleet/errors';
import type { CategoryRow } from '../../data-access/category.repository';

export interface CategoryView {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
  position: number;
}

export interface CategoryNode extends CategoryView {
  children: CategoryNode[];
}

/** Categories per store: bounds the tree the storefront reads in one piece. */
export const MAX_CATEGORIES = 1000;

export function toCategoryView(row: CategoryRow): CategoryView {
  return { id: row.id, slug: row.slug, name: row.name, parentId: row.parent_id, position: row.position };
}

export const categoryNotFound = () =>
  new AppError('not_found', 'No such category in this store.', { code: 'category_not_found' });

export const unknownParent = () =>
  new AppError('validation', 'The parent category does not exist in this store.', {
    code: 'validation_failed',
    errors: [{ path: 'parentId', message: "is not one of this store's categories" }],
  });

/** Rows (siblings already in display order) into a forest. */
export function toTree(rows: readonly CategoryRow[]): CategoryNode[] {
  const nodes = new Map(rows.map((r) => [r.id, { ...toCategoryView(r), children: [] as CategoryNode[] }]));
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
