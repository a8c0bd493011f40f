import { once } from 'node:events';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Db, Queryable } from '@fleet/db';
import type { Logger } from '@fleet/logger';
import { lifecycleCtx, type TenantDataListing, type TenantDataSource } from '@fleet/tenant-data';
import { appendChunk, deleteChunks, updateExport } from '../data-access/tenant-export.repository';
import { findLifecycle } from '../data-access/tenant-lifecycle.repository';
import { TAR_END, tarEntry } from './tar';

/** Archives are stored in chunks of this size: one row never holds a whole large archive. */
export const CHUNK_BYTES = 1024 * 1024;
export const ARCHIVE_FORMAT = 'fleet-tenant-export';
export const ARCHIVE_VERSION = 1;

export interface ExportDeps {
  db: Db;
  logger: Logger;
  /** Every service's tenant data, the registry's own included (local). */
  sources: () => TenantDataSource[];
}

interface ManifestTable {
  file: string;
  rows: number;
  redactedColumns?: string[];
}

/**
 * Builds one export: every service's tables, each as `<service>/<table>.ndjson`, then
 * `manifest.json`, in a gzip-compressed tar stored in `tenant_export_chunks`. Progress (tables
 * done of all) is written after each table, so the console can show it while the job runs.
 */
export async function buildExport(deps: ExportDeps, tenantId: string, exportId: string): Promise<void> {
  const ctx = lifecycleCtx(tenantId);
  const inScope = <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => deps.db.withTenant(ctx, fn);
  try {
    const tenant = await deps.db.transaction((tx) => findLifecycle(tx, tenantId));
    if (!tenant) throw new Error('the tenant no longer exists');
    const listings: TenantDataListing[] = [];
    for (const source of deps.sources()) listings.push(await source.tables(tenantId));
    const total = listings.reduce((n, l) => n + l.tables.length, 0);
    await inScope(async (tx) => {
      await deleteChunks(tx, exportId); // a retried job starts over
      await updateExport(tx, exportId, { status: 'running', tables_total: total, tables_done: 0 });
    });

    let seq = 0;
    let size = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      const data = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      size += data.length;
      const at = seq++;
      await inScope((tx) => appendChunk(tx, tenantId, exportId, at, data));
    };
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes < CHUNK_BYTES) return done();
        flush().then(() => done(), done);
      },
      final(done) {
        flush().then(() => done(), done);
      },
    });
    const gzip = createGzip();
    const stored = pipeline(gzip, sink);
    const put = async (parts: Buffer[]) => {
      for (const part of parts) if (!gzip.write(part)) await once(gzip, 'drain');
    };

    const now = new Date();
    const services: Record<string, { tables: Record<string, ManifestTable>; excludedTables: string[] }> = {};
    let done = 0;
    const sourcesByName = new Map(deps.sources().map((s) => [s.service, s]));
    for (const l of listings) {
      const source = sourcesByName.get(l.service);
      if (!source) throw new Error(`no source for ${l.service}`);
      const tables: Record<string, ManifestTable> = {};
      for (const { name } of l.tables) {
        await inScope((tx) =>
          updateExport(tx, exportId, { current_table: `${l.service}/${name}`, tables_done: done }),
        );
        const data = await source.table(tenantId, name);
        const file = `${l.service}/${name}.ndjson`;
        await put(tarEntry(file, data, now));
        const rows = data.length === 0 ? 0 : data.toString('utf8').split('\n').length - 1;
        tables[name] = { file, rows, ...(l.redacted[name] ? { redactedColumns: l.redacted[name] } : {}) };
        done += 1;
      }
      services[l.service] = { tables, excludedTables: l.excluded };
    }
    const manifest = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      exportId,
      createdAt: now.toISOString(),
      tenant: {
        id: tenant.id,
        slug: tenant.slug,
        name: tenant.name,
        status: tenant.status,
        plan: tenant.plan,
        currency: tenant.currency.trim(),
        country: tenant.country.trim(),
        createdAt: tenant.created_at.toISOString(),
      },
      services,
    };
    await put(tarEntry('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2) + '\n'), now));
    await put([TAR_END]);
    gzip.end();
    await stored;
    await inScope((tx) =>
      updateExport(tx, exportId, { status: 'done', tables_done: done, size_bytes: size, finished: true }),
    );
    deps.logger.info({ tenantId, exportId, bytes: size, tables: done }, 'tenant export built');
  } catch (err) {
    deps.logger.error({ err, tenantId, exportId }, 'tenant export failed');
    await inScope(async (tx) => {
      await deleteChunks(tx, exportId);
      await updateExport(tx, exportId, {
        status: 'failed',
        error: (err as Error).message.slice(0, 500),
        finished: true,
      });
    }).catch(() => undefined);
    throw err;
  }
}
