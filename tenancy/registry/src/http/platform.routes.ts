import { Router } from 'express';
import { parseBody, parseParams, parseQuery } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import { z } from 'zod';
import { changeTenant } from '../domain/change-tenant-status';
import { listTenantsPage } from '../domain/list-tenants';
import { provisionTenant } from '../domain/provision-tenant';
import type { RegistryDeps } from '../domain/registry-deps';
import { tenantDetail } from '../domain/tenant-detail';
import { assertPlatformAdmin } from './guards';
import { changeTenantBody, tenantIdParams } from './schemas';

const listQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: z.enum(['active', 'suspended']).optional(),
  plan: z.enum(['free', 'basic', 'pro', 'enterprise']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});

const provisionBody = z.strictObject({
  storeName: z.string().trim().min(1).max(120),
  slug: z.string().min(1).max(64),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as US'),
  plan: z.enum(['free', 'basic', 'pro', 'enterprise']).optional(),
});

/** Why a store is suspended or resumed: carried by the tenant event (the console asks for it). */
const statusChangeBody = z
  .strictObject({ reason: z.string().trim().min(1, 'is required').max(500).optional() })
  .optional();

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
