/**
 * When a refund pending at its provider is asked about (check-refund.ts). The first check comes
 * `afterMs` after the provider answered `pending` (its webhook usually comes well before); each
 * later one waits twice as long, capped at `maxIntervalMs`. A refund still pending `longPendingMs`
 * after it was made is asked once every `longPendingIntervalMs` from then on, each time with a
 * warning: no outcome is invented for it (see docs/decisions.md, Payments).
 */
export interface RefundPollPolicy {
  afterMs: number;
  maxIntervalMs: number;
  longPendingMs: number;
  longPendingIntervalMs: number;
  /** How long one check belongs to the instance that claimed it. */
  leaseMs: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const DEFAULT_REFUND_POLL: RefundPollPolicy = {
  afterMs: 10 * MINUTE,
  maxIntervalMs: 6 * 60 * MINUTE,
  longPendingMs: 7 * DAY,
  longPendingIntervalMs: DAY,
  leaseMs: MINUTE,
};

/** The wait before the next check, after `checks` checks of a refund made at `createdAt`. */
export function nextCheckDelay(
  policy: RefundPollPolicy,
  checks: number,
  createdAt: Date,
  now = Date.now(),
): { delayMs: number; longPending: boolean } {
  if (now - createdAt.getTime() >= policy.longPendingMs) {
    return { delayMs: policy.longPendingIntervalMs, longPending: true };
  }
  const delayMs = Math.min(policy.maxIntervalMs, policy.afterMs * 2 ** Math.min(checks, 30));
  return { delayMs, longPending: false };
}
