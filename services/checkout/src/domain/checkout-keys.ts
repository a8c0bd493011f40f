import { createHash } from 'node:crypto';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The order's checkout id follows from the tenant and the Idempotency-Key, so a retry after a
 * crash reaches the same order (order is idempotent by checkout id).
 */
export function checkoutIdFor(tenantId: string, idempotencyKey: string): string {
  return `chk_${sha256(`${tenantId}\n${idempotencyKey}`).slice(0, 40)}`;
}

/** What "the same body" means for an Idempotency-Key: the SHA-256 of the canonical body. */
export { canonicalJson, jsonFingerprint as bodyFingerprint } from '@fleet/crypto';
