import { Router } from 'express';
import { parseBody, parseParams } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import { addDomainBody as addBody, domainIdParams as idParams } from '@fleet/api-contract';
import { addDomain, getDomains } from '../domain/custom-domains';
import type { RegistryDeps } from '../domain/registry-deps';
import { removeDomain } from '../domain/remove-domain';
import { verifyDomain } from '../domain/verify-domain';
import { assertStaff } from './guards';

/** Custom domains of the host's store (merchant staff). */
export function domainRoutes(deps: RegistryDeps): Router {
  const router = Router();
  router.use('/api/admin/domains', (_req, res, next) => {
    assertStaff(requestCtx(res));
    next();
  });
  const ctxOf = (res: Parameters<typeof requestCtx>[0]) => {
    const ctx = requestCtx(res);
    assertStaff(ctx);
    return ctx;
  };

  router.post('/api/admin/domains', async (req, res) => {
    const { created, domain } = await addDomain(ctxOf(res), deps, parseBody(addBody, req).hostname);
    res.status(created ? 201 : 200).json(domain);
  });
  router.get('/api/admin/domains', async (_req, res) => {
    res.json({ items: await getDomains(ctxOf(res), deps), nextCursor: null });
  });
  router.post('/api/admin/domains/:id/verify', async (req, res) => {
    res.json(await verifyDomain(ctxOf(res), deps, parseParams(idParams, req).id));
  });
  router.delete('/api/admin/domains/:id', async (req, res) => {
    await removeDomain(ctxOf(res), deps, parseParams(idParams, req).id);
    res.status(204).end();
  });
  return router;
}
