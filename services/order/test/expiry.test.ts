import { waitFor } from '@fleet/testing';
import { RESERVATION_MARGIN_MS } from '../src/saga/steps/reserve-inventory.step';
import {
  level,
  newTenant,
  orderBody,
  orderRow,
  paymentFor,
  placeOrder,
  reservation,
  sagaRow,
  settled,
  setStock,
  simulate,
  startPlatform,
  statusHistory,
  type Platform,
} from './support/platform';

let p: Platform;

beforeAll(async () => {
  p = await startPlatform('ord_expiry');
}, 60_000);
afterAll(async () => {
  await p.close();
});

const past = () => new Date(Date.now() - 1_000);

test('inventory expires the reservation -> CANCELLED; a payment succeeding after that is refunded', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_a', 5);
  const order = await placeOrder(p, tenant, orderBody([['var_a', 2]]));
  // Time passes for inventory only: its sweeper expires the reservation and says so.
  await p.inventory
    .owner('reservations')
    .where({ tenant_id: tenant, id: order.orderId })
    .update({ expires_at: past() });
  const saga = await settled(p, tenant, order.orderId, 'CANCELLED');
  expect(saga.data.compensation).toMatchObject({ stockDone: true, refund: false });
  expect((await orderRow(p, tenant, order.orderId))?.status).toBe('CANCELLED');
  expect((await reservation(p, tenant, order.orderId))?.status).toBe('expired');
  expect(await level(p, tenant, 'var_a')).toEqual({ onHand: 5, reserved: 0 });

  await simulate(p, tenant, order.payment.paymentId, 'succeeded'); // the shopper paid too late
  await waitFor('the late payment to be refunded', async () => {
    const [payment] = await paymentFor(p, tenant, order.orderId);
    const row = await orderRow(p, tenant, order.orderId);
    return payment?.status === 'refunded' && Number(row?.refunded_amount) === order.total;
  });
  const after = await settled(p, tenant, order.orderId, 'CANCELLED');
  expect(after.data.compensation).toMatchObject({ refund: true, refundDone: true });
  expect(await statusHistory(p, tenant, order.orderId)).toEqual(['PENDING', 'CANCEL_REQUESTED', 'CANCELLED']);
  expect(await level(p, tenant, 'var_a')).toEqual({ onHand: 5, reserved: 0 });
});

test('an unpaid order past its timeout is cancelled by the recovery job: released, CANCELLED', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_b', 5);
  const order = await placeOrder(p, tenant, orderBody([['var_b', 3]], { unpaidOrderTimeoutMinutes: 5 }));
  expect((await sagaRow(p, tenant, order.orderId)).step).toBe('await_payment');
  // Time passes for the order only (inventory's reservation still runs): the order's own timeout acts.
  await p.orderOwner('orders').where({ tenant_id: tenant, id: order.orderId }).update({ expires_at: past() });
  await p
    .orderOwner('saga_state')
    .where({ tenant_id: tenant, order_id: order.orderId })
    .update({ deadline_at: past() });
  await settled(p, tenant, order.orderId, 'CANCELLED');
  const row = await p
    .orderOwner('orders')
    .where({ tenant_id: tenant, id: order.orderId })
    .first('status_reason');
  expect(row.status_reason).toBe('payment_timeout');
  expect((await reservation(p, tenant, order.orderId))?.status).toBe('released');
  expect(await level(p, tenant, 'var_b')).toEqual({ onHand: 5, reserved: 0 });
});

test('the store timeout sent by checkout sets when the order expires', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_c', 1);
  const before = Date.now();
  const order = await placeOrder(p, tenant, orderBody([['var_c', 1]], { unpaidOrderTimeoutMinutes: 7 }));
  const row = await p
    .orderOwner('orders')
    .where({ tenant_id: tenant, id: order.orderId })
    .first('expires_at');
  const minutes = (new Date(row.expires_at).getTime() - before) / 60_000;
  expect(minutes).toBeGreaterThan(6.9);
  expect(minutes).toBeLessThan(7.1);
  // The stock is held past the unpaid timeout by the payment grace (default 10 min) and a margin:
  // a payment the timeout finds must still commit.
  const held = await reservation(p, tenant, order.orderId);
  expect(new Date(held?.expiresAt ?? 0).getTime()).toBe(
    new Date(row.expires_at).getTime() + p.order.deps.saga.paymentGraceMs + RESERVATION_MARGIN_MS,
  );
});
