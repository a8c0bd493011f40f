import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Ctx } from '@fleet/context';

/** The one header that carries the request context from the gateway to services. */
export const CONTEXT_HEADER = 'x-fleet-context';
/** Every inbound header with this prefix is stripped by the gateway. */
export const INTERNAL_HEADER_PREFIX = 'x-fleet-';

const DEFAULT_MAX_AGE_MS = 30_000;

interface SignedPayload {
  ctx: Ctx;
  /** Issued at, epoch milliseconds. */
  iat: number;
}

/** `<base64url(json)>.<base64url(hmac-sha256)>`. */
export function signContext(ctx: Ctx, key: string, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ ctx, iat: now } satisfies SignedPayload)).toString('base64url');
  return `${body}.${mac(body, key)}`;
}

export type VerifyFailure = 'missing' | 'malformed' | 'bad_signature' | 'stale';

export type VerifyResult = { ok: true; ctx: Ctx } | { ok: false; reason: VerifyFailure };

/** Checks the signature in constant time, then the age (both ways, for clock skew). */
export function verifyContext(
  header: string | undefined,
  key: string,
  { now = Date.now(), maxAgeMs = DEFAULT_MAX_AGE_MS } = {},
): VerifyResult {
  if (!header) return { ok: false, reason: 'missing' };
  const dot = header.indexOf('.');
  if (dot <= 0 || header.length > 8192) return { ok: false, reason: 'malformed' };
  const body = header.slice(0, dot);
  const given = Buffer.from(header.slice(dot + 1), 'base64url');
  const expected = Buffer.from(mac(body, key), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
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
  return { ok: true, ctx: payload.ctx };
}

function mac(body: string, key: string): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}
