import { z } from 'zod';
import { timestamp } from './common';
import { operations } from './operation';
import { tenant, tenantIdParams } from './registry';

/**
 * Tenant export and purge (docs/tenancy.md, "Tenant lifecycle"): a platform admin exports, deletes
 * and restores any tenant from the console; a store's owner exports their own store from the admin.
 */

export const exportIdParams = z.strictObject({
  exportId: z.string().regex(/^exp_[0-9a-z]{26}$/, 'is not an export id'),
});
export const tenantExportParams = tenantIdParams.extend(exportIdParams.shape);

export const tenantExport = z.looseObject({
  id: z.string(),
  tenantId: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  requestedBy: z.string(),
  progress: z.object({ tablesDone: z.int(), tablesTotal: z.int(), currentTable: z.string().nullable() }),
  sizeBytes: z.int().nullable(),
  error: z.string().nullable(),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
});

export const tenantExportList = z.object({ items: z.array(tenantExport) });

export const tenantDeletion = z.looseObject({
  tenant: tenant.extend({ status: z.enum(['active', 'suspended', 'deleted']) }),
  purgeAfter: timestamp.nullable(),
});

const tenants = ['Console: tenants'];
const platform = { door: 'console', auth: 'platform_admin', tags: tenants } as const;
const owner = { door: 'store', auth: 'staff', tags: ['Admin: store data'] } as const;
const archive = {
  method: 'get',
  status: 200,
  response: z.string(),
  responseType: 'application/gzip',
  errors: [400, 404],
} as const;

const deletion = (method: 'post' | 'delete', path: string, summary: string) =>
  ({
    ...platform,
    method,
    path,
    summary,
    description:
      'The store goes offline at once (its hosts stop resolving); after the grace period every service purges its data and the slug and domains are free again. Restore is possible until then.',
    params: tenantIdParams,
    status: 202,
    response: tenantDeletion,
    errors: [400, 404, 503],
  }) as const;

export const tenantLifecycleOperations = operations({
  requestTenantExport: {
    ...platform,
    method: 'post',
    path: '/api/platform/tenants/{id}/exports',
    summary: 'Request an archive of all of a tenant’s data (built by a background job)',
    params: tenantIdParams,
    bodyOptional: true,
    status: 202,
    response: tenantExport,
    errors: [400, 404, 503],
  },
  listTenantExports: {
    ...platform,
    method: 'get',
    path: '/api/platform/tenants/{id}/exports',
    summary: 'A tenant’s recent exports, newest first',
    params: tenantIdParams,
    status: 200,
    response: tenantExportList,
    errors: [400],
  },
  getTenantExport: {
    ...platform,
    method: 'get',
    path: '/api/platform/tenants/{id}/exports/{exportId}',
    summary: 'An export and its progress',
    params: tenantExportParams,
    status: 200,
    response: tenantExport,
    errors: [400, 404],
  },
  downloadTenantExport: {
    ...platform,
    ...archive,
    path: '/api/platform/tenants/{id}/exports/{exportId}/archive',
    summary: 'A finished export’s archive (tar.gz: manifest.json and <service>/<table>.ndjson)',
    params: tenantExportParams,
  },
  deleteTenant: deletion(
    'post',
    '/api/platform/tenants/{id}/delete',
    'Soft-delete a store (purged after the grace period)',
  ),
  deleteTenantByMethod: deletion(
    'delete',
    '/api/platform/tenants/{id}',
    'Soft-delete a store (the same as POST …/delete)',
  ),
  restoreTenant: {
    ...platform,
    method: 'post',
    path: '/api/platform/tenants/{id}/restore',
    summary: 'Restore a soft-deleted store within the grace period',
    params: tenantIdParams,
    bodyOptional: true,
    status: 200,
    response: tenantDeletion,
    errors: [400, 404, 409, 503],
  },
  requestStoreExport: {
    ...owner,
    method: 'post',
    path: '/api/admin/store/exports',
    summary: 'Request an archive of all of this store’s data (owner only)',
    bodyOptional: true,
    status: 202,
    response: tenantExport,
    errors: [403, 503],
  },
  listStoreExports: {
    ...owner,
    method: 'get',
    path: '/api/admin/store/exports',
    summary: 'This store’s recent exports (owner only)',
    status: 200,
    response: tenantExportList,
    errors: [403],
  },
  getStoreExport: {
    ...owner,
    method: 'get',
    path: '/api/admin/store/exports/{exportId}',
    summary: 'One of this store’s exports and its progress (owner only)',
    params: exportIdParams,
    status: 200,
    response: tenantExport,
    errors: [400, 403, 404],
  },
  downloadStoreExport: {
    ...owner,
    ...archive,
    path: '/api/admin/store/exports/{exportId}/archive',
    summary: 'A finished export’s archive (owner only)',
    params: exportIdParams,
    errors: [400, 403, 404],
  },
});

export type TenantExport = z.infer<typeof tenantExport>;
export type TenantDeletion = z.infer<typeof tenantDeletion>;
