import type { Ctx } from '@fleet/context';
import { newId } from '@fleet/db';
import { AppError } from '@fleet/errors';
import type { TenantSnapshot } from '@fleet/tenancy';
import { findTenantBySlug, insertTenant, toSnapshot } from '../data-access/tenant.repository';
import { insertDefaultSettings } from '../data-access/store-settings.repository';
import type { RegistryDeps } from './registry-deps';
import { checkSlug } from './slug-rules';
import { recordTenantEvent } from './tenant-events';

export interface ProvisionInput {
  slug: string;
  name: string;
  currency: string;
  country: string;
  plan?: string;
  /** Makes a retried provisioning return the first result instead of 409. */
  provisionKey?: string;
  /** The key returns the tenant only this long after it was made (sign-up's retry window). */
  provisionKeyMaxAgeSeconds?: number;
}

export interface ProvisionResult {
  created: boolean;
  tenant: TenantSnapshot;
}

/**
 * Creates the tenant, its default store settings and the `tenant.provisioned` event in one
 * transaction. Concurrent calls for one slug create exactly one tenant: the unique slug decides.
 */
export async function provisionTenant(
  ctx: Ctx,
  deps: RegistryDeps,
  input: ProvisionInput,
): Promise<ProvisionResult> {
  assertSlugAllowed(input.slug);
  const tenantId = newId('ten');
  return deps.db.withTenant({ ...ctx, tenantId }, async (tx) => {
    const inserted = await insertTenant(tx, {
      id: tenantId,
      slug: input.slug,
      name: input.name,
      plan: input.plan ?? 'free',
      currency: input.currency,
      country: input.country,
      provisionKey: input.provisionKey ?? null,
    });
    if (!inserted) return existingForRetry(tx, deps, input);
    await insertDefaultSettings(tx, tenantId, { name: input.name, currency: input.currency });
    const tenant = toSnapshot(inserted, deps.platformDomain, []);
    await recordTenantEvent(tx, ctx, 'tenant.provisioned', { tenant });
    return { created: true, tenant };
  });
}

function assertSlugAllowed(slug: string): void {
  const problem = checkSlug(slug);
  if (problem === 'invalid') {
    throw new AppError(
      'validation',
      'The slug must be 3-40 characters of a-z, 0-9 and single inner hyphens.',
      {
        code: 'slug_invalid',
        errors: [{ path: 'slug', message: 'must be 3-40 characters of a-z, 0-9 and inner hyphens' }],
      },
    );
  }
  if (problem === 'reserved') {
    throw new AppError('validation', `The slug "${slug}" is reserved.`, {
      code: 'slug_reserved',
      errors: [{ path: 'slug', message: 'is reserved' }],
    });
  }
}

async function existingForRetry(
  tx: Parameters<typeof findTenantBySlug>[0],
  deps: RegistryDeps,
  input: ProvisionInput,
): Promise<ProvisionResult> {
  const existing = await findTenantBySlug(tx, input.slug);
  const maxAgeMs = (input.provisionKeyMaxAgeSeconds ?? Infinity) * 1000;
  if (
    existing &&
    input.provisionKey &&
    existing.provision_key === input.provisionKey &&
    Date.now() - existing.created_at.getTime() < maxAgeMs
  ) {
    return { created: false, tenant: toSnapshot(existing, deps.platformDomain, []) };
  }
  throw slugTaken(input.slug);
}

/** The one answer for a slug someone has, whoever they are and whatever else they sent. */
export const slugTaken = (slug: string): AppError =>
  new AppError('conflict', `The slug "${slug}" is taken.`, { code: 'slug_taken' });
