import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { claimHostname, findDomain, markVerified } from '../data-access/domain.repository';
import { findTenantById, toSnapshot, updateTenant, verifiedDomains } from '../data-access/tenant.repository';
import { getDomain, toView, VERIFY_PREFIX, type DomainView } from './custom-domains';
import type { RegistryDeps } from './registry-deps';
import { recordTenantEvent } from './tenant-events';

/**
 * Checks the TXT record, then in one transaction routes the hostname to this store, bumps the
 * tenant's version and emits `tenant.updated`, so every gateway starts serving it at once.
 */
export async function verifyDomain(ctx: TenantCtx, deps: RegistryDeps, id: string): Promise<DomainView> {
  const domain = await getDomain(ctx, deps, id);
  if (domain.verified_at) return toView(domain);
  const expected = `fleet-verify=${domain.verification_token}`;
  const records = await lookupTxt(deps, `${VERIFY_PREFIX}.${domain.hostname}`);
  if (!records.some((chunks) => chunks.join('') === expected)) {
    throw new AppError(
      'business_rule',
      `No TXT record ${VERIFY_PREFIX}.${domain.hostname} with the expected value was found.`,
      {
        code: 'domain_verification_failed',
      },
    );
  }
  return deps.db.withTenant(ctx, async (tx) => {
    if (!(await claimHostname(tx, ctx.tenantId, domain.hostname, domain.id))) {
      throw new AppError('conflict', 'Another store already serves this domain.', { code: 'domain_taken' });
    }
    await markVerified(tx, domain.id);
    const before = await findTenantById(tx, ctx.tenantId);
    const after = await updateTenant(tx, ctx.tenantId, {});
    if (!before || !after) throw new AppError('not_found', 'No such tenant.', { code: 'tenant_not_found' });
    const tenant = toSnapshot(after, deps.platformDomain, await verifiedDomains(tx, ctx.tenantId));
    await recordTenantEvent(tx, ctx, 'tenant.updated', { tenant });
    return toView((await findDomain(tx, id)) ?? domain);
  });
}

async function lookupTxt(deps: RegistryDeps, name: string): Promise<string[][]> {
  if (!deps.resolveTxt)
    throw new AppError('unavailable', 'Domain verification is not configured.', { code: 'dns_unavailable' });
  try {
    return await deps.resolveTxt(name);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOTFOUND' || code === 'ENODATA') return [];
    throw new AppError('unavailable', 'DNS could not be queried; retry shortly.', {
      code: 'dns_unavailable',
      retryAfter: 30,
      cause: err,
    });
  }
}
