import type { Request, Response } from 'express';
import { resolveListing, type Listing } from '../domain/collection-handle';
import { parseMajorAmount, toMajor } from '../domain/money';
import { toCard } from '../domain/product-view';
import type { StorefrontDeps } from '../domain/storefront-deps';
import type { Page } from './render';
import { META_DESCRIPTION_MAX, navCategories, shopOf, storeCollections } from './shop';

const SORTS = [
  { value: 'newest', label: 'Newest' },
  { value: 'price_asc', label: 'Price, low to high' },
  { value: 'price_desc', label: 'Price, high to low' },
] as const;
type Sort = (typeof SORTS)[number]['value'];

const PAGE_SIZE = 12;
const one = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * `/collections/{handle}`: all products, a category's or a collection's (see `resolveListing`),
 * with price and availability filters, sort and cursor paging; null (a 404) for an unknown handle.
 */
export async function collectionPage(
  deps: StorefrontDeps,
  req: Request,
  res: Response,
): Promise<Page | null> {
  const shop = shopOf(res);
  const handle = req.params.handle as string;
  const [categories, collections] =
    handle === 'all'
      ? [[], []]
      : await Promise.all([navCategories(deps, shop), storeCollections(deps, shop)]);
  const listing = resolveListing(handle, categories, collections);
  if (!listing) return null;
  const currency = shop.info.currency;
  const min = parseMajorAmount(one(req.query.min), currency);
  const max = parseMajorAmount(one(req.query.max), currency);
  const badPrice = (one(req.query.min) && min === undefined) || (one(req.query.max) && max === undefined);
  const sort: Sort = SORTS.some((s) => s.value === req.query.sort) ? (req.query.sort as Sort) : 'newest';
  const available = req.query.available === 'true';
  const asked = one(req.query.cursor);
  const query = {
    category: listing.kind === 'category' ? listing.category.id : undefined,
    collection: listing.kind === 'collection' ? listing.collection.id : undefined,
    minPrice: min,
    maxPrice: max,
    available: available || undefined,
    sort,
    limit: PAGE_SIZE,
  };
  let cursor = asked && asked.length <= 500 ? asked : undefined;
  let list = await deps.catalog.products(shop.call, { ...query, cursor });
  // A cursor catalog refuses (garbled, or issued for another sort) is a stale link, not a bad
  // price: the shopper gets the first page of the same listing.
  if (list.status === 400 && cursor) {
    cursor = undefined;
    list = await deps.catalog.products(shop.call, query);
  }
  const page = list.status === 200 ? list.body : { items: [], nextCursor: null };
  const base = new URLSearchParams();
  if (min !== undefined) base.set('min', toMajor(min, currency));
  if (max !== undefined) base.set('max', toMajor(max, currency));
  if (available) base.set('available', 'true');
  if (sort !== 'newest') base.set('sort', sort);
  const path = `/collections/${handle}`;
  const withCursor = (c: string) => {
    const q = new URLSearchParams(base);
    q.set('cursor', c);
    return `${path}?${q}`;
  };
  const title = titleOf(listing);
  return {
    template: 'collection',
    data: {
      collection: { title, handle, kind: listing.kind },
      products: page.items.map(toCard),
      filters: {
        min: min === undefined ? (one(req.query.min) ?? '') : toMajor(min, currency),
        max: max === undefined ? (one(req.query.max) ?? '') : toMajor(max, currency),
        available,
        sort,
        error: badPrice || list.status === 400 ? 'Enter prices as numbers, such as 10 or 24.50.' : null,
      },
      sort_options: SORTS,
      paging: {
        next_url: page.nextCursor ? withCursor(page.nextCursor) : null,
        first_url: cursor ? `${path}${base.size ? `?${base}` : ''}` : null,
      },
    },
    meta: {
      title: `${title} | ${shop.info.name}`,
      description: (
        (listing.kind === 'collection' && listing.collection.description.trim()) ||
        `${title} at ${shop.info.name}.`
      ).slice(0, META_DESCRIPTION_MAX),
      canonical: path,
      robots: asked || base.size ? 'noindex, follow' : undefined,
    },
  };
}

function titleOf(listing: Listing): string {
  if (listing.kind === 'category') return listing.category.name;
  if (listing.kind === 'collection') return listing.collection.title;
  return 'All products';
}
