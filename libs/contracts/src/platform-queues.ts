/**
 * The platform's queues, by name, for the console's operators (dead letters, the job dashboard).
 * Data only: the services own their queues; these lists say where the platform looks. A service
 * that adds a durable consumer or a BullMQ queue adds a line here (e2e/test/platform-queues.test.ts
 * holds the services' own constants to these names).
 */

/** Durable event consumers: queue `${AMQP_PREFIX}${service}.${consumer}`, dead letters in `….dlq`. */
export interface ConsumerQueue {
  service: string;
  consumer: string;
}

export const CONSUMER_QUEUES: readonly ConsumerQueue[] = [
  { service: 'catalog', consumer: 'inventory-level' },
  { service: 'catalog', consumer: 'review-summary' },
  { service: 'engagement', consumer: 'orders' },
  { service: 'inventory', consumer: 'products' },
  { service: 'inventory', consumer: 'returns' },
  { service: 'notification', consumer: 'events' },
  { service: 'order', consumer: 'saga-events' },
  { service: 'order', consumer: 'shipments' },
  { service: 'search', consumer: 'products' },
  { service: 'shipment', consumer: 'orders' },
  { service: 'tenancy', consumer: 'usage' },
  { service: 'tenancy', consumer: 'payment-mode' },
];

/**
 * BullMQ queues. `keyPrefix` says how the queue's BullMQ prefix derives from `REDIS_PREFIX`:
 * `deployment` is the prefix without its trailing `:` (`fleet`), `search` is `${REDIS_PREFIX}{search}`
 * (a hash tag: one Redis Cluster slot).
 */
export interface JobQueue {
  name: string;
  service: string;
  keyPrefix: 'deployment' | 'search';
}

export const JOB_QUEUES: readonly JobQueue[] = [
  { name: 'inventory-reservation-expiry', service: 'inventory', keyPrefix: 'deployment' },
  { name: 'notification-delivery', service: 'notification', keyPrefix: 'deployment' },
  { name: 'order-saga-recovery', service: 'order', keyPrefix: 'deployment' },
  { name: 'search-reindex', service: 'search', keyPrefix: 'search' },
  { name: 'tenant-export', service: 'tenancy', keyPrefix: 'deployment' },
  { name: 'tenant-purge', service: 'tenancy', keyPrefix: 'deployment' },
];

/** The BullMQ `prefix` option of a job queue under this deployment's `REDIS_PREFIX`. */
export function jobQueuePrefix(queue: JobQueue, redisPrefix: string): string {
  if (queue.keyPrefix === 'search') return `${redisPrefix}{search}`;
  return redisPrefix.replace(/:+$/, '') || 'bull';
}
