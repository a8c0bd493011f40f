import { SLUG_PATTERN, type TenantResolver } from '@fleet/tenancy';
import { principalFrom, type PrincipalResult } from '../domain/principal';
import {
  isTenantId,
  principalFromFleetClaims,
  readKeycloakClaims,
  type Claims,
} from '../domain/token-claims';
import type { TokenVerifier } from '../domain/token-verifier';
import { cachedTokenVerifier } from './cached-token-verifier';
import { jwksTokenVerifier } from './jwks-token-verifier';

/** The audience the built-in identity service issues access tokens for. */
export const FLEET_AUDIENCE = 'fleet';

export interface IdentityIssuer {
  kind: 'identity';
  /** Base URL of the identity service; its keys are at `/.well-known/jwks.json`. */
  url: string;
  issuer: string;
}

export interface KeycloakIssuer {
  kind: 'keycloak';
  url: string;
  realm: string;
  /** Defaults to `${url}/realms/${realm}`. */
  issuer?: string;
  tenantClaim: string;
  audience?: string;
}

export type TokenIssuer = IdentityIssuer | KeycloakIssuer;

/** Access tokens of the built-in identity service. */
export function identityVerifier(issuer: IdentityIssuer): TokenVerifier {
  return jwksTokenVerifier({
    jwksUrl: new URL('/.well-known/jwks.json', issuer.url).toString(),
    issuer: issuer.issuer,
    audience: FLEET_AUDIENCE,
    toPrincipal: principalFromFleetClaims,
  });
}

/**
 * Access tokens of one Keycloak realm. The tenant claim holds a tenant id, or a store slug that is
 * mapped to its tenant through the resolver (`{slug}.{PLATFORM_DOMAIN}`); an unknown store makes
 * the token invalid.
 */
export function keycloakVerifier(
  issuer: KeycloakIssuer,
  tenants: { resolver: TenantResolver; platformDomain: string },
): TokenVerifier {
  const base = `${issuer.url.replace(/\/+$/, '')}/realms/${encodeURIComponent(issuer.realm)}`;
  return jwksTokenVerifier({
    jwksUrl: `${base}/protocol/openid-connect/certs`,
    issuer: issuer.issuer ?? base,
    audience: issuer.audience,
    async toPrincipal(claims: Claims): Promise<PrincipalResult> {
      const read = readKeycloakClaims(claims, issuer.tenantClaim);
      if (!read.ok) return read;
      let tenantId: string | undefined;
      if (read.tenantRef !== undefined) {
        tenantId = isTenantId(read.tenantRef) ? read.tenantRef : await tenantOfSlug(tenants, read.tenantRef);
        if (!tenantId) return { ok: false, reason: `it names an unknown store (${read.tenantRef})` };
      }
      return principalFrom({ sub: read.sub, roles: read.roles, tenantId, exp: read.exp });
    },
  });
}

async function tenantOfSlug(
  tenants: { resolver: TenantResolver; platformDomain: string },
  slug: string,
): Promise<string | undefined> {
  if (!SLUG_PATTERN.test(slug)) return undefined;
  return (await tenants.resolver.resolve(`${slug}.${tenants.platformDomain}`))?.id;
}

/** The verifier the configuration asks for, behind the short-lived cache of verified tokens. */
export function createTokenVerifier(
  issuer: TokenIssuer,
  tenants: { resolver: TenantResolver; platformDomain: string },
): TokenVerifier {
  const verifier = issuer.kind === 'keycloak' ? keycloakVerifier(issuer, tenants) : identityVerifier(issuer);
  return cachedTokenVerifier(verifier);
}
