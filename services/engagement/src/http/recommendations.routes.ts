import { Router } from 'express';
import { recommendationQuery, reviewProductParams } from '@fleet/api-contract';
import { parseParams, parseQuery } from '@fleet/http';
import type { EngagementDeps } from '../domain/engagement-deps';
import { recommend } from '../domain/recommend';
import { storeCtx } from './guards';

/** `/api/store/products/{id}/recommendations`: anyone on the store's host. */
export function recommendationRoutes(deps: EngagementDeps): Router {
  const router = Router();
  router.get('/api/store/products/:id/recommendations', async (req, res) => {
    const ctx = storeCtx(res);
    const { id } = parseParams(reviewProductParams, req);
    const { limit } = parseQuery(recommendationQuery, req);
    res.json(await recommend(ctx, deps, id, limit));
  });
  return router;
}
