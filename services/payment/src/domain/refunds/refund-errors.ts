import { isAppError } from '@fleet/errors';

/**
 * What a provider's refusal of a refund means. `transient`: the provider could not take it now
 * (unreachable, timed out, its 5xx, its rate limit): the same refund is tried again, bounded.
 * `permanent`: it answered and said no (a request it refuses, a declined card, keys it no longer
 * accepts, a refund it reports failed): retrying the same request cannot change that, so the
 * refund ends `failed` with this reason and its amount is free again.
 */
export type RefundErrorClass = { kind: 'transient' | 'permanent'; reason: string };

const TRANSIENT_CODES = new Set(['provider_error', 'provider_rate_limited']);

export function classifyRefundError(err: unknown): RefundErrorClass {
  if (!isAppError(err))
    return { kind: 'transient', reason: 'provider_error: the provider could not be reached' };
  const code = err.code;
  const reason = `${code}: ${err.message}`;
  if (err.type === 'unavailable' && TRANSIENT_CODES.has(code)) return { kind: 'transient', reason };
  if (err.type === 'internal') return { kind: 'transient', reason };
  return { kind: 'permanent', reason };
}
