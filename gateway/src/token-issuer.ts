import type { GatewayConfig } from './config';
import type { TokenIssuer } from './data-access/token-verifiers';

/** Keycloak when KEYCLOAK_URL and KEYCLOAK_REALM are set, else the built-in identity service. */
export function tokenIssuerOf(config: GatewayConfig): TokenIssuer {
  if (config.KEYCLOAK_URL && config.KEYCLOAK_REALM) {
    return {
      kind: 'keycloak',
      url: config.KEYCLOAK_URL,
      realm: config.KEYCLOAK_REALM,
      issuer: config.KEYCLOAK_ISSUER,
      tenantClaim: config.KEYCLOAK_TENANT_CLAIM,
      audience: config.KEYCLOAK_AUDIENCE,
    };
  }
  return { kind: 'identity', url: config.IDENTITY_URL, issuer: config.IDENTITY_ISSUER };
}
