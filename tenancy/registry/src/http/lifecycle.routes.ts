import { Router, type Response } from 'express';
import { exportIdParams, tenantExportParams } from '@fleet/api-contract';
import type { Ctx, TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { parseParams } from '@fleet/http';
import { requestCtx, staffCtx } from '@fleet/tenancy';
import { deleteTenant, restoreTenant } from '../domain/delete-tenant';
import type { RegistryDeps } from '../domain/registry-deps';
import { getExport, listTenantExports, openArchive, requestExport } from '../domain/tenant-exports';
import { assertPlatformAdmin } from './guards';
import { tenantIdParams } from './schemas';

/** Only the store's owner exports its data from the admin: an archive holds every customer. */
function ownerCtx(res: Response): TenantCtx {
  const ctx = staffCtx(res);
  if (!ctx.actor?.roles?.includes('owner')) {
    throw new AppError('forbidden', 'Only the store owner may export the store’s data.', {
      code: 'owner_only',
    });
  }
  return ctx;
}

function platformCtx(res: Response): Ctx {
  const ctx = requestCtx(res);
  assertPlatformAdmin(ctx);
  return ctx;
}

async function sendArchive(
  deps: RegistryDeps,
  ctx: Ctx,
  res: Response,
  tenantId: string,
  exportId: string,
): Promise<void> {
  const archive = await openArchive(ctx, deps, tenantId, exportId);
  res.status(200);
  res.setHeader('content-type', 'application/gzip');
  res.setHeader('content-length', String(archive.sizeBytes));
  res.setHeader('content-disposition', `attachment; filename="${tenantId}-${exportId}.tar.gz"`);
  res.setHeader('cache-control', 'no-store');
  try {
    for await (const chunk of archive.chunks()) {
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  } catch (err) {
    res.destroy(err as Error);
  }
}

/** Export, delete and restore (console), and the owner's export of their own store (admin). */
export function lifecycleRoutes(deps: RegistryDeps): Router {
  const router = Router();

  router.post('/api/platform/tenants/:id/exports', async (req, res) => {
    const ctx = platformCtx(res);
    const { id } = parseParams(tenantIdParams, req);
    res.status(202).json(await requestExport(ctx, deps, id));
  });
  router.get('/api/platform/tenants/:id/exports', async (req, res) => {
    const ctx = platformCtx(res);
    const { id } = parseParams(tenantIdParams, req);
    res.json(await listTenantExports(ctx, deps, id));
  });
  router.get('/api/platform/tenants/:id/exports/:exportId', async (req, res) => {
    const ctx = platformCtx(res);
    const { id, exportId } = parseParams(tenantExportParams, req);
    res.json(await getExport(ctx, deps, id, exportId));
  });
  router.get('/api/platform/tenants/:id/exports/:exportId/archive', async (req, res) => {
    const ctx = platformCtx(res);
    const { id, exportId } = parseParams(tenantExportParams, req);
    await sendArchive(deps, ctx, res, id, exportId);
  });

  const softDelete = async (req: Parameters<Parameters<Router['post']>[1]>[0], res: Response) => {
    const ctx = platformCtx(res);
    const { id } = parseParams(tenantIdParams, req);
    res.status(202).json(await deleteTenant(ctx, deps, id));
  };
  router.post('/api/platform/tenants/:id/delete', softDelete);
  router.delete('/api/platform/tenants/:id', softDelete);
  router.post('/api/platform/tenants/:id/restore', async (req, res) => {
    const ctx = platformCtx(res);
    const { id } = parseParams(tenantIdParams, req);
    res.json(await restoreTenant(ctx, deps, id));
  });

  router.use('/api/admin/store/exports', (_req, res, next) => {
    ownerCtx(res);
    next();
  });
  router.post('/api/admin/store/exports', async (_req, res) => {
    const ctx = ownerCtx(res);
    res.status(202).json(await requestExport(ctx, deps, ctx.tenantId));
  });
  router.get('/api/admin/store/exports', async (_req, res) => {
    const ctx = ownerCtx(res);
    res.json(await listTenantExports(ctx, deps, ctx.tenantId));
  });
  router.get('/api/admin/store/exports/:exportId', async (req, res) => {
    const ctx = ownerCtx(res);
    const { exportId } = parseParams(exportIdParams, req);
    res.json(await getExport(ctx, deps, ctx.tenantId, exportId));
  });
  router.get('/api/admin/store/exports/:exportId/archive', async (req, res) => {
    const ctx = ownerCtx(res);
    const { exportId } = parseParams(exportIdParams, req);
    await sendArchive(deps, ctx, res, ctx.tenantId, exportId);
  });
  return router;
}
