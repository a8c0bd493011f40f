import type { ConsumeOptions, EventEnvelope, EventHandler } from '@fleet/messaging';
import { contextFromEnvelope, handleOnce } from '@fleet/messaging';
import { applyOutcome } from '../saga/apply-outcome';
import { driveSaga } from '../saga/orchestrator';
import type { SagaDeps } from '../domain/order-deps';
import { openSagaUnit, type ClaimedStep } from '../saga/saga-unit';
import { paymentFailed } from './payment-failed.consumer';
import { paymentRefunded } from './payment-refunded.consumer';
import { paymentSucceeded } from './payment-succeeded.consumer';
import type { Reaction } from './reaction';
import { reservationExpired } from './reservation-expired.consumer';

const REACTIONS: ReadonlyMap<string, Reaction<never>> = new Map(
  [paymentSucceeded, paymentFailed, paymentRefunded, reservationExpired].map((r) => [
    r.type,
    r as unknown as Reaction<never>,
  ]),
);

const ORDER_ID = /^ord_[0-9a-z]{26}$/;

/** The order service's one durable queue (`${prefix}order.saga-events`) and what it listens to. */
export const ORDER_CONSUMER = { name: 'saga-events', bindings: [...REACTIONS.keys()] } as const;

/** Thrown while the order is not visible (its create has not committed yet): the broker retries. */
export class OrderNotVisibleError extends Error {}

/**
 * Applies each event once (inbox) in the event's tenant, with the order and its saga locked,
 * then drives the saga outside that transaction (its remote calls never run inside one). When
 * the event makes a step due (payment.succeeded: commit the stock), that step is claimed in the
 * inbox transaction too, so the drive starts with its remote call.
 * An event for an order not yet committed fails and comes back through the broker's retries.
 */
export function orderEventsHandler(deps: SagaDeps): EventHandler {
  return async (envelope) => {
    const target = parse(envelope);
    let claimed: ClaimedStep | undefined;
    await handleOnce(deps.db, `order.${ORDER_CONSUMER.name}`, envelope, async (tx, _envelope, ctx) => {
      if (!target) return;
      const unit = await openSagaUnit(tx, ctx, target.orderId);
      if (!unit) throw new OrderNotVisibleError(`order ${target.orderId} is not visible (yet)`);
      unit.note(`event ${envelope.type}`, envelope.id);
      await applyOutcome(unit, await target.reaction.react(unit, target.data), unit.saga.step);
      claimed = await unit.saveAndClaimNext(deps.saga.leaseMs);
    });
    if (!target) {
      deps.logger.warn({ eventId: envelope.id, type: envelope.type }, 'ignoring malformed or unknown event');
      return;
    }
    await driveSaga(contextFromEnvelope(envelope), deps, target.orderId, { claimed }).catch((err: unknown) =>
      deps.logger.warn({ err, orderId: target.orderId }, 'saga continues in the recovery job'),
    );
  };
}

function parse(
  envelope: EventEnvelope,
): { reaction: Reaction<never>; orderId: string; data: never } | undefined {
  const reaction = REACTIONS.get(envelope.type);
  const parsed = reaction?.schema.safeParse(envelope.data);
  if (!reaction || !parsed?.success) return undefined;
  const orderId = reaction.orderIdOf(parsed.data);
  return ORDER_ID.test(orderId) ? { reaction, orderId, data: parsed.data } : undefined;
}

/** Consume options for `broker.consume` (tests shorten the retry delay). */
export function orderConsumer(deps: SagaDeps, overrides: Partial<ConsumeOptions> = {}): ConsumeOptions {
  return {
    ...ORDER_CONSUMER,
    bindings: [...ORDER_CONSUMER.bindings],
    handler: orderEventsHandler(deps),
    ...overrides,
  };
}
