import { Router } from 'express';
import { parseQuery } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import type { SearchDeps } from '../domain/search-deps';
import type { SearchFilters } from '../domain/search-engine';
import { searchProducts } from '../domain/search-products';
import { searchQuery } from './schemas';

/** `GET /api/store/search`: the host's store only, typo tolerant, with facets. */
export function searchRoutes(deps: SearchDeps): Router {
  const router = Router();

  router.get('/api/store/search', async (req, res) => {
    const query = parseQuery(searchQuery, req);
    const filters: SearchFilters = {};
    if (query.category?.length) filters.categoryIds = query.category;
    if (query.available !== undefined) filters.available = query.available;
    if (query.priceBucket !== undefined) filters.priceBucket = query.priceBucket;
    const result = await searchProducts(requestCtx(res), deps, {
      q: query.q,
      limit: query.limit,
      offset: query.offset,
      filters,
    });
    res.json(result);
  });

  return router;
}
