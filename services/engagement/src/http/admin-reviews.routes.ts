import { Router } from 'express';
import { adminReviewQuery, emptyBody, idParams, replyBody } from '@fleet/api-contract';
import { parseBody, parseParams, parseQuery } from '@fleet/http';
import type { EngagementDeps } from '../domain/engagement-deps';
import { moderationList } from '../domain/list-reviews';
import { moderateReview } from '../domain/moderate-review';
import { guard, staffCtx } from './guards';

/** `/api/admin/reviews`: the merchant's moderation (staff of this store only). */
export function adminReviewRoutes(deps: EngagementDeps): Router {
  const router = Router();
  router.use('/api/admin/reviews', guard(staffCtx));

  router.get('/api/admin/reviews', async (req, res) => {
    res.json(await moderationList(staffCtx(res), deps, parseQuery(adminReviewQuery, req)));
  });
  for (const action of ['hide', 'unhide'] as const) {
    router.post(`/api/admin/reviews/:id/${action}`, async (req, res) => {
      parseBody(emptyBody, req);
      const { id } = parseParams(idParams, req);
      res.json(await moderateReview(staffCtx(res), deps, id, { action }));
    });
  }
  router.post('/api/admin/reviews/:id/reply', async (req, res) => {
    const { id } = parseParams(idParams, req);
    const { body } = parseBody(replyBody, req);
    res.json(await moderateReview(staffCtx(res), deps, id, { action: 'reply', body }));
  });
  return router;
}
