import { Router } from 'express';
import type { Category } from '../data-access/catalog.client';
import { formatMoney } from '../domain/money';
import { hitToCard } from '../domain/product-view';
import type { StorefrontDeps } from '../domain/storefront-deps';
import { sendStorePage } from './render';
import { navCategories, shopOf } from './shop';

const PAGE_SIZE = 12;
/** search's fixed buckets over a product's lowest price (minor units); keys are its API. */
const BUCKETS: Array<[string, number, number | null]> = [
  ['0-1000', 0, 1000],
  ['1000-2500', 1000, 2500],
  ['2500-5000', 2500, 5000],
  ['5000-10000', 5000, 10000],
  ['10000-25000', 10000, 25000],
  ['25000+', 25000, null],
];
const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

/** Search with facets: typo tolerance is the search service's; the page links each facet. */
export function searchRoutes(deps: StorefrontDeps): Router {
  const router = Router();
  router.get('/search', async (req, res) => {
    const shop = shopOf(res);
    const q = str(req.query.q, 200).trim();
    const category = /^[A-Za-z0-9_-]{1,64}$/.test(str(req.query.category, 64))
      ? str(req.query.category, 64)
      : '';
    const priceBucket = BUCKETS.some(([k]) => k === req.query.priceBucket)
      ? String(req.query.priceBucket)
      : '';
    const available =
      req.query.available === 'true' ? 'true' : req.query.available === 'false' ? 'false' : '';
    const page = Math.min(50, Math.max(1, Number.parseInt(str(req.query.page, 3), 10) || 1));
    const performed = q.length > 0 || Boolean(category || priceBucket || available);
    let result = null;
    if (performed) {
      const answer = await deps.search.search(shop.call, {
        q,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
        category: category || undefined,
        priceBucket: priceBucket || undefined,
        available: available ? available === 'true' : undefined,
      });
      result = answer.status === 200 ? answer.body : null;
    }
    const current = { q, category, priceBucket, available };
    const url = (change: Partial<typeof current> & { page?: number }) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries({ ...current, ...change }))
        if (value) params.set(key, String(value));
      return `/search?${params}`;
    };
    const names = categoryNames(await navCategories(deps, shop));
    const facet = (key: keyof typeof current, value: string, label: string, count: number) => ({
      label,
      count,
      active: current[key] === value,
      url: url({ [key]: current[key] === value ? '' : value, page: 1 }),
    });
    const money = (minor: number) => formatMoney(minor, shop.info.currency);
    const total = result?.estimatedTotal ?? 0;
    await sendStorePage(deps, req, res, {
      template: 'search',
      data: {
        search: {
          performed,
          terms: q,
          total,
          results: result?.hits.map(hitToCard) ?? [],
          categories: Object.entries(result?.facets.category ?? {})
            .filter(([, n]) => n > 0)
            .map(([id, n]) => facet('category', id, names.get(id) ?? id, n)),
          prices: BUCKETS.filter(([k]) => (result?.facets.priceBucket[k] ?? 0) > 0).map(([k, lo, hi]) =>
            facet(
              'priceBucket',
              k,
              hi === null ? `${money(lo)} and up` : `${money(lo)} to ${money(hi)}`,
              result?.facets.priceBucket[k] ?? 0,
            ),
          ),
          availability: [
            facet('available', 'true', 'In stock', result?.facets.availability.in_stock ?? 0),
            facet('available', 'false', 'Sold out', result?.facets.availability.out_of_stock ?? 0),
          ].filter((f) => f.count > 0 || f.active),
          clear_url:
            category || priceBucket || available
              ? url({ category: '', priceBucket: '', available: '' })
              : null,
          next_url: page * PAGE_SIZE < total ? url({ page: page + 1 }) : null,
          prev_url: page > 1 ? url({ page: page - 1 }) : null,
        },
      },
      meta: {
        title: q ? `Search: ${q} | ${shop.info.name}` : `Search | ${shop.info.name}`,
        canonical: '/search',
        robots: 'noindex, follow',
      },
    });
  });
  return router;
}

function categoryNames(tree: readonly Category[], out = new Map<string, string>()): Map<string, string> {
  for (const c of tree) {
    out.set(c.id, c.name);
    categoryNames(c.children ?? [], out);
  }
  return out;
}
