import { Router } from 'express';
import { parseBody, parseParams, parseQuery } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import { changeTenant } from '../domain/change-tenant-status';
import { listTenantsPage } from '../domain/list-tenants';
import { provisionTenant } from '../domain/provision-tenant';
import type { RegistryDeps } from '../domain/registry-deps';
import { tenantDetail } from '../domain/tenant-detail';
import { assertPlatformAdmin } from './guards';
import {
  changeTenantBody,
  provisionTenantBody as provisionBody,
  tenantIdParams,
  tenantListQuery as listQuery,
  tenantStatusChangeBody as statusChangeBody,
} from './schemas';

/** The tenant console's API (`console.` host, platform-admin tokens only). */
export function platformRoutes(deps: RegistryDeps): Router {
  const router = Router();
  router.use('/api/platform/tenants', (_req, res, next) => {
    assertPlatformAdmin(requestCtx(res));
    next();
  });

  router.get('/api/platform/tenants', async (req, res) => {
    res.json(await listTenantsPage(requestCtx(res), deps, parseQuery(listQuery, req)));
  });

  router.post('/api/platform/tenants', async (req, res) => {
    const { storeName, ...body } = parseBody(provisionBody, req);
    const key = req.header('idempotency-key');
    const result = await provisionTenant(requestCtx(res), deps, {
      ...body,
      name: storeName,
      provisionKey: key ? `console:${key.slice(0, 200)}` : undefined,
    });
    res.status(result.created ? 201 : 200).json(result.tenant);
  });

  router.get('/api/platform/tenants/:id', async (req, res) => {
    const { id } = parseParams(tenantIdParams, req);
    res.json(await tenantDetail(requestCtx(res), deps, id));
  });

  router.patch('/api/platform/tenants/:id', async (req, res) => {
    const { id } = parseParams(tenantIdParams, req);
    res.json(await changeTenant(requestCtx(res), deps, id, parseBody(changeTenantBody, req)));
  });

  for (const [action, status] of [
    ['suspend', 'suspended'],
    ['resume', 'active'],
  ] as const) {
    router.post(`/api/platform/tenants/:id/${action}`, async (req, res) => {
      const { id } = parseParams(tenantIdParams, req);
      const { reason } = parseBody(statusChangeBody, req) ?? {};
      res.json(await changeTenant(requestCtx(res), deps, id, { status, reason }));
    });
  }
  return router;
}
