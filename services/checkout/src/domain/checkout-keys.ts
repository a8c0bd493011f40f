import { createHash } from 'node:crypto';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The order's checkout id follows from the tenant and the Idempotency-Key, so a retry after a
 * crash reaches the same order (order is idempotent by checkout id).
 */
export function checkoutIdFor(tenantId: string, idempotencyKey: string): string {
  return `chk_${sha256(`${tenantId}\n${idempotencyKey}`).slice(0, 40)}`;
}

/** JSON with object keys sorted and undefined members left out: equal values, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What "the same body" means for an Idempotency-Key: the SHA-256 of the canonical body. */
export function bodyFingerprint(body: unknown): string {
  return sha256(canonicalJson(body));
}
