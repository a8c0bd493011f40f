/** The kinds of caller a verified access token can name. */
export type PrincipalKind = 'customer' | 'staff' | 'platform_admin';

/** Who a verified access token speaks for. */
export interface Principal {
  kind: PrincipalKind;
  /** The token's subject. */
  id: string;
  /** Fleet roles only (`customer`, `staff`, `owner`, `admin`, `platform_admin`); others are dropped. */
  roles: string[];
  /** The tenant the token was issued for; absent for platform admins. */
  tenantId?: string;
  /** When the token stops being valid, epoch milliseconds. */
  expiresAt: number;
}

const FLEET_ROLES: ReadonlySet<string> = new Set(['customer', 'staff', 'owner', 'admin', 'platform_admin']);

export type PrincipalResult = { ok: true; principal: Principal } | { ok: false; reason: string };

/**
 * The principal a token's subject, roles and tenant describe. One kind per token: platform admins
 * carry no tenant, staff and customers always carry one; anything else is refused.
 */
export function principalFrom(input: {
  sub: unknown;
  roles: unknown;
  tenantId: string | undefined;
  exp: unknown;
}): PrincipalResult {
  if (typeof input.sub !== 'string' || input.sub.length === 0) return refuse('it has no subject');
  if (typeof input.exp !== 'number') return refuse('it has no expiry');
  if (!Array.isArray(input.roles)) return refuse('it carries no roles');
  const roles = input.roles.filter((r): r is string => typeof r === 'string' && FLEET_ROLES.has(r));
  const kind = kindOf(roles);
  if (!kind) return refuse('it carries no Fleet role');
  if (kind === 'platform_admin' && input.tenantId !== undefined)
    return refuse('a platform admin token cannot name a tenant');
  if (kind !== 'platform_admin' && !input.tenantId) return refuse('it names no tenant');
  const principal: Principal = { kind, id: input.sub, roles, expiresAt: input.exp * 1000 };
  if (input.tenantId) principal.tenantId = input.tenantId;
  return { ok: true, principal };
}

function kindOf(roles: string[]): PrincipalKind | undefined {
  if (roles.includes('platform_admin')) return 'platform_admin';
  if (roles.includes('staff')) return 'staff';
  if (roles.includes('customer')) return 'customer';
  return undefined;
}

const refuse = (reason: string): PrincipalResult => ({ ok: false, reason });
