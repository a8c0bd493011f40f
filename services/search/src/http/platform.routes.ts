import { Router } from 'express';
import { AppError } from '@fleet/errors';
import { parseBody, parseParams } from '@fleet/http';
import { assertPlatformAdmin, requestCtx } from '@fleet/tenancy';
import { getReindexStatus, requestReindex } from '../domain/request-reindex';
import type { SearchDeps } from '../domain/search-deps';
import { reindexBody, reindexParams } from './schemas';

/**
 * A store's reindex from the platform console (`console.` host, platform admins only): start one
 * and watch its progress. The run's job id is the tenant id, so the console asks by tenant.
 */
export function platformRoutes(deps: SearchDeps): Router {
  const router = Router();
  router.use('/api/platform/search', (_req, res, next) => {
    assertPlatformAdmin(requestCtx(res));
    next();
  });

  router.post('/api/platform/search/reindex', async (req, res) => {
    const body = parseBody(reindexBody, req);
    res.status(202).json(await requestReindex({ ...requestCtx(res), tenantId: body.tenantId }, deps));
  });

  router.get('/api/platform/search/reindex/:tenantId', async (req, res) => {
    const params = parseParams(reindexParams, req);
    try {
      res.json(await getReindexStatus(requestCtx(res), deps, params.tenantId));
    } catch (err) {
      if (err instanceof AppError && err.type === 'not_found') {
        throw new AppError('not_found', 'This store has not been reindexed lately.', { code: 'no_reindex' });
      }
      throw err;
    }
  });
  return router;
}
