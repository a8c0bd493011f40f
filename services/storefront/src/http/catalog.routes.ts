import { Router, type Request, type Response } from 'express';
import { formatMoney } from '../domain/money';
import { productJsonLd, toProductPage } from '../domain/product-view';
import type { StorefrontDeps } from '../domain/storefront-deps';
import { collectionPage } from './collection-page';
import { homePage } from './home-page';
import { productExtras } from './product-extras';
import { sendCatalogPage, sendStorePage } from './render';
import { shopOf } from './shop';

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

/** Home, category and collection listings, and product pages: shared, cached. */
export function catalogRoutes(deps: StorefrontDeps): Router {
  const router = Router();

  router.get('/', (req, res) =>
    sendCatalogPage(
      deps,
      req,
      res,
      () => homePage(deps, shopOf(res)),
      () => sendStoreNotFound(deps, req, res),
    ),
  );

  router.get('/collections/:handle', (req, res) =>
    sendCatalogPage(
      deps,
      req,
      res,
      () => collectionPage(deps, req, res),
      () =>
        sendStoreNotFound(
          deps,
          req,
          res,
          'Collection not found',
          'This store has no such category or collection.',
        ),
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
