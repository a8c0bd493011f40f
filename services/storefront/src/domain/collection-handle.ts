import type { Category, Collection } from '../data-access/catalog.client';

/** What a `/collections/{handle}` page lists. */
export type Listing =
  { kind: 'all' } | { kind: 'category'; category: Category } | { kind: 'collection'; collection: Collection };

/**
 * Resolves a handle in this order: `all`, a category's slug (at any depth), a collection's slug;
 * undefined for anything else. Catalog keeps slugs unique per kind only, so a category and a
 * collection may share one: the category wins (it is the store's navigation), and such a
 * collection has no page of its own (see `reachableCollections`).
 */
export function resolveListing(
  handle: string,
  categories: readonly Category[],
  collections: readonly Collection[],
): Listing | undefined {
  if (handle === 'all') return { kind: 'all' };
  const category = findCategory(categories, handle);
  if (category) return { kind: 'category', category };
  const collection = collections.find((c) => c.slug === handle);
  return collection ? { kind: 'collection', collection } : undefined;
}

/** The collections that have a page: none shadowed by `all` or by a category's slug. */
export function reachableCollections(
  categories: readonly Category[],
  collections: readonly Collection[],
): Collection[] {
  const taken = new Set(['all']);
  const walk = (tree: readonly Category[]) => {
    for (const c of tree) {
      taken.add(c.slug);
      walk(c.children ?? []);
    }
  };
  walk(categories);
  return collections.filter((c) => !taken.has(c.slug));
}

/**
 * The home's featured collection among the reachable ones: the one the `featured_collection`
 * setting names by handle, else (unset, or naming none of them) the store's first; none when the
 * store has no collection.
 */
export function featuredCollection(
  setting: unknown,
  reachable: readonly Collection[],
): Collection | undefined {
  const named =
    typeof setting === 'string' && setting ? reachable.find((c) => c.slug === setting) : undefined;
  return named ?? reachable[0];
}

export function findCategory(tree: readonly Category[], handle: string): Category | undefined {
  for (const c of tree) {
    if (c.slug === handle) return c;
    const inner = findCategory(c.children ?? [], handle);
    if (inner) return inner;
  }
  return undefined;
}
