import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Ctx } from './index';

/** The one header that carries the request context from the gateway to services. */
export const CONTEXT_HEADER = 'x-fleet-context';
/** Every inbound header with this prefix is stripped by the gateway. */
export const INTERNAL_HEADER_PREFIX = 'x-fleet-';

const DEFAULT_MAX_AGE_MS = 30_000;

/**
 * The one request a signed context is for: a header captured on its way to one service and route
 * is refused by every other service, route and method.
 */
export interface ContextTarget {
  /** The receiving service's name, as scripts/services.js and the gateway's routes name it (`catalog`, `tenancy`). */
  audience: string;
  /** The HTTP method of the request (any case; compared upper case). */
  method: string;
  /** The request path exactly as sent on the wire, without the query string (`/internal/hosts/acme.localhost`). */
  path: string;
}

interface SignedPayload {
  ctx: Ctx;
  /** Issued at, epoch milliseconds. */
  iat: number;
  /** Audience: the receiving service. */
  aud: string;
  /** Method, upper case. */
  m: string;
  /** Path without the query string. */
  p: string;
}

/**
 * `<base64url(json)>.<base64url(hmac-sha256)>`. The signed JSON holds the context, the time and the
 * target (audience, method, path): still one HMAC per request, no hashing of the body or query.
 */
export function signContext(ctx: Ctx, key: string, target: ContextTarget, now = Date.now()): string {
  const payload: SignedPayload = {
    ctx,
    iat: now,
    aud: target.audience,
    m: target.method.toUpperCase(),
    p: target.path,
  };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(body, key)}`;
}

export type VerifyFailure = 'missing' | 'malformed' | 'bad_signature' | 'stale' | 'wrong_target';

export type VerifyResult = { ok: true; ctx: Ctx } | { ok: false; reason: VerifyFailure };

/**
 * Checks the signature in constant time, then the age (both ways, for clock skew), then that the
 * header was signed for this service (`expected.audience`), this method and this path.
 */
export function verifyContext(
  header: string | undefined,
  key: string,
  expected: ContextTarget,
  { now = Date.now(), maxAgeMs = DEFAULT_MAX_AGE_MS } = {},
): VerifyResult {
  if (!header) return { ok: false, reason: 'missing' };
  const dot = header.indexOf('.');
  if (dot <= 0 || header.length > 8192) return { ok: false, reason: 'malformed' };
  const body = header.slice(0, dot);
  const given = Buffer.from(header.slice(dot + 1), 'base64url');
  const wanted = Buffer.from(mac(body, key), 'base64url');
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted))
    return { ok: false, reason: 'bad_signature' };
  let payload: SignedPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as SignedPayload;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof payload.iat !== 'number' || typeof payload.ctx?.requestId !== 'string')
    return { ok: false, reason: 'malformed' };
  if (Math.abs(now - payload.iat) > maxAgeMs) return { ok: false, reason: 'stale' };
  if (
    payload.aud !== expected.audience ||
    payload.m !== expected.method.toUpperCase() ||
    payload.p !== expected.path
  )
    return { ok: false, reason: 'wrong_target' };
  return { ok: true, ctx: payload.ctx };
}

function mac(body: string, key: string): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}

/** The target of a request to `audience`; a query string on `pathAndQuery` is dropped (it is not signed). */
export function contextTarget(audience: string, method: string, pathAndQuery: string): ContextTarget {
  const query = pathAndQuery.indexOf('?');
  return { audience, method, path: query === -1 ? pathAndQuery : pathAndQuery.slice(0, query) };
}
