import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';
import type { StorefrontDeps } from '../domain/storefront-deps';
import { setPageSecurityHeaders, type CspAdditions } from './page-csp';
import { hostOf, navCategories, shopOf, type Shop } from './shop';

export { setPageSecurityHeaders };

/**
 * Per-shopper holes in a rendered page: pages are rendered (and cached) with these marks, and
 * each answer fills in the shopper's CSRF token and cart count, so a cached catalog page is
 * shared by every shopper of the store yet its forms carry each one's own token.
 */
export const CSRF_MARK = '__sf_csrf_9f2c__';
export const CART_MARK = '__sf_cart_9f2c__';

export interface PageMeta {
  title: string;
  description?: string;
  /** Path (and query) of the canonical URL on the store's own host; none: no canonical link. */
  canonical?: string;
  robots?: string;
  jsonLd?: unknown;
}

export interface Page {
  template: string;
  data: Record<string, unknown>;
  meta: PageMeta;
  status?: number;
  /** Origins this page adds to its Content-Security-Policy (the payment page's provider). */
  csp?: CspAdditions;
}

/** The store's page through its theme (overrides first, the default when they fail). */
export async function renderStorePage(
  deps: StorefrontDeps,
  shop: Shop,
  page: Page,
  searchTerms = '',
): Promise<string> {
  const categories = await navCategories(deps, shop);
  const data = {
    ...page.data,
    template: page.template,
    page_title: page.meta.title,
    page_description: page.meta.description ?? `Shop ${shop.info.name} online.`,
    canonical_url: page.meta.canonical ? `${shop.origin}${page.meta.canonical}` : undefined,
    robots: page.meta.robots,
    json_ld: page.meta.jsonLd,
    shop: { name: shop.info.name, currency: shop.info.currency, url: shop.origin, test_mode: shop.testMode },
    settings: shop.settings,
    categories,
    search_terms: searchTerms,
    csrf_token: CSRF_MARK,
    cart_count: CART_MARK,
  };
  return deps.themes.render(shop.tenant, shop.stamps?.theme ?? null, page.template, data);
}

/** Renders and sends a personal page (never cached). */
export async function sendStorePage(
  deps: StorefrontDeps,
  req: Request,
  res: Response,
  page: Page,
): Promise<void> {
  const shop = shopOf(res);
  const customer = shop.session.customer;
  const html = await renderStorePage(
    deps,
    shop,
    {
      ...page,
      data: { customer: customer ? { name: customer.name, email: customer.email } : null, ...page.data },
    },
    typeof req.query.q === 'string' ? req.query.q : '',
  );
  sendHtml(req, res, page.status ?? 200, html, { private: true, csp: page.csp });
}

/**
 * A catalog page (home, category, product) that is the same for every shopper: served from the
 * page cache while the store's catalog and theme stamps and its settings are unchanged, else
 * built, rendered and kept. `build` answers null for a 404.
 */
export async function sendCatalogPage(
  deps: StorefrontDeps,
  req: Request,
  res: Response,
  build: () => Promise<Page | null>,
  notFound: () => Promise<void>,
): Promise<void> {
  const shop = shopOf(res);
  const stamps = shop.stamps ? `${shop.stamps.catalog}|${shop.stamps.theme}|${shop.infoVersion}` : null;
  const key = `${shop.tenant.tenantId} ${hostOf(req)} ${req.originalUrl}`;
  if (stamps && deps.pageCache.enabled) {
    const hit = deps.pageCache.get(key, stamps);
    if (hit) {
      res.setHeader('x-page-cache', 'HIT');
      return sendHtml(req, res, hit.status, hit.html, { private: false, shared: !shop.session.personal });
    }
  }
  const page = await build();
  if (!page) return notFound();
  const html = await renderStorePage(deps, shop, page, typeof req.query.q === 'string' ? req.query.q : '');
  const status = page.status ?? 200;
  if (stamps && status === 200) deps.pageCache.set(key, stamps, status, html);
  res.setHeader('x-page-cache', stamps ? 'MISS' : 'BYPASS');
  sendHtml(req, res, status, html, { private: false, shared: !shop.session.personal });
}

/**
 * Fills the holes, compresses when the browser takes gzip, and sends with the page headers. A
 * `shared` page (a catalog page for a visitor without our cookies: no token, an empty cart) may
 * be kept by a shared cache: the gateway keeps such answers under the store's stamps.
 */
export function sendHtml(
  req: Request,
  res: Response,
  status: number,
  html: string,
  opts: { private: boolean; shared?: boolean; formAction?: string; csp?: CspAdditions },
): void {
  const shop = res.locals.shop as Shop | undefined;
  const filled = shop
    ? html
        .replaceAll(CSRF_MARK, shop.session.csrfToken)
        .replaceAll(CART_MARK, String(shop.session.cart?.count ?? 0))
    : html;
  res.status(status);
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader(
    'cache-control',
    opts.private ? 'private, no-store' : opts.shared ? 'no-cache' : 'private, no-cache',
  );
  setPageSecurityHeaders(res, opts.formAction, opts.csp);
  res.setHeader('vary', 'Accept-Encoding, Cookie');
  const accepts = String(req.headers['accept-encoding'] ?? '');
  if (/\bgzip\b/.test(accepts) && filled.length > 1024) {
    res.setHeader('content-encoding', 'gzip');
    res.end(gzipSync(filled, { level: 6 }));
    return;
  }
  res.end(filled);
}
