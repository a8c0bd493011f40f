import { razorpayId, razorpayNotes, unixNow, type RazorpayOrderEntity } from './razorpay-entities';
import { badRequest, collection, noSuchId, ok, type RazorpayCall, type RazorpayReply } from './razorpay-http';

/** The Orders API: `/v1/orders`, `/v1/orders/:id`, `/v1/orders/:id/payments`. */

const MIN_AMOUNT = 100; // Razorpay's minimum order: 1.00 of the currency.
const MAX_RECEIPT = 40;
const MAX_NOTES = 15;
const MAX_NOTE_LENGTH = 256;

export function createOrder({ account, body }: RazorpayCall): RazorpayReply {
  const { amount, currency, receipt } = body;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < MIN_AMOUNT) {
    return badRequest(`The amount must be an integer of at least ${MIN_AMOUNT}.`, 'amount');
  }
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
    return badRequest('The currency is invalid.', 'currency');
  }
  if (receipt !== undefined && (typeof receipt !== 'string' || receipt.length > MAX_RECEIPT)) {
    return badRequest(`The receipt may not be greater than ${MAX_RECEIPT} characters.`, 'receipt');
  }
  const notes = readNotes(body.notes);
  if (notes === null) return badRequest('The notes are invalid.', 'notes');
  const order: RazorpayOrderEntity = {
    id: razorpayId('order'),
    entity: 'order',
    amount,
    amount_paid: 0,
    amount_due: amount,
    currency,
    receipt: receipt ?? null,
    offer_id: null,
    status: 'created',
    attempts: 0,
    notes: razorpayNotes(notes),
    created_at: unixNow(),
  };
  account.orders.set(order.id, order);
  return ok(order);
}

/** `GET /v1/orders?receipt=&authorized=&count=&skip=`. */
export function listOrders({ account, query }: RazorpayCall): RazorpayReply {
  const receipt = query.get('receipt');
  const authorized = query.get('authorized');
  const orders = [...account.orders.values()].filter(
    (o) =>
      (receipt === null || o.receipt === receipt) &&
      (authorized === null || (authorized === '1') === (o.status !== 'created')),
  );
  return collection(orders, query);
}

export function fetchOrder({ account, params }: RazorpayCall): RazorpayReply {
  const order = account.orders.get(params[0] as string);
  return order ? ok(order) : noSuchId();
}

/** Every attempt at paying the order, failed ones included (oldest first, as Razorpay lists them). */
export function fetchOrderPayments({ account, params }: RazorpayCall): RazorpayReply {
  const orderId = params[0] as string;
  if (!account.orders.has(orderId)) return noSuchId();
  const items = [...account.payments.values()].filter((p) => p.order_id === orderId);
  return ok({ entity: 'collection', count: items.length, items });
}

/** Request notes: at most 15 string (or number) values of at most 256 characters; null when invalid. */
export function readNotes(notes: unknown): Record<string, string> | undefined | null {
  if (notes === undefined || (Array.isArray(notes) && notes.length === 0)) return undefined;
  if (!notes || typeof notes !== 'object' || Array.isArray(notes)) return null;
  const entries = Object.entries(notes as Record<string, unknown>);
  if (entries.length > MAX_NOTES) return null;
  const valid = entries.every(
    ([, v]) => (typeof v === 'string' || typeof v === 'number') && String(v).length <= MAX_NOTE_LENGTH,
  );
  return valid ? Object.fromEntries(entries.map(([k, v]) => [k, String(v)])) : null;
}
