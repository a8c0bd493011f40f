import { Router } from 'express';
import { parseParams } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import { getReindexStatus, requestReindex } from '../domain/request-reindex';
import type { SearchDeps } from '../domain/search-deps';
import { jobParams } from './schemas';

/** Reindexing, for the platform (services and platform admins) only. */
export function internalRoutes(deps: SearchDeps): Router {
  const router = Router();

  router.post('/internal/reindex', async (_req, res) => {
    const status = await requestReindex(requestCtx(res), deps);
    res.status(202).json(status);
  });

  router.get('/internal/reindex/:jobId', async (req, res) => {
    const { jobId } = parseParams(jobParams, req);
    res.json(await getReindexStatus(requestCtx(res), deps, jobId));
  });

  return router;
}
