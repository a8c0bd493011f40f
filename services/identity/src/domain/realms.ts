import type { Ctx, TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import type { SubjectKind } from '../data-access/refresh-token.repository';

/** Who signs in: a store's customers, a store's staff, or the platform's admins. */
export type Realm = SubjectKind;

/**
 * The tenant id under which platform admins' refresh tokens live. Ids encode their creation time
 * in the first 10 characters, so `0000000000` (1970) can never be a real tenant; and `l`, `o`
 * are not in the id alphabet. It lets every session share one tenant-owned table under RLS.
 */
export const PLATFORM_SCOPE = 'ten_0000000000platformscope000';

/**
 * The tenant a realm's rows live under for this request: the store of the host for customers and
 * staff, the platform scope for the console (which is not served on store hosts).
 */
export function realmScope(ctx: Ctx, realm: Realm): TenantCtx {
  if (realm === 'platform_admin') {
    if (ctx.tenantId) {
      throw new AppError('not_found', 'Platform sign-in is only served on the console host.', {
        code: 'not_found',
      });
    }
    return { ...ctx, tenantId: PLATFORM_SCOPE };
  }
  if (!ctx.tenantId) throw new AppError('not_found', 'No store on this host.', { code: 'store_not_found' });
  return { ...ctx, tenantId: ctx.tenantId };
}

/** The `tid` claim: the store's tenant, none for platform admins. */
export function tenantClaim(scope: TenantCtx, realm: Realm): string | undefined {
  return realm === 'platform_admin' ? undefined : scope.tenantId;
}

/** Subject id prefixes, as the gateway and every service read them from `sub`. */
export const SUBJECT_PREFIX: Record<Realm, string> = { customer: 'cus', staff: 'stf', platform_admin: 'adm' };
