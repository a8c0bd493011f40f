import { createHash } from 'node:crypto';
import type { Ctx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { provisionTenant } from './provision-tenant';
import { storeUrl, type RegistryDeps } from './registry-deps';

export interface SignUpInput {
  storeName: string;
  slug: string;
  email: string;
  password: string;
  currency: string;
  country: string;
}

export interface SignUpResult {
  created: boolean;
  tenant: { id: string; slug: string; status: string };
  storeUrl: string;
  adminUrl: string;
  accessToken: string;
  refreshToken: string;
}

/**
 * A merchant's sign-up: the store (tenant, settings, `tenant.provisioned`) and then its owner
 * account. Both steps are idempotent, keyed by slug and email, so a retry after a failure in
 * the second step finishes the job instead of failing on the now-taken slug.
 */
export async function signUp(ctx: Ctx, deps: RegistryDeps, input: SignUpInput): Promise<SignUpResult> {
  if (!deps.identity) throw new AppError('internal', 'Sign-up needs the identity service.');
  const email = input.email.trim().toLowerCase();
  const provisionKey = `signup:${createHash('sha256').update(`${input.slug}\n${email}`).digest('base64url')}`;
  const { created, tenant } = await provisionTenant(ctx, deps, {
    slug: input.slug,
    name: input.storeName,
    currency: input.currency,
    country: input.country,
    provisionKey,
  });
  const owner = await deps.identity.createOwner(
    { ...ctx, tenantId: tenant.id },
    { email, password: input.password, name: input.storeName },
  );
  const host = tenant.hosts[0] ?? `${tenant.slug}.${deps.platformDomain}`;
  return {
    created,
    tenant: { id: tenant.id, slug: tenant.slug, status: tenant.status },
    storeUrl: storeUrl(deps, host),
    adminUrl: storeUrl(deps, host, '/admin'),
    accessToken: owner.accessToken,
    refreshToken: owner.refreshToken,
  };
}
