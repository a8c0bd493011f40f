import { createHash, randomBytes } from 'node:crypto';
import type { TenantCtx } from '@fleet/context';
import { newId, type Queryable } from '@fleet/db';
import { SignJWT } from 'jose';
import { insertRefreshToken } from '../data-access/refresh-token.repository';
import type { IdentityDeps } from './identity-deps';
import { tenantClaim, type Realm } from './realms';

export const ACCESS_TOKEN_AUDIENCE = 'fleet';
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

export interface Subject {
  realm: Realm;
  id: string;
  roles: string[];
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

/** Only the hash of a refresh token is stored: a leaked table lets nobody in. */
export const hashRefreshToken = (token: string): string =>
  createHash('sha256').update(token).digest('base64url');

/**
 * Signs an access token and stores a new refresh token in `tx` (a new login family unless
 * `familyId` continues one).
 */
export async function issueTokens(
  tx: Queryable,
  deps: IdentityDeps,
  scope: TenantCtx,
  subject: Subject,
  familyId: string = newId('rtf'),
): Promise<TokenPair> {
  const refreshToken = `rt_${randomBytes(32).toString('base64url')}`;
  await insertRefreshToken(tx, {
    tenantId: scope.tenantId,
    id: newId('rtk'),
    tokenHash: hashRefreshToken(refreshToken),
    familyId,
    subjectKind: subject.realm,
    subjectId: subject.id,
    expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_SECONDS * 1000),
  });
  const accessToken = await signAccessToken(deps, tenantClaim(scope, subject.realm), subject);
  return { accessToken, refreshToken, expiresIn: deps.tokens.accessTokenTtlSeconds };
}

async function signAccessToken(
  deps: IdentityDeps,
  tid: string | undefined,
  subject: Subject,
): Promise<string> {
  const key = await deps.keys.current();
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...(tid ? { tid } : {}), roles: subject.roles, typ: 'access' })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(deps.tokens.issuer)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setSubject(subject.id)
    .setIssuedAt(now)
    .setExpirationTime(now + deps.tokens.accessTokenTtlSeconds)
    .setJti(newId('jti'))
    .sign(key.privateKey);
}
