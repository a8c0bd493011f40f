import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The guest's key to one order. It is 32 bytes: an HMAC under the service's token key of the
 * order and a random per-order nonce, so a retried checkout (same checkoutId) can be answered
 * with the same token again, while the database keeps only the nonce and the token's sha256.
 */
export function deriveTokenKey(signingKey: string): Buffer {
  return createHmac('sha256', signingKey).update('fleet-order-token-v1').digest();
}

export function newTokenNonce(): string {
  return randomBytes(16).toString('base64url');
}

export function orderToken(key: Buffer, tenantId: string, orderId: string, nonce: string): string {
  return createHmac('sha256', key).update(`${tenantId}.${orderId}.${nonce}`).digest('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Constant-time comparison of a presented token with the stored hash. */
export function tokenMatches(presented: string | undefined, storedHash: string): boolean {
  if (!presented || presented.length > 128) return false;
  const given = Buffer.from(hashToken(presented), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
