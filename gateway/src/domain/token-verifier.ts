import type { Principal } from './principal';

/** An expected outcome: the token is not one we accept (the reason is for logs, not clients). */
export type VerifyResult = { ok: true; principal: Principal } | { ok: false; reason: string };

/**
 * Checks an access token and says who it speaks for. Implementations: the built-in identity
 * service's issuer, or a Keycloak realm (see data-access/). Infrastructure failures (the issuer's
 * keys cannot be fetched) are thrown, never reported as an invalid token.
 */
export interface TokenVerifier {
  verify(token: string): Promise<VerifyResult>;
}
