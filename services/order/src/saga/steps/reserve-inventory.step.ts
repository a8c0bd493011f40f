import { listItems } from '../../data-access/order-lines.repository';
import { describeProblem, done, isPast, reject, retry, defineStep } from '../saga-step';

/**
 * How long past the payment grace inventory still holds the stock: the recovery job's interval
 * and the commit's round trips, with room to spare.
 */
export const RESERVATION_MARGIN_MS = 60_000;

/**
 * Reserves the order's units (reservation id = order id) until the order expires plus the
 * payment grace and a margin: the unpaid timeout asks payment before cancelling, and a payment it
 * finds (or one still processing, waited for once) must still find its stock held to commit it.
 * Out of stock: REJECTED, nothing reserved.
 */
export const reserveInventoryStep = defineStep({
  name: 'reserve_inventory',
  async run(ctx, deps, { order, items }) {
    if (isPast(order.expiresAt)) {
      return reject({ code: 'checkout_timeout', detail: 'The order expired before stock was reserved.' });
    }
    const lines = items ?? (await deps.db.readAsTenant(ctx, (tx) => listItems(tx, order.id)));
    const result = await deps.inventory.reserve(ctx, {
      reservationId: order.id,
      items: lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
      expiresAt: new Date(
        order.expiresAt.getTime() + deps.saga.paymentGraceMs + RESERVATION_MARGIN_MS,
      ).toISOString(),
    });
    if (result.ok) return done({ detail: 'reserved' });
    if (result.kind === 'unavailable') return retry(result.error);
    const { code, detail, ...extra } = result.problem;
    delete extra.type;
    delete extra.title;
    delete extra.status;
    delete extra.instance;
    if (code === 'out_of_stock') {
      return reject({ code, detail, extra }, { stock: 'none', detail: 'out of stock' });
    }
    // Any other refusal reserved nothing either; releasing is a harmless no-op kept for safety.
    return reject({ code: 'reservation_refused', detail: describeProblem(result.status, result.problem) });
  },
});
