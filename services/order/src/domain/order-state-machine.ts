import { ORDER_EVENTS, type OrderStatus } from '@fleet/contracts';
import { transitionGuard } from '@fleet/errors';

/**
 * The order lifecycle as data (Vendure style): every allowed move, nothing else.
 * PENDING waits for payment; REJECTED is a failure before acceptance (out of stock, payment
 * could not be created); CANCEL_REQUESTED holds while stock goes back and money is refunded.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  PENDING: ['PLACED', 'CANCEL_REQUESTED', 'REJECTED'],
  PLACED: ['FULFILLED', 'CANCEL_REQUESTED'],
  FULFILLED: ['SHIPPED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: ['RETURNED', 'PARTIALLY_RETURNED'],
  PARTIALLY_RETURNED: ['RETURNED'],
  CANCEL_REQUESTED: ['CANCELLED'],
  CANCELLED: [],
  REJECTED: [],
  RETURNED: [],
};

export const ORDER_STATUSES = Object.keys(ORDER_TRANSITIONS) as OrderStatus[];

/** Statuses in which the shopper or the merchant may still cancel. */
export const CANCELLABLE: ReadonlySet<OrderStatus> = new Set(['PENDING', 'PLACED']);

/** The event each arrival in a status publishes (`order.created` for the first, PENDING). */
export const STATUS_EVENTS: Readonly<Record<OrderStatus, string>> = {
  PENDING: ORDER_EVENTS.created,
  PLACED: ORDER_EVENTS.placed,
  FULFILLED: ORDER_EVENTS.fulfilled,
  SHIPPED: 'order.shipped',
  DELIVERED: 'order.delivered',
  CANCEL_REQUESTED: ORDER_EVENTS.cancelRequested,
  CANCELLED: ORDER_EVENTS.cancelled,
  REJECTED: ORDER_EVENTS.rejected,
  RETURNED: 'order.returned',
  PARTIALLY_RETURNED: 'order.partially_returned',
};

/** Pure guards: `assertTransition` throws 409 `invalid_transition` for a move the table does not allow. */
export const { canTransition, assertTransition } = transitionGuard(ORDER_TRANSITIONS, {
  subject: 'An order',
  code: 'invalid_transition',
});

export function isTerminal(status: OrderStatus): boolean {
  return ORDER_TRANSITIONS[status].length === 0;
}
