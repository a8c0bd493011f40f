import { newId } from '@fleet/db';
import { waitFor } from '@fleet/testing';
import { orderEvent, startNotification, type NotificationFixture, type Store } from './notification-fixture';

let fx: NotificationFixture;
let store: Store;

beforeAll(async () => {
  fx = await startNotification('ntf_delivery');
  store = await fx.openStore({ primaryColor: '#aa3300', logoUrl: 'https://cdn.example.com/logo.png' });
});
afterAll(() => fx.close());

const shopper = () => `${newId('s').toLowerCase()}@example.com`;
const settle = () => new Promise((resolve) => setTimeout(resolve, 700));

test('order.placed sends one branded confirmation with HTML and text parts, however often it is delivered', async () => {
  const to = shopper();
  const orderId = newId('ord');
  const envelope = await fx.publish(store.tenantId, 'order.placed', orderEvent(orderId, to));
  const [mail] = await fx.smtp.waitForMail(to);
  expect(mail!.subject).toBe(`Order ${orderId} confirmed: thank you!`);
  expect(mail!.parsed.from?.value[0]).toEqual({ name: store.name, address: 'mail@fleet.test' });
  expect(mail!.html).toContain('#aa3300');
  expect(mail!.html).toContain('https://cdn.example.com/logo.png');
  expect(mail!.html).toContain('$58.50');
  expect(mail!.text).toContain('Total: $58.50');
  expect(mail!.text).toContain(`http://${store.slug}.fleet.test`);
  expect(mail!.text).not.toContain('<');

  // the same event again (a redelivery): no second e-mail
  await fx.publish(store.tenantId, 'order.placed', orderEvent(orderId, to), envelope.id);
  await settle();
  expect(fx.smtp.to(to)).toHaveLength(1);
  const rows = await fx.deliveries(store.tenantId);
  expect(rows.filter((r) => r.event_id === envelope.id)).toEqual([
    expect.objectContaining({ type: 'order_confirmation', status: 'sent', attempts: 1, recipient: to }),
  ]);
});

test('payment, shipment and cancel events name only the order: the mail goes to its contact', async () => {
  const to = shopper();
  const orderId = newId('ord');
  await fx.publish(store.tenantId, 'order.created', orderEvent(orderId, to, { status: 'PENDING' }));
  await fx.publish(store.tenantId, 'payment.failed', {
    paymentId: 'pay_1',
    orderId,
    reason: 'card_declined',
    test: true,
  });
  const shipment = {
    shipmentId: 'shp_1',
    orderId,
    carrier: 'parcelx',
    carrierName: 'Parcel Express',
    trackingNumber: 'PX99887766',
    trackingUrl: 'https://track.example.com/PX99887766',
    status: 'IN_TRANSIT',
    occurredAt: new Date().toISOString(),
  };
  await fx.publish(store.tenantId, 'shipment.in_transit', shipment);
  await fx.publish(store.tenantId, 'shipment.delivered', { ...shipment, status: 'DELIVERED' });
  await fx.publish(store.tenantId, 'payment.refunded', {
    paymentId: 'pay_1',
    orderId,
    refundId: 'ref_1',
    amount: 1_000,
    refundedAmount: 1_000,
    currency: 'USD',
    fullyRefunded: false,
    test: true,
  });
  await fx.publish(store.tenantId, 'order.cancelled', orderEvent(orderId, to, { status: 'CANCELLED' }));
  const mails = await fx.smtp.waitForMail(to, 5);
  const subjects = mails.map((m) => m.subject).sort();
  expect(subjects).toEqual(
    [
      `Order ${orderId} is on its way`,
      `Order ${orderId} was cancelled`,
      `Order ${orderId} was delivered`,
      `Payment for order ${orderId} did not go through`,
      `Refund of $10.00 for order ${orderId}`,
    ].sort(),
  );
  const shipped = mails.find((m) => m.subject.includes('on its way'))!;
  expect(shipped.text).toContain('PX99887766');
  expect(shipped.html).toContain('href="https://track.example.com/PX99887766"');
  expect(mails.find((m) => m.subject.startsWith('Payment'))!.text).toContain('card_declined');
  // one address's mails arrive in the order their deliveries were queued, although the worker
  // sends four at once (send-delivery.ts: a later one waits for an earlier one still queued)
  const queued = (await fx.deliveries(store.tenantId))
    .filter((r) => r.recipient === to)
    .sort(
      (a, b) => +(a.created_at as Date) - +(b.created_at as Date) || String(a.id).localeCompare(String(b.id)),
    )
    .map((r) => r.type);
  expect(mails.map((m) => m.headers.get('x-fleet-notification'))).toEqual(queued);
});

test('a shipment event that arrives before the order is known waits for it, then is sent', async () => {
  const to = shopper();
  const orderId = newId('ord');
  await fx.publish(store.tenantId, 'shipment.delivered', {
    shipmentId: 'shp_2',
    orderId,
    carrier: 'flat',
    carrierName: 'Store delivery',
    trackingNumber: 'FL1',
    trackingUrl: null,
    status: 'DELIVERED',
    occurredAt: new Date().toISOString(),
  });
  await settle();
  expect(fx.smtp.to(to)).toHaveLength(0);
  await fx.publish(store.tenantId, 'order.created', orderEvent(orderId, to, { status: 'PENDING' }));
  const [mail] = await fx.smtp.waitForMail(to, 1, 30_000);
  expect(mail!.subject).toBe(`Order ${orderId} was delivered`);
});

test('return updates and account e-mails carry their data; links are on the store host', async () => {
  const to = shopper();
  await fx.publish(store.tenantId, 'order.return_accepted', {
    returnId: 'ret_1',
    orderId: 'ord_r1',
    email: to,
    customerId: null,
    status: 'ACCEPTED',
    lines: [{ variantId: 'var_1', productId: 'prod_1', quantity: 1 }],
    refundAmount: null,
    restock: null,
    currency: 'USD',
  });
  const token = `pwr_${'a'.repeat(43)}`;
  await fx.publish(store.tenantId, 'identity.password_reset_requested', {
    audience: 'staff',
    email: to,
    name: 'Sam',
    token,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  await fx.publish(store.tenantId, 'identity.email_verification_requested', {
    audience: 'customer',
    email: to,
    name: 'Sam',
    token: `vfy_${'b'.repeat(43)}`,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  const mails = await fx.smtp.waitForMail(to, 3);
  const byType = (t: string) => mails.find((m) => m.headers.get('x-fleet-notification') === t)!;
  expect(byType('return_update').subject).toBe('Your return for order ord_r1: accepted');
  expect(byType('password_reset').text).toContain(
    `http://${store.slug}.fleet.test/admin/reset-password?token=${token}`,
  );
  expect(byType('email_verification').html).toContain(
    `http://${store.slug}.fleet.test/account/verify-email?token=vfy_${'b'.repeat(43)}`,
  );
  // the one-time token is not kept once the mail is sent
  await waitFor('tokens scrubbed', async () => {
    const rows = await fx.deliveries(store.tenantId);
    const account = rows.filter((r) => r.recipient === to && String(r.type).includes('_'));
    return account.every((r) => r.status === 'sent' && !JSON.stringify(r.data).includes(token));
  });
});

test('a refused address fails after its retries while the other mail goes out', async () => {
  const dead = shopper();
  const alive = shopper();
  fx.smtp.refuse.add(dead);
  await fx.publish(store.tenantId, 'order.placed', orderEvent(newId('ord'), dead));
  await fx.publish(store.tenantId, 'order.placed', orderEvent(newId('ord'), alive));
  await fx.smtp.waitForMail(alive);
  const failed = await waitFor(
    'the refused delivery to fail',
    async () => {
      const rows = await fx.deliveries(store.tenantId);
      return rows.find((r) => r.recipient === dead && r.status === 'failed');
    },
    { timeoutMs: 20_000 },
  );
  expect(failed).toMatchObject({ attempts: 3 });
  expect(String(failed.last_error)).toMatch(/550|unavailable|rejected/i);
  expect(fx.smtp.to(dead)).toHaveLength(0);
});

test('a broken override never blocks mail: the default is sent and the delivery says why', async () => {
  const to = shopper();
  // saved past the API's check (it renders with sample data, fails with this one)
  await fx.owner('templates').insert({
    tenant_id: store.tenantId,
    type: 'order_cancelled',
    subject: 'Cancelled {{ order.id | no_such_filter }}',
    html: '<p>x</p>',
  });
  const orderId = newId('ord');
  await fx.publish(store.tenantId, 'order.cancelled', orderEvent(orderId, to, { status: 'CANCELLED' }));
  const [mail] = await fx.smtp.waitForMail(to);
  expect(mail!.subject).toBe(`Order ${orderId} was cancelled`);
  const row = await waitFor('the delivery recorded', async () => {
    const rows = await fx.deliveries(store.tenantId);
    return rows.find((r) => r.recipient === to && r.status === 'sent');
  });
  expect(String(row.template_error)).toContain('no_such_filter');
  await fx.owner('templates').where({ tenant_id: store.tenantId }).delete();
});
