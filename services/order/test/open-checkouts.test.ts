import {
  createOrder,
  json,
  level,
  newTenant,
  orderBody,
  placeOrder,
  settled,
  setStock,
  simulate,
  startPlatform,
  type Platform,
} from './support/platform';

/**
 * Issue 13 item 12: one anonymous shopper could hold a store's stock with any number of unpaid
 * checkouts. At most `maxOpenCheckoutsPerEmail` (5) unexpired PENDING orders per e-mail address
 * per store; past that, 429 `too_many_open_checkouts` and nothing is created or reserved.
 */
let p: Platform;
beforeAll(async () => {
  p = await startPlatform('ord_open_cap');
}, 60_000);
afterAll(async () => {
  await p.close();
});

const as = (email: string) => orderBody([['var_cap', 1]], { email });

test('a sixth unpaid checkout of one address is refused; other addresses, stores and retries are not', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_cap', 50);
  const open = [];
  for (let i = 0; i < 5; i++) open.push({ body: as('hoarder@example.com'), order: undefined as unknown });
  for (const o of open) o.order = await placeOrder(p, tenant, o.body);

  for (const email of ['hoarder@example.com', 'HOARDER@Example.com']) {
    const refused = await createOrder(p, tenant, as(email));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await json(refused)).toMatchObject({ code: 'too_many_open_checkouts' });
  }
  expect(await level(p, tenant, 'var_cap')).toEqual({ onHand: 50, reserved: 5 });
  const rows = await p.orderOwner('orders').where({ tenant_id: tenant });
  expect(rows).toHaveLength(5);

  // A retry of an open checkout is its order again, not a new one.
  const retried = await createOrder(p, tenant, open[0]!.body);
  expect(retried.status).toBe(201);
  // Another shopper of the store, and the same address in another store, are not affected.
  expect((await createOrder(p, tenant, as('someone@example.com'))).status).toBe(201);
  const other = newTenant();
  await setStock(p, other, 'var_cap', 5);
  expect((await createOrder(p, other, as('hoarder@example.com'))).status).toBe(201);

  // Paying one frees a place.
  const paid = open[0]!.order as { orderId: string; payment: { paymentId: string } };
  await simulate(p, tenant, paid.payment.paymentId, 'succeeded');
  await settled(p, tenant, paid.orderId, 'PLACED');
  expect((await createOrder(p, tenant, as('hoarder@example.com'))).status).toBe(201);
});

test('checkouts of one address racing each other open no more orders than the cap', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_cap', 50);
  const answers = await Promise.all(
    Array.from({ length: 12 }, () => createOrder(p, tenant, as('racer@example.com'))),
  );
  const statuses = answers.map((a) => a.status).sort();
  expect(statuses.filter((s) => s === 201)).toHaveLength(5);
  expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  const rows = await p.orderOwner('orders').where({ tenant_id: tenant });
  expect(rows).toHaveLength(5);
});
