import { randomUUID } from 'node:crypto';
import type { TenantCtx } from '@fleet/context';
import type { Db } from '@fleet/db';
import { CONTEXT_HEADER, contextTarget, signContext } from '@fleet/tenancy';
import { exportTable } from './export-table';
import { excludedTables, redactedColumns } from './policy';
import { countTenantRows, purgeTenantRows } from './purge';
import {
  LIFECYCLE_CALLER,
  listing,
  type TenantDataListing,
  type TenantDataOptions,
  type TenantPurgeResult,
} from './routes';
import { discoverTenantTables } from './schema';

/** One service's tenant data as the registry's jobs see it: over HTTP, or in process (its own). */
export interface TenantDataSource {
  service: string;
  tables(tenantId: string): Promise<TenantDataListing>;
  /** The table's NDJSON, whole: an archive entry needs its size before its bytes. */
  table(tenantId: string, table: string): Promise<Buffer>;
  purge(tenantId: string): Promise<TenantPurgeResult>;
}

export function lifecycleCtx(tenantId: string): TenantCtx {
  return { requestId: randomUUID(), tenantId, actor: { kind: 'service', id: LIFECYCLE_CALLER } };
}

/** The registry's own tables, read and purged in its process through the same code. */
export function localTenantDataSource(db: Db, options: TenantDataOptions): TenantDataSource {
  const excluded = excludedTables(options);
  return {
    service: options.service,
    async tables(tenantId) {
      return listing(options, await countTenantRows(db, lifecycleCtx(tenantId)));
    },
    async table(tenantId, name) {
      const ctx = lifecycleCtx(tenantId);
      const table = (await db.readAsTenant(ctx, (tx) => discoverTenantTables(tx))).find(
        (t) => t.name === name,
      );
      if (!table || excluded.has(name)) throw new Error(`${options.service} has no exportable table ${name}`);
      const chunks: Buffer[] = [];
      await exportTable(db, ctx, table, redactedColumns(options, name), async (chunk) => {
        chunks.push(Buffer.from(chunk));
      });
      return Buffer.concat(chunks);
    },
    async purge(tenantId) {
      const ctx = lifecycleCtx(tenantId);
      const deleted = await purgeTenantRows(db, ctx);
      await options.onPurge?.(ctx);
      return { service: options.service, deleted };
    },
  };
}

export interface HttpSourceOptions {
  service: string;
  baseUrl: string;
  signingKey: string;
  /** Per request; a large table or purge takes a while. */
  timeoutMs?: number;
}

/** Another service's tenant data, through its `/internal/tenant-data` endpoints. */
export function httpTenantDataSource(options: HttpSourceOptions): TenantDataSource {
  const timeoutMs = options.timeoutMs ?? 120_000;
  async function call(tenantId: string, method: string, path: string): Promise<Response> {
    const ctx = lifecycleCtx(tenantId);
    const res = await fetch(new URL(path, options.baseUrl), {
      method,
      headers: {
        [CONTEXT_HEADER]: signContext(ctx, options.signingKey, contextTarget(options.service, method, path)),
        'x-request-id': ctx.requestId,
      },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) {
      const detail = await res.text().catch(() => '');
      throw new Error(
        `${options.service} answered ${res.status} to ${method} ${path}: ${detail.slice(0, 300)}`,
      );
    }
    return res;
  }
  return {
    service: options.service,
    async tables(tenantId) {
      return (await (
        await call(tenantId, 'GET', '/internal/tenant-data/tables')
      ).json()) as TenantDataListing;
    },
    async table(tenantId, name) {
      const res = await call(tenantId, 'GET', `/internal/tenant-data/tables/${encodeURIComponent(name)}`);
      return Buffer.from(await res.arrayBuffer());
    },
    async purge(tenantId) {
      return (await (
        await call(tenantId, 'POST', '/internal/tenant-data/purge')
      ).json()) as TenantPurgeResult;
    },
  };
}
