import { Router } from 'express';
import type { Product } from '../data-access/catalog.client';
import { reachableCollections } from '../domain/collection-handle';
import type { StorefrontDeps } from '../domain/storefront-deps';
import { navCategories, shopOf, storeCollections } from './shop';

const MAX_SITEMAP_PRODUCTS = 2_000;
const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Per store, on its own host: robots.txt pointing at its sitemap; the sitemap of its pages. */
export function seoRoutes(deps: StorefrontDeps): Router {
  const router = Router();

  router.get('/robots.txt', (_req, res) => {
    const shop = shopOf(res);
    res.type('text/plain').setHeader('cache-control', 'public, max-age=3600');
    res.send(
      [
        'User-agent: *',
        'Disallow: /checkout',
        'Disallow: /orders/',
        'Disallow: /account',
        'Disallow: /search',
        'Disallow: /api/',
        `Sitemap: ${shop.origin}/sitemap.xml`,
        '',
      ].join('\n'),
    );
  });

  router.get('/sitemap.xml', async (_req, res) => {
    const shop = shopOf(res);
    const urls = ['/', '/collections/all'];
    const walk = (cats: Awaited<ReturnType<typeof navCategories>>) => {
      for (const c of cats) {
        urls.push(`/collections/${c.slug}`);
        walk(c.children ?? []);
      }
    };
    const categories = await navCategories(deps, shop);
    walk(categories);
    for (const c of reachableCollections(categories, await storeCollections(deps, shop))) {
      urls.push(`/collections/${c.slug}`);
    }
    let cursor: string | undefined;
    let products: Product[] = [];
    do {
      const page = await deps.catalog.products(shop.call, { limit: 100, cursor });
      if (page.status !== 200) break;
      products = products.concat(page.body.items);
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor && products.length < MAX_SITEMAP_PRODUCTS);
    const entries = [
      ...urls.map((u) => `<url><loc>${xml(shop.origin + u)}</loc></url>`),
      ...products.map(
        (p) =>
          `<url><loc>${xml(`${shop.origin}/products/${p.slug}`)}</loc>${p.updatedAt ? `<lastmod>${xml(p.updatedAt)}</lastmod>` : ''}</url>`,
      ),
    ];
    res.type('application/xml').setHeader('cache-control', 'public, max-age=600');
    res.send(
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`,
    );
  });
  return router;
}
