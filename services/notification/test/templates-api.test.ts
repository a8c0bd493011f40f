import { checkingContract } from '@fleet/testing';
import { json, startNotification, type NotificationFixture, type Store } from './notification-fixture';

let fx: NotificationFixture;
let store: Store;
const PATH = '/api/admin/notifications/templates';

beforeAll(async () => {
  fx = checkingContract(await startNotification('ntf_templates'), { bodyPosts: true });
  store = await fx.openStore({ primaryColor: '#0a7a3b' });
});
afterAll(() => fx.close());

interface TemplateView {
  type: string;
  overridden: boolean;
  override: { subject: string; html: string; text: string | null } | null;
  defaultSource: { subject: string };
}

test('every e-mail type is listed with its default; none is overridden at first', async () => {
  const res = await fx.admin(store.tenantId, PATH);
  expect(res.status).toBe(200);
  const { items } = await json<{ items: TemplateView[] }>(res);
  expect(items.map((t) => t.type)).toEqual([
    'order_confirmation',
    'payment_failed',
    'order_shipped',
    'order_delivered',
    'order_cancelled',
    'order_refunded',
    'return_update',
    'password_reset',
    'email_verification',
  ]);
  expect(items.every((t) => !t.overridden && t.override === null && t.defaultSource.subject)).toBe(true);
});

test('preview renders an override with sample data inside the store’s branded layout, and saves nothing', async () => {
  const body = {
    subject: 'Thanks from {{ store.name }} for {{ order.total | money: order.currency }}',
    html: '<p>Hi! {{ order.items.size }} items. <script>{{ "<b>" }}</script></p>',
  };
  const res = await fx.admin(store.tenantId, `${PATH}/order_confirmation/preview`, { body });
  expect(res.status).toBe(200);
  const preview = await json<{ subject: string; html: string; text: string }>(res);
  expect(preview.subject).toBe(`Thanks from ${store.name} for $58.50`);
  expect(preview.html).toContain('<p>Hi! 2 items.');
  expect(preview.html).toContain('&lt;b&gt;'); // output is escaped
  expect(preview.html).toContain('#0a7a3b');
  expect(preview.text).toContain('Total: $58.50'); // no text override: the default text part
  const { items } = await json<{ items: TemplateView[] }>(await fx.admin(store.tenantId, PATH));
  expect(items.find((t) => t.type === 'order_confirmation')!.overridden).toBe(false);
});

test('a template that does not render is refused with 422 naming the error, and not saved', async () => {
  for (const html of ['{% if %}', '{{ order.id | nope }}', '{% render "x" %}']) {
    const res = await fx.admin(store.tenantId, `${PATH}/order_shipped`, {
      method: 'PUT',
      body: { subject: 'x', html },
    });
    expect(res.status).toBe(422);
    expect(await json(res)).toMatchObject({ code: 'template_invalid' });
  }
  const preview = await fx.admin(store.tenantId, `${PATH}/order_shipped/preview`, {
    body: { subject: '{{ x | nope }}', html: 'x' },
  });
  expect(preview.status).toBe(422);
});

test('an override is saved, listed, used, and removed (then the default is used again)', async () => {
  const body = {
    subject: 'Shipped: {{ shipment.trackingNumber }}',
    html: '<p>On its way</p>',
    text: 'On its way',
  };
  const put = await fx.admin(store.tenantId, `${PATH}/order_shipped`, { method: 'PUT', body });
  expect(put.status).toBe(200);
  expect(await json(put)).toMatchObject({ type: 'order_shipped', overridden: true, override: body });
  const { items } = await json<{ items: TemplateView[] }>(await fx.admin(store.tenantId, PATH));
  expect(items.find((t) => t.type === 'order_shipped')).toMatchObject({ overridden: true, override: body });

  const del = await fx.admin(store.tenantId, `${PATH}/order_shipped`, { method: 'DELETE' });
  expect(del.status).toBe(204);
  const again = await fx.admin(store.tenantId, `${PATH}/order_shipped`, { method: 'DELETE' });
  expect(again.status).toBe(404);
});

test('bad input is a 400 that changes nothing; only staff may call', async () => {
  const unknown = await fx.admin(store.tenantId, `${PATH}/welcome`, {
    method: 'PUT',
    body: { subject: 'x', html: 'y' },
  });
  expect(unknown.status).toBe(400);
  const missing = await fx.admin(store.tenantId, `${PATH}/order_shipped`, {
    method: 'PUT',
    body: { subject: 'x' },
  });
  expect(missing.status).toBe(400);
  const extra = await fx.admin(store.tenantId, `${PATH}/order_shipped`, {
    method: 'PUT',
    body: { subject: 'x', html: 'y', from: 'evil@example.com' },
  });
  expect(extra.status).toBe(400);
  const huge = await fx.admin(store.tenantId, `${PATH}/order_shipped`, {
    method: 'PUT',
    body: { subject: 'x', html: 'y'.repeat(70_000) },
  });
  expect(huge.status).toBe(400);
  const cursor = await fx.admin(store.tenantId, '/api/admin/notifications/deliveries?cursor=bm9wZQ');
  expect(cursor.status).toBe(400);
  const shopper = await fx.call(PATH, {
    ctx: { tenantId: store.tenantId, actor: { kind: 'customer', id: 'cus_1' } },
  });
  expect(shopper.status).toBe(403);
  const { items } = await json<{ items: TemplateView[] }>(await fx.admin(store.tenantId, PATH));
  expect(items.every((t) => !t.overridden)).toBe(true);
});
