import { Router, type Request, type Response } from 'express';
import type { Category } from '../data-access/catalog.client';
import { formatMoney, parseMajorAmount, toMajor } from '../domain/money';
import { productJsonLd, toCard, toProductPage } from '../domain/product-view';
import type { StorefrontDeps } from '../domain/storefront-deps';
import { productExtras } from './product-extras';
import { sendCatalogPage, sendStorePage, type Page } from './render';
import { navCategories, shopOf } from './shop';

const SORTS = [
  { value: 'newest', label: 'Newest' },
  { value: 'price_asc', label: 'Price, low to high' },
  { value: 'price_desc', label: 'Price, high to low' },
] as const;
type Sort = (typeof SORTS)[number]['value'];

const PAGE_SIZE = 12;
const one = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A friendly 404 in the store's theme. */
export function sendStoreNotFound(
  deps: StorefrontDeps,
  req: Request,
  res: Response,
  title?: string,
  detail?: string,
) {
  return sendStorePage(deps, req, res, {
    template: '404',
    status: 404,
    data: { not_found: { title, detail } },
    meta: { title: `${title ?? 'Page not found'} | ${shopOf(res).info.name}`, robots: 'noindex' },
  });
}

/** Home, categories (with filters, sort and cursor paging) and product pages: shared, cached. */
export function catalogRoutes(deps: StorefrontDeps): Router {
  const router = Router();

  router.get('/', (req, res) =>
    sendCatalogPage(
      deps,
      req,
      res,
      async () => {
        const shop = shopOf(res);
        const count = Number(shop.settings.featured_count) || 8;
        const list = await deps.catalog.products(shop.call, { limit: count, sort: 'newest' });
        return {
          template: 'index',
          data: { featured: list.status === 200 ? list.body.items.map(toCard) : [] },
          meta: {
            title: shop.info.name,
            description: `${shop.info.name}: ${String(shop.settings.hero_text ?? 'shop online')}`,
            canonical: '/',
          },
        };
      },
      () => sendStoreNotFound(deps, req, res),
    ),
  );

  router.get('/collections/:handle', (req, res) =>
    sendCatalogPage(
      deps,
      req,
      res,
      () => collectionPage(deps, req, res),
      () => sendStoreNotFound(deps, req, res, 'Category not found', 'This store has no such category.'),
    ),
  );

  router.get('/products/:slug', (req, res) =>
    sendCatalogPage(
      deps,
      req,
      res,
      async () => {
        const shop = shopOf(res);
        const product = await deps.catalog.product(shop.call, req.params.slug as string);
        if (!product) return null;
        const view = toProductPage(product, req.query.variant);
        const extras = await productExtras(deps, shop, product.id, req.query.done);
        const price = view.selected_variant
          ? formatMoney(view.selected_variant.price, view.selected_variant.currency)
          : '';
        return {
          template: 'product',
          data: { ...view, ...extras },
          meta: {
            title: `${product.seo?.title || product.title} | ${shop.info.name}`,
            description: (
              product.seo?.description ||
              product.description ||
              `${product.title}, ${price}`
            ).slice(0, 160),
            canonical: `/products/${product.slug}`,
            jsonLd: productJsonLd(product, shop.origin, shop.info.name),
          },
        };
      },
      () =>
        sendStoreNotFound(
          deps,
          req,
          res,
          'Product not found',
          'This product is not (or no longer) in the store.',
        ),
    ),
  );

  return router;
}

async function collectionPage(deps: StorefrontDeps, req: Request, res: Response): Promise<Page | null> {
  const shop = shopOf(res);
  const handle = req.params.handle as string;
  let category: Category | undefined;
  if (handle !== 'all') {
    category = findCategory(await navCategories(deps, shop), handle);
    if (!category) return null;
  }
  const currency = shop.info.currency;
  const min = parseMajorAmount(one(req.query.min), currency);
  const max = parseMajorAmount(one(req.query.max), currency);
  const badPrice = (one(req.query.min) && min === undefined) || (one(req.query.max) && max === undefined);
  const sort: Sort = SORTS.some((s) => s.value === req.query.sort) ? (req.query.sort as Sort) : 'newest';
  const available = req.query.available === 'true';
  const asked = one(req.query.cursor);
  const query = {
    category: category?.id,
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
  const title = category?.name ?? 'All products';
  return {
    template: 'collection',
    data: {
      collection: { title, handle },
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
      description: `${title} at ${shop.info.name}.`,
      canonical: path,
      robots: asked || base.size ? 'noindex, follow' : undefined,
    },
  };
}

function findCategory(tree: readonly Category[], handle: string): Category | undefined {
  for (const c of tree) {
    if (c.slug === handle) return c;
    const inner = findCategory(c.children ?? [], handle);
    if (inner) return inner;
  }
  return undefined;
}
