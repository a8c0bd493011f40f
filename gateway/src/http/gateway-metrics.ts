import { serviceCounter } from '@fleet/http';

/** Cacheable store reads by outcome: `hit` (from the cache), `miss` (forwarded, may be kept), `bypass`. */
export const answerCacheLookups = serviceCounter('gateway', {
  name: 'fleet_gateway_answer_cache_total',
  help: "Cacheable store reads by the answer cache's outcome: hit, miss or bypass (no stamp).",
  labelNames: ['result'],
});

/** Requests answered 429, by the limit that refused them (no tenant label: unbounded). */
export const rateLimitRejections = serviceCounter('gateway', {
  name: 'fleet_rate_limit_rejections_total',
  help: 'Requests refused with 429 by the gateway, by limit: store_client, tenant, client_ip, unknown_host.',
  labelNames: ['limit'],
});
