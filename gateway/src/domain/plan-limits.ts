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
 * How long the burst allowance (`burst - perSecond` extra requests) takes to come back. With 10 s,
 * a free store can take 300 requests in one second, then 100/s, and burst again 10 s later.
 */
export const BURST_WINDOW_SECONDS = 10;

/** An unknown plan gets the free plan's limits rather than none. */
export function limitForPlan(limits: PlanLimits, plan: string): RateLimit {
  return limits[plan] ?? limits.free ?? FREE;
}
