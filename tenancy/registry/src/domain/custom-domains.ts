import { randomBytes } from 'node:crypto';
import type { TenantCtx } from '@fleet/context';
import { newId } from '@fleet/db';
import { AppError } from '@fleet/errors';
import { normalizeHost } from '@fleet/tenancy';
import { findDomain, insertDomain, listDomains, type DomainRow } from '../data-access/domain.repository';
import type { RegistryDeps } from './registry-deps';

export const VERIFY_PREFIX = '_fleet-verify';

export interface DomainView {
  id: string;
  hostname: string;
  status: 'pending' | 'verified';
  verification: { type: 'TXT'; name: string; value: string };
  createdAt: string;
  verifiedAt: string | null;
}

export function toView(row: DomainRow): DomainView {
  return {
    id: row.id,
    hostname: row.hostname,
    status: row.verified_at ? 'verified' : 'pending',
    verification: {
      type: 'TXT',
      name: `${VERIFY_PREFIX}.${row.hostname}`,
      value: `fleet-verify=${row.verification_token}`,
    },
    createdAt: row.created_at.toISOString(),
    verifiedAt: row.verified_at?.toISOString() ?? null,
  };
}

/** Records a claim and answers with the DNS record that proves it. Re-adding returns the claim. */
export async function addDomain(
  ctx: TenantCtx,
  deps: RegistryDeps,
  rawHostname: string,
): Promise<{ created: boolean; domain: DomainView }> {
  const hostname = assertCustomHostname(deps, rawHostname);
  return deps.db.withTenant(ctx, async (tx) => {
    const token = randomBytes(18).toString('base64url');
    const inserted = await insertDomain(tx, { tenantId: ctx.tenantId, id: newId('dom'), hostname, token });
    if (inserted) return { created: true, domain: toView(inserted) };
    const existing = (await listDomains(tx)).find((d) => d.hostname === hostname);
    if (!existing)
      throw new AppError('conflict', 'The domain could not be added; retry.', { code: 'domain_conflict' });
    return { created: false, domain: toView(existing) };
  });
}

export async function getDomains(ctx: TenantCtx, deps: RegistryDeps): Promise<DomainView[]> {
  return (await deps.db.readAsTenant(ctx, listDomains)).map(toView);
}

export async function getDomain(ctx: TenantCtx, deps: RegistryDeps, id: string): Promise<DomainRow> {
  const row = await deps.db.readAsTenant(ctx, (tx) => findDomain(tx, id));
  if (!row) throw new AppError('not_found', 'No such domain.', { code: 'domain_not_found' });
  return row;
}

function assertCustomHostname(deps: RegistryDeps, raw: string): string {
  const hostname = normalizeHost(raw);
  const invalid = (message: string) =>
    new AppError('validation', `The hostname ${message}.`, {
      code: 'invalid_hostname',
      errors: [{ path: 'hostname', message }],
    });
  if (!hostname || raw.includes(':')) throw invalid('must be a domain name such as shop.example.com');
  if (!hostname.includes('.')) throw invalid('must have at least two labels');
  if (hostname === deps.platformDomain || hostname.endsWith(`.${deps.platformDomain}`)) {
    throw invalid(`must not be under ${deps.platformDomain}`);
  }
  return hostname;
}
