import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { AppError } from '@fleet/errors';
import type { PrincipalResult } from '../domain/principal';
import type { Claims } from '../domain/token-claims';
import type { TokenVerifier } from '../domain/token-verifier';

export interface JwksVerifierOptions {
  /** Where the issuer publishes its public keys. */
  jwksUrl: string;
  /** The only `iss` accepted. */
  issuer: string;
  /** When set, the only `aud` accepted. */
  audience?: string;
  /** Turns verified claims into a principal (may look the tenant up). */
  toPrincipal(claims: Claims): Promise<PrincipalResult> | PrincipalResult;
  /** Timeout of a key-set fetch. Default 5 s. */
  fetchTimeoutMs?: number;
}

/** Asymmetric algorithms only: a shared-secret (HS*) or `none` token is never accepted. */
const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

/**
 * Verifies signed access tokens with jose against the issuer's JWKS. The key set is cached and
 * refetched on an unknown `kid` (at most every 30 s), so the issuer can rotate keys.
 */
export function jwksTokenVerifier(options: JwksVerifierOptions): TokenVerifier {
  const keys = createRemoteJWKSet(new URL(options.jwksUrl), {
    timeoutDuration: options.fetchTimeoutMs ?? 5_000,
    cooldownDuration: 30_000,
    cacheMaxAge: 10 * 60_000,
  });
  return {
    async verify(token) {
      let claims: JWTPayload;
      try {
        ({ payload: claims } = await jwtVerify(token, keys, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: ALGORITHMS,
          clockTolerance: 5,
          requiredClaims: ['sub', 'exp'],
        }));
      } catch (err) {
        if (isKeySourceFailure(err)) {
          throw new AppError('unavailable', 'Access tokens cannot be checked right now.', {
            code: 'identity_unavailable',
            retryAfter: 5,
            cause: err,
          });
        }
        return { ok: false, reason: err instanceof Error ? err.message : String(err) };
      }
      return options.toPrincipal(claims);
    },
  };
}

/** The issuer's key set could not be fetched or read: not the token's fault. */
function isKeySourceFailure(err: unknown): boolean {
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid) return true;
  if (err instanceof errors.JOSEError) return err.code === 'ERR_JOSE_GENERIC';
  return true;
}
