import { principalFrom, type PrincipalResult } from './principal';

export type Claims = Record<string, unknown>;

/**
 * Claims of the built-in identity service: `sub`, `tid` (absent for platform admins), `roles`,
 * and `typ: 'access'` so a refresh or ID token can never be used as an access token.
 */
export function principalFromFleetClaims(claims: Claims): PrincipalResult {
  if (claims.typ !== 'access') return { ok: false, reason: 'it is not an access token' };
  if (claims.tid !== undefined && typeof claims.tid !== 'string')
    return { ok: false, reason: 'its tenant is malformed' };
  return principalFrom({ sub: claims.sub, roles: claims.roles, tenantId: claims.tid, exp: claims.exp });
}

/** What a Keycloak access token says before its tenant reference is turned into a tenant id. */
export type KeycloakClaims =
  | { ok: true; sub: unknown; roles: unknown; exp: unknown; tenantRef: string | undefined }
  | { ok: false; reason: string };

/**
 * Keycloak access tokens carry `typ: 'Bearer'` (ID tokens say `ID`, refresh tokens `Refresh`),
 * realm roles in `realm_access.roles`, and the tenant in a configurable claim.
 */
export function readKeycloakClaims(claims: Claims, tenantClaim: string): KeycloakClaims {
  if (claims.typ !== 'Bearer') return { ok: false, reason: 'it is not an access token' };
  const tenant = claims[tenantClaim];
  if (tenant !== undefined && (typeof tenant !== 'string' || tenant.length === 0))
    return { ok: false, reason: `its ${tenantClaim} claim is malformed` };
  const realmAccess = claims.realm_access as { roles?: unknown } | undefined;
  return { ok: true, sub: claims.sub, roles: realmAccess?.roles, exp: claims.exp, tenantRef: tenant };
}

/** A Keycloak tenant claim holds a tenant id (`ten_…`) or a store slug. */
export const isTenantId = (ref: string): boolean => ref.startsWith('ten_');
