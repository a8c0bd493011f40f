import type { Principal } from './principal';
import type { RouteRule } from './routes';

export type Door = RouteRule['door'];

export type AccessDenial = 'token_required' | 'wrong_role' | 'wrong_tenant';

export type AccessDecision = { ok: true } | { ok: false; code: AccessDenial; detail: string };

export interface AccessQuestion {
  door: Door;
  auth: RouteRule['auth'];
  /** The tenant of the store host; undefined on the apex and console doors. */
  tenantId: string | undefined;
  /** The verified caller; undefined when no token was sent. */
  principal: Principal | undefined;
}

/**
 * May this caller use this route on this host? A token is only ever valid on the hosts it was
 * issued for (its tenant's store hosts, or the console for platform admins), public routes
 * included; then the route's role must be among the token's roles.
 */
export function decideAccess(q: AccessQuestion): AccessDecision {
  const { principal } = q;
  if (!principal) {
    if (q.auth === 'public') return { ok: true };
    return deny('token_required', 'This route needs an access token.');
  }
  const wrongHost = hostMismatch(q.door, q.tenantId, principal);
  if (wrongHost) return deny('wrong_tenant', wrongHost);
  if (q.auth !== 'public' && !principal.roles.includes(q.auth))
    return deny('wrong_role', `This route needs the ${q.auth} role.`);
  return { ok: true };
}

function hostMismatch(door: Door, tenantId: string | undefined, principal: Principal): string | undefined {
  if (principal.kind === 'platform_admin')
    return door === 'console' ? undefined : 'Platform admin tokens are only valid on the console.';
  if (door !== 'store') return 'Store tokens are only valid on their own store.';
  return principal.tenantId === tenantId ? undefined : 'This token was issued for another store.';
}

const deny = (code: AccessDenial, detail: string): AccessDecision => ({ ok: false, code, detail });
