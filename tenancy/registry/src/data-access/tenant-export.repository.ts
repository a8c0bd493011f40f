import type { Queryable } from '@fleet/db';

export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ExportRow {
  id: string;
  status: ExportStatus;
  requested_by: string;
  tables_done: number;
  tables_total: number;
  current_table: string | null;
  size_bytes: string | null;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

const COLUMNS =
  'id, status, requested_by, tables_done, tables_total, current_table, size_bytes, error, created_at, finished_at';

/** Every statement runs in the tenant's scope (RLS): `tenant_id` is the one of the unit of work. */
export function insertExport(
  tx: Queryable,
  tenantId: string,
  id: string,
  requestedBy: string,
): Promise<ExportRow> {
  return tx.maybeOne<ExportRow>(
    `INSERT INTO tenant_exports (tenant_id, id, requested_by) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
    [tenantId, id, requestedBy],
  ) as Promise<ExportRow>;
}

export function findExport(tx: Queryable, id: string): Promise<ExportRow | undefined> {
  return tx.maybeOne<ExportRow>(`SELECT ${COLUMNS} FROM tenant_exports WHERE id = $1`, [id]);
}

export function listExports(tx: Queryable, limit = 20): Promise<ExportRow[]> {
  return tx.rows<ExportRow>(
    `SELECT ${COLUMNS} FROM tenant_exports ORDER BY created_at DESC, id DESC LIMIT $1`,
    [limit],
  );
}

export async function updateExport(
  tx: Queryable,
  id: string,
  change: Partial<Pick<ExportRow, 'status' | 'tables_done' | 'tables_total' | 'current_table' | 'error'>> & {
    size_bytes?: number;
    finished?: boolean;
  },
): Promise<void> {
  await tx.query(
    `UPDATE tenant_exports SET status = COALESCE($2, status), tables_done = COALESCE($3, tables_done),
            tables_total = COALESCE($4, tables_total), current_table = $5, size_bytes = COALESCE($6, size_bytes),
            error = COALESCE($7, error), finished_at = CASE WHEN $8 THEN now() ELSE finished_at END
      WHERE id = $1`,
    [
      id,
      change.status ?? null,
      change.tables_done ?? null,
      change.tables_total ?? null,
      change.current_table ?? null,
      change.size_bytes ?? null,
      change.error ?? null,
      change.finished ?? false,
    ],
  );
}

export async function appendChunk(
  tx: Queryable,
  tenantId: string,
  id: string,
  seq: number,
  data: Buffer,
): Promise<void> {
  await tx.query(
    'INSERT INTO tenant_export_chunks (tenant_id, export_id, seq, data) VALUES ($1, $2, $3, $4)',
    [tenantId, id, seq, data],
  );
}

export async function deleteChunks(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM tenant_export_chunks WHERE export_id = $1', [id]);
}

export function chunkAt(tx: Queryable, id: string, seq: number): Promise<{ data: Buffer } | undefined> {
  return tx.maybeOne<{ data: Buffer }>(
    'SELECT data FROM tenant_export_chunks WHERE export_id = $1 AND seq = $2',
    [id, seq],
  );
}
