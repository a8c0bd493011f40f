import type { Ctx } from '@fleet/context';
import { newId } from '@fleet/db';
import { AppError } from '@fleet/errors';
import {
  chunkAt,
  findExport,
  insertExport,
  listExports,
  type ExportRow,
} from '../data-access/tenant-export.repository';
import { findLifecycle } from '../data-access/tenant-lifecycle.repository';
import type { RegistryDeps } from './registry-deps';

/** An export as the API shows it (contract: `TenantExport` in libs/api-contract). */
export interface TenantExportView {
  id: string;
  tenantId: string;
  status: ExportRow['status'];
  requestedBy: string;
  progress: { tablesDone: number; tablesTotal: number; currentTable: string | null };
  sizeBytes: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

function view(tenantId: string, row: ExportRow): TenantExportView {
  return {
    id: row.id,
    tenantId,
    status: row.status,
    requestedBy: row.requested_by,
    progress: { tablesDone: row.tables_done, tablesTotal: row.tables_total, currentTable: row.current_table },
    sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
    error: row.error,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
  };
}

const exportNotFound = () => new AppError('not_found', 'No such export.', { code: 'export_not_found' });

/** Queues an archive of all of the tenant's data; the job fills in progress. */
export async function requestExport(
  ctx: Ctx,
  deps: RegistryDeps,
  tenantId: string,
): Promise<TenantExportView> {
  if (!deps.lifecycle) {
    throw new AppError('unavailable', 'Tenant lifecycle jobs are not running.', {
      code: 'lifecycle_unavailable',
    });
  }
  const requestedBy = `${ctx.actor?.kind ?? 'unknown'}:${ctx.actor?.id ?? ''}`;
  const row = await deps.db.withTenant({ ...ctx, tenantId }, async (tx) => {
    if (!(await findLifecycle(tx, tenantId))) {
      throw new AppError('not_found', 'No such tenant.', { code: 'tenant_not_found' });
    }
    return insertExport(tx, tenantId, newId('exp'), requestedBy);
  });
  await deps.lifecycle.enqueueExport(tenantId, row.id);
  return view(tenantId, row);
}

export async function getExport(
  ctx: Ctx,
  deps: RegistryDeps,
  tenantId: string,
  id: string,
): Promise<TenantExportView> {
  const row = await deps.db.readAsTenant({ ...ctx, tenantId }, (tx) => findExport(tx, id));
  if (!row) throw exportNotFound();
  return view(tenantId, row);
}

export async function listTenantExports(
  ctx: Ctx,
  deps: RegistryDeps,
  tenantId: string,
): Promise<{ items: TenantExportView[] }> {
  const rows = await deps.db.readAsTenant({ ...ctx, tenantId }, (tx) => listExports(tx));
  return { items: rows.map((r) => view(tenantId, r)) };
}

/**
 * A finished export's archive, chunk by chunk (one row at a time: memory stays at one chunk
 * however large the archive). 404 unless the export exists and is done.
 */
export async function openArchive(
  ctx: Ctx,
  deps: RegistryDeps,
  tenantId: string,
  id: string,
): Promise<{ sizeBytes: number; chunks: () => AsyncGenerator<Buffer> }> {
  const scope = { ...ctx, tenantId };
  const row = await deps.db.readAsTenant(scope, (tx) => findExport(tx, id));
  if (!row || row.status !== 'done') throw exportNotFound();
  return {
    sizeBytes: Number(row.size_bytes ?? 0),
    async *chunks() {
      for (let seq = 0; ; seq++) {
        const chunk = await deps.db.readAsTenant(scope, (tx) => chunkAt(tx, id, seq));
        if (!chunk) return;
        yield chunk.data;
      }
    },
  };
}
