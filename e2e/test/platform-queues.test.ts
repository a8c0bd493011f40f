import { CONSUMER_QUEUES, JOB_QUEUES, jobQueuePrefix } from '@fleet/contracts';
import { RESERVATION_SWEEP_QUEUE, RETURNS_CONSUMER } from '@fleet/inventory';
import { bullPrefix } from '@fleet/messaging';
import { ORDER_CONSUMER, RECOVERY_QUEUE, SHIPMENT_CONSUMER } from '@fleet/order';
import { DELIVERY_QUEUE, EVENTS_CONSUMER } from '@fleet/notification';
import { REINDEX_QUEUE, reindexQueuePrefix } from '@fleet/search';
import { ORDERS_CONSUMER } from '@fleet/shipment';
import { EXPORT_QUEUE, PURGE_QUEUE } from '@fleet/tenancy-registry';

/**
 * The console finds the platform's queues by name (`@fleet/contracts`), never by importing a
 * service; this holds those names to the services' own constants, so a rename cannot hide a
 * queue from the dead-letter page or the job dashboard.
 */
test('the job dashboard and the dead-letter console name the queues the services use', () => {
  const byName = new Map(JOB_QUEUES.map((q) => [q.name, q]));
  for (const name of [RESERVATION_SWEEP_QUEUE, RECOVERY_QUEUE, DELIVERY_QUEUE, EXPORT_QUEUE, PURGE_QUEUE]) {
    const queue = byName.get(name);
    expect(queue && jobQueuePrefix(queue, 'fleet:')).toBe(bullPrefix('fleet:'));
  }
  const reindex = byName.get(REINDEX_QUEUE);
  expect(reindex && jobQueuePrefix(reindex, 'fleet:')).toBe(reindexQueuePrefix('fleet:'));
  expect(JOB_QUEUES).toHaveLength(6);
  expect(CONSUMER_QUEUES).toContainEqual({ service: 'order', consumer: ORDER_CONSUMER.name });
  // inbox consumer names are `<service>.<queue>`: the queue part is what the console lists
  expect(CONSUMER_QUEUES).toContainEqual({ service: 'order', consumer: SHIPMENT_CONSUMER.name });
  expect(CONSUMER_QUEUES).toContainEqual({ service: 'shipment', consumer: ORDERS_CONSUMER.split('.')[1] });
  expect(CONSUMER_QUEUES).toContainEqual({ service: 'inventory', consumer: RETURNS_CONSUMER.split('.')[1] });
  expect(CONSUMER_QUEUES).toContainEqual({ service: 'notification', consumer: EVENTS_CONSUMER });
});
