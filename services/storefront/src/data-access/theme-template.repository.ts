import type { Queryable } from '@fleet/db';

export interface StoredOverride {
  file: string;
  source: string;
  lastError: string | null;
  lastErrorAt: string | null;
  updatedAt: string;
}

interface Row {
  file: string;
  source: string;
  last_error: string | null;
  last_error_at: Date | null;
  updated_at: Date;
}

const toOverride = (r: Row): StoredOverride => ({
  file: r.file,
  source: r.source,
  lastError: r.last_error,
  lastErrorAt: r.last_error_at?.toISOString() ?? null,
  updatedAt: r.updated_at.toISOString(),
});

/** Row-level security scopes every statement to the transaction's tenant. */
export async function listOverrides(tx: Queryable): Promise<StoredOverride[]> {
  const { rows } = await tx.query<Row>(
    'SELECT file, source, last_error, last_error_at, updated_at FROM theme_templates ORDER BY file',
  );
  return rows.map(toOverride);
}

export async function readOverride(tx: Queryable, file: string): Promise<StoredOverride | undefined> {
  const row = await tx.maybeOne<Row>(
    'SELECT file, source, last_error, last_error_at, updated_at FROM theme_templates WHERE file = $1',
    [file],
  );
  return row && toOverride(row);
}

export async function saveOverride(
  tx: Queryable,
  tenantId: string,
  file: string,
  source: string,
): Promise<StoredOverride> {
  const { rows } = await tx.query<Row>(
    `INSERT INTO theme_templates (tenant_id, file, source) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id, file) DO UPDATE SET source = EXCLUDED.source, last_error = NULL,
       last_error_at = NULL, updated_at = now()
     RETURNING file, source, last_error, last_error_at, updated_at`,
    [tenantId, file, source],
  );
  return toOverride(rows[0] as Row);
}

export async function deleteOverride(tx: Queryable, file: string): Promise<boolean> {
  const { rowCount } = await tx.query('DELETE FROM theme_templates WHERE file = $1', [file]);
  return (rowCount ?? 0) > 0;
}

export async function recordRenderError(tx: Queryable, files: string[], message: string): Promise<void> {
  await tx.query(
    'UPDATE theme_templates SET last_error = $2, last_error_at = now() WHERE file = ANY($1::text[])',
    [files, message.slice(0, 2000)],
  );
}
