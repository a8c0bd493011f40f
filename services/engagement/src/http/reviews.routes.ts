import { Router } from 'express';
import { reviewBody, reviewListQuery, reviewProductParams } from '@fleet/api-contract';
import { parseBody, parseParams, parseQuery } from '@fleet/http';
import type { EngagementDeps } from '../domain/engagement-deps';
import { productReviews } from '../domain/list-reviews';
import { writeReview } from '../domain/write-review';
import { storeCtx } from './guards';

/** `/api/store/products/{id}/reviews`: anyone reads; a signed-in customer writes one. */
export function reviewRoutes(deps: EngagementDeps): Router {
  const router = Router();
  router.get('/api/store/products/:id/reviews', async (req, res) => {
    const ctx = storeCtx(res);
    const { id } = parseParams(reviewProductParams, req);
    res.json(await productReviews(ctx, deps, id, parseQuery(reviewListQuery, req)));
  });
  router.post('/api/store/products/:id/reviews', async (req, res) => {
    const ctx = storeCtx(res);
    const { id } = parseParams(reviewProductParams, req);
    res.status(201).json(await writeReview(ctx, deps, id, parseBody(reviewBody, req)));
  });
  return router;
}
