/**
 * Request rates by plan, per tenant across every gateway: `perSecond` sustained, and up to
 * `burst` within one second while the burst allowance lasts (API.md: plan limits protect the
 * platform, and even the free plan sustains a flash sale on a small store).
 */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

export type PlanLimits = Readonly<Record<string, RateLimit>>;

const FREE: RateLimit = { perSecond: 100, burst: 300 };

export const PLAN_LIMITS: PlanLimits = {
  free: FREE,
  basic: { perSecond: 200, burst: 600 },
  pro: { perSecond: 500, burst: 1500 },
  enterprise: { perSecond: 2000, burst: 6000 },
};

/** Apex (sign-up) and console traffic has no tenant: it is limited per client IP. */
export const CLIENT_IP_LIMIT: RateLimit = { perSecond: 50, burst: 150 };

/**
 * The part of its store's limit one client (an IPv4 address, an IPv6 /64) may use, per gateway
 * process: a fifth, so one client cannot spend a small store's whole budget (free: 20/s, bursts
 * to 60) while a shopper's page loads (tens of requests) fit with room to spare.
 */
export const STORE_CLIENT_SHARE = 0.2;

/**
 * Requests for a store host this gateway process does not know in memory (unknown, or not cached
 * yet), per client, before any Redis or registry lookup: a browser touches few new hosts, a
 * flood of made-up hosts is refused without costing a lookup.
 */
export const UNKNOWN_HOST_LIMIT: RateLimit = { perSecond: 10, burst: 30 };

/** A client's share of a store's limit (at least 1/s and a burst of 3). */
export function clientShareOf(limit: RateLimit, share: number): RateLimit {
  const perSecond = Math.max(1, Math.floor(limit.perSecond * share));
  return { perSecond, burst: Math.max(perSecond, 3, Math.floor(limit.burst * share)) };
}

/**
 * How long the burst allowance (`burst - perSecond` extra requests) takes to come back. With 10 s,
 * a free store can take 300 requests in one second, then 100/s, and burst again 10 s later.
 */
export const BURST_WINDOW_SECONDS = 10;

/** An unknown plan gets the free plan's limits rather than none. */
export function limitForPlan(limits: PlanLimits, plan: string): RateLimit {
  return limits[plan] ?? limits.free ?? FREE;
}
