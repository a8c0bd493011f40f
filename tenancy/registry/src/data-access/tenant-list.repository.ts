import type { Queryable } from '@fleet/db';
import type { TenantRow } from './tenant.repository';

export interface TenantListQuery {
  q?: string;
  status?: string;
  plan?: string;
  limit: number;
  after?: { createdAt: string; id: string };
}

/** Newest first; keyset paging on (created_at, id) so pages stay stable while tenants sign up. */
export function listTenants(tx: Queryable, query: TenantListQuery): Promise<TenantRow[]> {
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return tx.rows<TenantRow>(
    `SELECT id, slug, name, status, plan, currency, country, version, provision_key, created_at
       FROM tenants
      WHERE ($1::text IS NULL OR slug ILIKE $1 OR name ILIKE $1)
        AND ($2::text IS NULL OR status = $2)
        AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::text))
        AND ($6::text IS NULL OR plan = $6)
      ORDER BY created_at DESC, id DESC
      LIMIT $5`,
    [
      pattern,
      query.status ?? null,
      query.after?.createdAt ?? null,
      query.after?.id ?? null,
      query.limit + 1,
      query.plan ?? null,
    ],
  );
}
