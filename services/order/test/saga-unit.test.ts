import { findOrder } from '../src/data-access/order.repository';
import { openSagaUnit } from '../src/saga/saga-unit';
import {
  newTenant,
  orderBody,
  placeOrder,
  service,
  setStock,
  startPlatform,
  type Platform,
} from './support/platform';

let p: Platform;

beforeAll(async () => {
  p = await startPlatform('ord_unit');
}, 60_000);
afterAll(async () => {
  await p.close();
});

/**
 * A unit's order updates are deferred and it answers the order as the row will read: what it
 * says must be exactly what the database has after COMMIT, or views would show another order
 * than a later read.
 */
test('the order a saga unit answers after facts and a move is the row as committed', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_u', 2);
  const created = await placeOrder(p, tenant, orderBody([['var_u', 1]]));
  const ctx = { requestId: 'req_unit', tenantId: tenant, ...service(tenant) } as const;
  const cases = [
    { paidAmount: created.total, carrier: 'ups', refundedAmount: 0 },
    { paymentId: 'pay_other', paymentProvider: 'stripe', paymentClientParams: { z: 1 }, refundedAmount: 7 },
    { carrier: null, refundedAmount: 3 },
  ];
  for (const facts of cases) {
    const said = await p.order.db.withTenant(ctx, async (tx) => {
      const unit = await openSagaUnit(tx, ctx, created.orderId);
      if (!unit) throw new Error('order not visible');
      await unit.recordFacts(facts);
      if (unit.order.status === 'PENDING') await unit.transition('PLACED', 'payment_succeeded');
      return unit.order;
    });
    const stored = await p.order.db.withTenant(ctx, (tx) => findOrder(tx, created.orderId));
    expect(said).toEqual(stored);
  }
  const final = await p.order.db.withTenant(ctx, (tx) => findOrder(tx, created.orderId));
  expect(final).toMatchObject({
    status: 'PLACED',
    statusReason: 'payment_succeeded',
    paidAmount: created.total,
    refundedAmount: 7, // only grows
    carrier: null,
    paymentProvider: 'offline', // written once
  });
});
