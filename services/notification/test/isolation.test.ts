import { newId } from '@fleet/db';
import { checkingContract } from '@fleet/testing';
import {
  json,
  orderEvent,
  startNotification,
  type NotificationFixture,
  type Store,
} from './notification-fixture';

let fx: NotificationFixture;
let a: Store;
let b: Store;
const PATH = '/api/admin/notifications/templates';
const override = { subject: 'A only {{ order.id }}', html: '<p>A</p>' };

beforeAll(async () => {
  fx = checkingContract(await startNotification('ntf_isolation'), { bodyPosts: true });
  a = await fx.openStore({ primaryColor: '#111111' });
  b = await fx.openStore({ primaryColor: '#222222' });
  expect(
    (await fx.admin(a.tenantId, `${PATH}/order_cancelled`, { method: 'PUT', body: override })).status,
  ).toBe(200);
  await fx.publish(a.tenantId, 'order.placed', orderEvent(newId('ord'), 'a-shopper@example.com'));
  await fx.smtp.waitForMail('a-shopper@example.com');
});
afterAll(() => fx.close());

test("store B sees none of store A's templates or deliveries", async () => {
  const { items } = await json<{ items: Array<{ overridden: boolean }> }>(await fx.admin(b.tenantId, PATH));
  expect(items.every((t) => !t.overridden)).toBe(true);
  const deliveries = await json<{ items: unknown[] }>(
    await fx.admin(b.tenantId, '/api/admin/notifications/deliveries'),
  );
  expect(deliveries.items).toEqual([]);
  const ofA = await json<{ items: Array<{ recipient: string }> }>(
    await fx.admin(a.tenantId, '/api/admin/notifications/deliveries'),
  );
  expect(ofA.items.map((d) => d.recipient)).toEqual(['a-shopper@example.com']);
});

test("store B can neither change nor remove store A's override", async () => {
  expect((await fx.admin(b.tenantId, `${PATH}/order_cancelled`, { method: 'DELETE' })).status).toBe(404);
  const put = await fx.admin(b.tenantId, `${PATH}/order_cancelled`, {
    method: 'PUT',
    body: { subject: 'B', html: '<p>B</p>' },
  });
  expect(put.status).toBe(200);
  const { items } = await json<{ items: Array<{ type: string; override: unknown }> }>(
    await fx.admin(a.tenantId, PATH),
  );
  expect(items.find((t) => t.type === 'order_cancelled')!.override).toEqual({ ...override, text: null });
  // B's preview is branded with B's colours
  const preview = await json<{ html: string }>(
    await fx.admin(b.tenantId, `${PATH}/order_cancelled/preview`, { body: { subject: 'x', html: 'y' } }),
  );
  expect(preview.html).toContain('#222222');
  expect(preview.html).not.toContain('#111111');
});

test("an event of store B never uses store A's contacts, templates or branding", async () => {
  const orderId = newId('ord');
  await fx.publish(a.tenantId, 'order.created', orderEvent(orderId, 'a-contact@example.com'));
  await fx.smtp.waitForMail('a-shopper@example.com'); // A's queue is live
  // B's event about A's order id: B knows no contact for it, so nothing is sent to A's shopper
  await fx.publish(b.tenantId, 'payment.failed', { paymentId: 'pay_x', orderId, reason: 'x', test: true });
  await fx.publish(b.tenantId, 'order.cancelled', orderEvent(newId('ord'), 'b-shopper@example.com'));
  const [mail] = await fx.smtp.waitForMail('b-shopper@example.com');
  expect(mail!.subject).toBe('B');
  expect(mail!.html).toContain('#222222');
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(fx.smtp.to('a-contact@example.com')).toHaveLength(0);
});

test('row-level security: the application role without a tenant sees no rows at all', async () => {
  for (const table of ['templates', 'deliveries', 'order_contacts', 'inbox']) {
    const { rows } = await fx.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    expect([table, rows[0]?.n]).toEqual([table, '0']);
  }
  const forced = await fx.owner.raw(
    `SELECT relname FROM pg_class WHERE relname = ANY(?) AND relrowsecurity AND relforcerowsecurity`,
    [['templates', 'deliveries', 'order_contacts']],
  );
  expect(forced.rows).toHaveLength(3);
});
