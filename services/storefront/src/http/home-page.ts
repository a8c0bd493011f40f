import { featuredCollection, reachableCollections } from '../domain/collection-handle';
import { toCard } from '../domain/product-view';
import type { StorefrontDeps } from '../domain/storefront-deps';
import type { Page } from './render';
import { navCategories, storeCollections, type Shop } from './shop';

/** Collections linked from the home's chips, in creation order. */
const HOME_COLLECTION_CHIPS = 24;

/**
 * The home: hero, chips to the categories and collections, and the featured section: the
 * featured collection's products under its title (the `featured_collection` setting, else the
 * store's first collection), or the newest products when there is no such collection or it has
 * no product to show.
 */
export async function homePage(deps: StorefrontDeps, shop: Shop): Promise<Page> {
  const count = Number(shop.settings.featured_count) || 8;
  const [categories, all] = await Promise.all([navCategories(deps, shop), storeCollections(deps, shop)]);
  const collections = reachableCollections(categories, all);
  let chosen = featuredCollection(shop.settings.featured_collection, collections);
  let list = chosen
    ? await deps.catalog.products(shop.call, { collection: chosen.id, limit: count, sort: 'newest' })
    : undefined;
  if (list?.status !== 200 || list.body.items.length === 0) {
    chosen = undefined;
    list = await deps.catalog.products(shop.call, { limit: count, sort: 'newest' });
  }
  return {
    template: 'index',
    data: {
      featured: list.status === 200 ? list.body.items.map(toCard) : [],
      featured_collection: chosen ? { title: chosen.title, handle: chosen.slug } : null,
      collections: collections
        .slice(0, HOME_COLLECTION_CHIPS)
        .map((c) => ({ title: c.title, handle: c.slug })),
    },
    meta: {
      title: shop.info.name,
      description: `${shop.info.name}: ${String(shop.settings.hero_text ?? 'shop online')}`,
      canonical: '/',
    },
  };
}
