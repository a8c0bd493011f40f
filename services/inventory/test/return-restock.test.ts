import { createEnvelope } from '@fleet/messaging';
import { returnEventsHandler } from '../src';
import { newTenant, startInventory, type InventoryFixture } from './inventory-fixture';

let fx: InventoryFixture;
const t = newTenant();

beforeAll(async () => {
  fx = await startInventory('inv_returns');
  await fx.setStock(t, 'var_a', 10, 'prod_a');
  await fx.setStock(t, 'var_b', 10, 'prod_b');
  const sold = await fx.reserve(t, {
    reservationId: 'ord_sold',
    items: [
      { variantId: 'var_a', quantity: 3 },
      { variantId: 'var_b', quantity: 1 },
    ],
  });
  expect(sold.status).toBe(201);
  expect((await fx.internal(t, '/internal/reservations/ord_sold/commit', { method: 'POST' })).status).toBe(
    200,
  );
});
afterAll(() => fx.close());

const received = (tenantId: string, restock: boolean | null, lines: Array<[string, number]>) =>
  createEnvelope(
    { requestId: 'order-test', tenantId },
    {
      type: 'order.return_received',
      aggregateId: 'ret_1',
      version: 3,
      data: {
        returnId: 'ret_1',
        orderId: 'ord_sold',
        email: 'a@b.co',
        customerId: null,
        status: 'RECEIVED',
        lines: lines.map(([variantId, quantity]) => ({ variantId, productId: 'p', quantity })),
        refundAmount: 1000,
        restock,
        currency: 'USD',
      },
    },
  );

test('restocked units go back on the shelf once, however often the event comes', async () => {
  const handle = returnEventsHandler(fx.db);
  const event = received(t, true, [['var_a', 2]]);
  await handle(event);
  await handle(event);
  expect(await fx.level(t, 'var_a')).toMatchObject({ onHand: 9, reserved: 0 });
  expect(await fx.level(t, 'var_b')).toMatchObject({ onHand: 9, reserved: 0 });
  const changed = await fx.events(t, 'inventory.level_changed');
  expect(changed.at(-1)?.data).toMatchObject({ variantId: 'var_a', available: 9 });
});

test('not restocked changes nothing; a line is capped at what the order sold; unknown variants are ignored', async () => {
  const handle = returnEventsHandler(fx.db);
  await handle(received(t, false, [['var_b', 1]]));
  expect(await fx.level(t, 'var_b')).toMatchObject({ onHand: 9 });
  await handle(
    received(t, true, [
      ['var_b', 5],
      ['var_zzz', 1],
    ]),
  );
  expect(await fx.level(t, 'var_b')).toMatchObject({ onHand: 10 });
  expect(await fx.level(t, 'var_zzz')).toBeUndefined();
});

test("another tenant's return of the same order id restocks nothing here", async () => {
  const other = newTenant();
  const before = await fx.level(t, 'var_a');
  await returnEventsHandler(fx.db)(received(other, true, [['var_a', 1]]));
  expect(await fx.level(t, 'var_a')).toEqual(before);
  expect(await fx.level(other, 'var_a')).toBeUndefined();
});

test('a malformed event throws (retried, then dead-lettered) and changes nothing', async () => {
  const before = await fx.level(t, 'var_a');
  const bad = { ...received(t, true, [['var_a', 1]]), data: { orderId: 'ord_sold', lines: 'x' } };
  await expect(returnEventsHandler(fx.db)(bad)).rejects.toThrow();
  expect(await fx.level(t, 'var_a')).toEqual(before);
});
