import type { ReturnStatus } from '@fleet/contracts';
import type { Queryable } from '@fleet/db';

export interface ReturnRecord {
  id: string;
  orderId: string;
  status: ReturnStatus;
  reason: string | null;
  restock: boolean | null;
  refundAmount: number | null;
  refundId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ReturnLineRecord {
  returnId: string;
  variantId: string;
  quantity: number;
}

interface ReturnRow extends Omit<ReturnRecord, 'refundAmount'> {
  refundAmount: string | null;
}

const COLUMNS = `id, order_id AS "orderId", status, reason, restock, refund_amount AS "refundAmount",
  refund_id AS "refundId", version, created_at AS "createdAt", updated_at AS "updatedAt"`;

const toRecord = (row: ReturnRow): ReturnRecord => ({
  ...row,
  refundAmount: row.refundAmount === null ? null : Number(row.refundAmount),
});

export async function insertReturn(
  tx: Queryable,
  tenantId: string,
  r: { id: string; orderId: string; reason: string | null },
  lines: ReadonlyArray<{ variantId: string; quantity: number }>,
): Promise<ReturnRecord> {
  const row = await tx.maybeOne<ReturnRow>(
    `INSERT INTO returns (tenant_id, id, order_id, status, reason) VALUES ($1, $2, $3, 'REQUESTED', $4)
     RETURNING ${COLUMNS}`,
    [tenantId, r.id, r.orderId, r.reason],
  );
  await tx.query(
    `INSERT INTO return_lines (tenant_id, return_id, variant_id, quantity)
     SELECT $1, $2, l->>'variantId', (l->>'quantity')::int FROM jsonb_array_elements($3::jsonb) AS l`,
    [tenantId, r.id, JSON.stringify(lines)],
  );
  return toRecord(row!);
}

export async function findReturn(
  tx: Queryable,
  id: string,
  forUpdate = false,
): Promise<ReturnRecord | undefined> {
  const row = await tx.maybeOne<ReturnRow>(
    `SELECT ${COLUMNS} FROM returns WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row && toRecord(row);
}

export async function listReturnsOfOrder(tx: Queryable, orderId: string): Promise<ReturnRecord[]> {
  const rows = await tx.rows<ReturnRow>(`SELECT ${COLUMNS} FROM returns WHERE order_id = $1 ORDER BY id`, [
    orderId,
  ]);
  return rows.map(toRecord);
}

export async function listReturns(
  tx: Queryable,
  filter: { status?: ReturnStatus; beforeId?: string; limit: number },
): Promise<ReturnRecord[]> {
  const rows = await tx.rows<ReturnRow>(
    `SELECT ${COLUMNS} FROM returns
     WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR id < $2)
     ORDER BY id DESC LIMIT $3`,
    [filter.status ?? null, filter.beforeId ?? null, filter.limit],
  );
  return rows.map(toRecord);
}

export function listReturnLines(tx: Queryable, returnIds: readonly string[]): Promise<ReturnLineRecord[]> {
  if (returnIds.length === 0) return Promise.resolve([]);
  return tx.rows<ReturnLineRecord>(
    `SELECT return_id AS "returnId", variant_id AS "variantId", quantity FROM return_lines
     WHERE return_id = ANY($1::text[]) ORDER BY return_id, variant_id`,
    [returnIds],
  );
}

export async function updateReturn(
  tx: Queryable,
  id: string,
  change: { status: ReturnStatus; restock?: boolean; refundAmount?: number; refundId?: string },
): Promise<ReturnRecord> {
  const row = await tx.maybeOne<ReturnRow>(
    `UPDATE returns SET status = $2, restock = COALESCE($3, restock), refund_amount = COALESCE($4, refund_amount),
       refund_id = COALESCE($5, refund_id), version = version + 1, updated_at = now()
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, change.status, change.restock ?? null, change.refundAmount ?? null, change.refundId ?? null],
  );
  return toRecord(row!);
}

export async function findReturnWindow(tx: Queryable): Promise<number | undefined> {
  const row = await tx.maybeOne<{ days: number }>('SELECT return_window_days AS days FROM return_settings');
  return row?.days;
}

export async function saveReturnWindow(tx: Queryable, tenantId: string, days: number): Promise<void> {
  await tx.query(
    `INSERT INTO return_settings (tenant_id, return_window_days) VALUES ($1, $2)
     ON CONFLICT (tenant_id) DO UPDATE SET return_window_days = EXCLUDED.return_window_days, updated_at = now()`,
    [tenantId, days],
  );
}
