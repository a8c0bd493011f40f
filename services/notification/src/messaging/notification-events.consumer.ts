import type { Db } from '@fleet/db';
import { contextFromEnvelope, handleOnce, type Broker, type EventHandler } from '@fleet/messaging';
import { runWithContext } from '@fleet/context';
import { queuedDeliveriesOfEvent } from '../data-access/delivery.repository';
import { NOTIFICATION_EVENT_BINDINGS, planNotification } from '../domain/notification-plan';
import { recordNotification } from '../domain/record-notification';
import type { DeliveryQueue } from './delivery-queue';

/** The durable queue `${AMQP_PREFIX}notification.events`; the inbox consumer name. */
export const EVENTS_CONSUMER = 'events';
const INBOX_NAME = 'notification.events';

/**
 * Applies each event once (inbox): a delivery row is written in the same transaction. Its job is
 * queued after the commit, and again on a redelivery while the delivery is still queued (a crash
 * between commit and enqueue); the delivery id is the job id, so it is queued once.
 */
export function notificationEventsHandler(db: Db, queue: Pick<DeliveryQueue, 'enqueue'>): EventHandler {
  return async (envelope) => {
    const plan = planNotification(envelope);
    const ctx = contextFromEnvelope(envelope);
    await runWithContext(ctx, () =>
      handleOnce(db, INBOX_NAME, envelope, (tx, env, c) => recordNotification(tx, env, c, plan)),
    );
    if (!plan.email) return;
    const queued = await db.readAsTenant(ctx, (tx) => queuedDeliveriesOfEvent(tx, ctx.tenantId, envelope.id));
    for (const { id } of queued) await queue.enqueue({ tenantId: ctx.tenantId, deliveryId: id });
  };
}

export function consumeNotificationEvents(
  broker: Pick<Broker, 'consume'>,
  db: Db,
  queue: Pick<DeliveryQueue, 'enqueue'>,
  options: { baseDelayMs?: number; maxAttempts?: number } = {},
): Promise<string> {
  return broker.consume({
    name: EVENTS_CONSUMER,
    bindings: NOTIFICATION_EVENT_BINDINGS,
    handler: notificationEventsHandler(db, queue),
    ...options,
  });
}
