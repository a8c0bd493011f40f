import type { Queryable } from '@fleet/db';
import type { TenantSnapshot, TenantStatus } from '@fleet/tenancy';

/** A `tenants` row: the snapshot's own fields (its hosts are rows of their own), and the rest. */
export interface TenantRow extends Omit<TenantSnapshot, 'hosts'> {
  provision_key: string | null;
  created_at: Date;
}

export interface NewTenant {
  id: string;
  slug: string;
  name: string;
  plan: string;
  currency: string;
  country: string;
  provisionKey: string | null;
}

const COLUMNS = 'id, slug, name, status, plan, currency, country, version, provision_key, created_at';

/** Inserts unless the slug is taken; a concurrent insert of the same slug waits, then yields. */
export async function insertTenant(tx: Queryable, t: NewTenant): Promise<TenantRow | undefined> {
  return tx.maybeOne<TenantRow>(
    `INSERT INTO tenants (id, slug, name, plan, currency, country, provision_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (slug) DO NOTHING
     RETURNING ${COLUMNS}`,
    [t.id, t.slug, t.name, t.plan, t.currency, t.country, t.provisionKey],
  );
}

export function findTenantBySlug(tx: Queryable, slug: string): Promise<TenantRow | undefined> {
  return tx.maybeOne<TenantRow>(`SELECT ${COLUMNS} FROM tenants WHERE slug = $1`, [slug]);
}

export function findTenantById(tx: Queryable, id: string): Promise<TenantRow | undefined> {
  return tx.maybeOne<TenantRow>(`SELECT ${COLUMNS} FROM tenants WHERE id = $1`, [id]);
}

/** The tenant of a verified custom domain. */
export function findTenantByCustomDomain(tx: Queryable, hostname: string): Promise<TenantRow | undefined> {
  return tx.maybeOne<TenantRow>(
    `SELECT ${COLUMNS.split(', ')
      .map((c) => `t.${c}`)
      .join(', ')}
       FROM hostnames h JOIN tenants t ON t.id = h.tenant_id
      WHERE h.hostname = $1`,
    [hostname],
  );
}

export async function verifiedDomains(tx: Queryable, tenantId: string): Promise<string[]> {
  const rows = await tx.rows<{ hostname: string }>(
    'SELECT hostname FROM hostnames WHERE tenant_id = $1 ORDER BY hostname',
    [tenantId],
  );
  return rows.map((r) => r.hostname);
}

/** Applies a change and bumps the version; undefined when the tenant does not exist. */
export function updateTenant(
  tx: Queryable,
  id: string,
  change: { status?: TenantStatus; plan?: string },
): Promise<TenantRow | undefined> {
  return tx.maybeOne<TenantRow>(
    `UPDATE tenants SET status = COALESCE($2, status), plan = COALESCE($3, plan),
            version = version + 1, updated_at = now()
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, change.status ?? null, change.plan ?? null],
  );
}

export function toSnapshot(row: TenantRow, platformDomain: string, customDomains: string[]): TenantSnapshot {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    status: row.status,
    plan: row.plan,
    currency: row.currency.trim(),
    country: row.country.trim(),
    hosts: [`${row.slug}.${platformDomain}`, ...customDomains],
    version: row.version,
  };
}
