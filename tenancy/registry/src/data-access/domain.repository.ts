import type { Queryable } from '@fleet/db';

export interface DomainRow {
  id: string;
  hostname: string;
  verification_token: string;
  verified_at: Date | null;
  created_at: Date;
}

const COLUMNS = 'id, hostname, verification_token, verified_at, created_at';

/** Tenant-owned: every statement runs in the tenant's scope. */
export function insertDomain(
  tx: Queryable,
  d: { tenantId: string; id: string; hostname: string; token: string },
): Promise<DomainRow | undefined> {
  return tx.maybeOne<DomainRow>(
    `INSERT INTO domains (tenant_id, id, hostname, verification_token) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, hostname) DO NOTHING RETURNING ${COLUMNS}`,
    [d.tenantId, d.id, d.hostname, d.token],
  );
}

export const listDomains = (tx: Queryable) =>
  tx.rows<DomainRow>(`SELECT ${COLUMNS} FROM domains ORDER BY created_at, id`);

export const findDomain = (tx: Queryable, id: string) =>
  tx.maybeOne<DomainRow>(`SELECT ${COLUMNS} FROM domains WHERE id = $1`, [id]);

export const markVerified = (tx: Queryable, id: string) =>
  tx.query('UPDATE domains SET verified_at = now() WHERE id = $1 AND verified_at IS NULL', [id]);

/** Claims the hostname for routing; false when another tenant proved it first. */
export async function claimHostname(
  tx: Queryable,
  tenantId: string,
  hostname: string,
  domainId: string,
): Promise<boolean> {
  const row = await tx.maybeOne<{ tenant_id: string }>(
    `INSERT INTO hostnames (hostname, tenant_id, domain_id) VALUES ($1, $2, $3)
     ON CONFLICT (hostname) DO UPDATE SET hostname = EXCLUDED.hostname
     RETURNING tenant_id`,
    [hostname, tenantId, domainId],
  );
  return row?.tenant_id === tenantId;
}

export async function deleteDomain(
  tx: Queryable,
  tenantId: string,
  id: string,
): Promise<DomainRow | undefined> {
  const row = await tx.maybeOne<DomainRow>(`DELETE FROM domains WHERE id = $1 RETURNING ${COLUMNS}`, [id]);
  if (row) await tx.query('DELETE FROM hostnames WHERE tenant_id = $1 AND domain_id = $2', [tenantId, id]);
  return row;
}
