import { Router } from 'express';
import { parseBody, parseParams } from '@fleet/http';
import { AppError } from '@fleet/errors';
import { requestCtx } from '@fleet/tenancy';
import { z } from 'zod';
import { changeTenant } from '../domain/change-tenant-status';
import { provisionTenant } from '../domain/provision-tenant';
import type { RegistryDeps } from '../domain/registry-deps';
import { resolveHost } from '../domain/resolve-host';
import { assertServiceCaller } from './guards';
import { changeTenantBody, provisionBody, tenantIdParams } from './schemas';

const hostParams = z.strictObject({ host: z.string().min(1).max(253) });
const idempotencyKey = z.string().min(1).max(200).optional();

/** The registry's internal API: host resolution and tenant lifecycle, for other services only. */
export function internalRoutes(deps: RegistryDeps): Router {
  const router = Router();

  router.use('/internal', (_req, res, next) => {
    assertServiceCaller(requestCtx(res));
    next();
  });

  router.get('/internal/hosts/:host', async (req, res) => {
    const { host } = parseParams(hostParams, req);
    const tenant = await resolveHost(deps, host);
    if (!tenant) throw new AppError('not_found', 'No tenant serves this host.', { code: 'host_not_found' });
    res.json(tenant);
  });

  router.post('/internal/tenants', async (req, res) => {
    const body = parseBody(provisionBody, req);
    const key = idempotencyKey.safeParse(req.header('idempotency-key'));
    const result = await provisionTenant(requestCtx(res), deps, {
      ...body,
      provisionKey: key.success ? key.data : undefined,
    });
    res.status(result.created ? 201 : 200).json(result.tenant);
  });

  router.patch('/internal/tenants/:id', async (req, res) => {
    const { id } = parseParams(tenantIdParams, req);
    const { plan } = parseBody(changeTenantBody, req);
    res.json(await changeTenant(requestCtx(res), deps, id, { plan }));
  });

  for (const [action, status] of [
    ['suspend', 'suspended'],
    ['resume', 'active'],
  ] as const) {
    router.post(`/internal/tenants/:id/${action}`, async (req, res) => {
      const { id } = parseParams(tenantIdParams, req);
      res.json(await changeTenant(requestCtx(res), deps, id, { status }));
    });
  }

  return router;
}
