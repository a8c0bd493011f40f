/**
 * Usage counters the gateway writes and the registry reads: API calls per tenant per UTC day.
 * The hash tag keeps one tenant's keys on one Redis Cluster slot.
 */
export function apiCallsKey(prefix: string, tenantId: string, day: Date = new Date()): string {
  return `${prefix}{t:${tenantId}}:usage:api:${day.toISOString().slice(0, 10)}`;
}

/** How long daily usage counters are kept. */
export const USAGE_RETENTION_SECONDS = 40 * 24 * 3600;
