import { once } from 'node:events';
import { Router, type Response } from 'express';
import type { TenantCtx } from '@fleet/context';
import type { Db } from '@fleet/db';
import { AppError } from '@fleet/errors';
import { parseParams } from '@fleet/http';
import { serviceCtx } from '@fleet/tenancy';
import { z } from 'zod';
import { exportTable } from './export-table';
import { excludedTables, redactedColumns, type TenantDataPolicy } from './policy';
import { countTenantRows, purgeTenantRows } from './purge';
import { discoverTenantTables } from './schema';

/** The only service that may export or purge a tenant: the registry runs the lifecycle jobs. */
export const LIFECYCLE_CALLER = 'tenancy';

export interface TenantDataOptions extends TenantDataPolicy {
  /** Work beyond the database that a purge must also do (search: the tenant's Meilisearch index). */
  onPurge?: (ctx: TenantCtx) => Promise<void>;
}

/** `{service, tables: [{name, rows}]}`: what `GET /internal/tenant-data/tables` answers. */
export interface TenantDataListing {
  service: string;
  tables: Array<{ name: string; rows: number }>;
  /** Columns left out, by table, and tables never exported: the archive's manifest says so. */
  redacted: Record<string, string[]>;
  excluded: string[];
}

export function listing(options: TenantDataOptions, counts: Record<string, number>): TenantDataListing {
  const excluded = excludedTables(options);
  return {
    service: options.service,
    tables: Object.entries(counts)
      .filter(([name]) => !excluded.has(name))
      .map(([name, rows]) => ({ name, rows })),
    redacted: Object.fromEntries(Object.entries(options.redact ?? {}).map(([t, cols]) => [t, [...cols]])),
    excluded: Object.keys(counts).filter((name) => excluded.has(name)),
  };
}

export interface TenantPurgeResult {
  service: string;
  deleted: Record<string, number>;
}

const tableParams = z.strictObject({ table: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/) });

function lifecycleCtx(res: Response): TenantCtx {
  const ctx = serviceCtx(res);
  if (ctx.actor?.id !== LIFECYCLE_CALLER) {
    throw new AppError('forbidden', 'Only the tenant registry exports or purges a tenant.', {
      code: 'internal_only',
    });
  }
  return ctx;
}

/**
 * The tenant-data endpoints every service that owns data mounts with one line
 * (`app.use(tenantDataRoutes(deps.db, tenantDataPolicy))`): list the tenant's tables, stream one as
 * NDJSON, purge them all. Internal: a signed service context from the registry, for one tenant.
 */
export function tenantDataRoutes(db: Db, options: TenantDataOptions): Router {
  const router = Router();
  const excluded = excludedTables(options);

  router.get('/internal/tenant-data/tables', async (_req, res) => {
    const ctx = lifecycleCtx(res);
    res.json(listing(options, await countTenantRows(db, ctx)));
  });

  router.get('/internal/tenant-data/tables/:table', async (req, res) => {
    const ctx = lifecycleCtx(res);
    const { table: name } = parseParams(tableParams, req);
    const table = excluded.has(name)
      ? undefined
      : (await db.readAsTenant(ctx, (tx) => discoverTenantTables(tx))).find((t) => t.name === name);
    if (!table) throw new AppError('not_found', 'No such tenant table.', { code: 'table_not_found' });
    res.status(200).type('application/x-ndjson');
    try {
      await exportTable(db, ctx, table, redactedColumns(options, name), async (chunk) => {
        if (!res.write(chunk)) await once(res, 'drain');
      });
      res.end();
    } catch (err) {
      // The status is sent: cut the stream so the reader sees a failure, never a short table.
      res.destroy(err as Error);
    }
  });

  router.post('/internal/tenant-data/purge', async (_req, res) => {
    const ctx = lifecycleCtx(res);
    const deleted = await purgeTenantRows(db, ctx);
    await options.onPurge?.(ctx);
    const body: TenantPurgeResult = { service: options.service, deleted };
    res.json(body);
  });

  return router;
}
