import type { IncomingHttpHeaders } from 'node:http';
import type { Principal } from '../domain/principal';
import type { TokenVerifier } from '../domain/token-verifier';

/** No token (anonymous), a verified one, or a token we refuse. */
export type Authentication = { ok: true; principal: Principal | undefined } | { ok: false; reason: string };

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;
const MAX_TOKEN_LENGTH = 8192;
const ANONYMOUS: Authentication = { ok: true, principal: undefined };

/**
 * Reads `Authorization: Bearer <JWT>`. Anything else in that header is refused rather than
 * ignored, so a bad credential is never silently downgraded to an anonymous request.
 */
export async function authenticate(
  headers: IncomingHttpHeaders,
  verifier: TokenVerifier,
): Promise<Authentication> {
  const header = headers.authorization;
  if (header === undefined) return ANONYMOUS;
  const token = header.length <= MAX_TOKEN_LENGTH ? BEARER.exec(header)?.[1] : undefined;
  if (!token) return { ok: false, reason: 'the Authorization header is not a bearer token' };
  const result = await verifier.verify(token);
  return result.ok ? { ok: true, principal: result.principal } : result;
}
