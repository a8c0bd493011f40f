import { createEmailRenderer } from '../src';
import { composeEmail, templateVariables } from '../src/domain/compose-email';
import { planNotification } from '../src/domain/notification-plan';
import { toStoreProfile } from '../src/domain/store-profile';

const profile = toStoreProfile({
  name: 'Acme & Co',
  theme: { primaryColor: 'red;background:url(https://evil.example/x)', logoUrl: 'javascript:alert(1)' },
  storeUrl: 'https://acme.example.com/',
});

test('store settings are re-checked before they reach CSS and HTML', () => {
  expect(profile).toEqual({
    name: 'Acme & Co',
    primaryColor: '#1f4fd8',
    logoUrl: null,
    url: 'https://acme.example.com',
  });
  expect(
    toStoreProfile({
      name: 'x',
      theme: { primaryColor: '#AbC', logoUrl: 'https://cdn.example/l.png' },
      storeUrl: 'http://x',
    }),
  ).toMatchObject({ primaryColor: '#AbC', logoUrl: 'https://cdn.example/l.png' });
});

test('HTML is escaped, subject and text are not; account links go to the audience’s area', async () => {
  const renderer = createEmailRenderer();
  const data = {
    account: {
      audience: 'staff',
      email: 'o@x.example',
      name: '<Olive>',
      token: 'pwr_a/b',
      expiresAt: '2030-01-01T00:00:00.000Z',
    },
  };
  const vars = templateVariables('email_verification', data, profile, 'o@x.example');
  expect(vars.link).toBe('https://acme.example.com/admin/verify-email?token=pwr_a%2Fb');
  const { email, templateError } = await composeEmail(renderer, 'email_verification', vars, undefined);
  expect(templateError).toBeNull();
  expect(email.subject).toBe('Confirm your e-mail address at Acme & Co');
  expect(email.html).toContain('Hello &lt;Olive&gt;');
  expect(email.html).toContain('Acme &amp; Co');
  expect(email.text).toContain('Hello <Olive>');
  expect(email.text).toContain('Acme & Co');
});

test('an override that cannot render falls back to the default, saying why; templates reach no files', async () => {
  const renderer = createEmailRenderer();
  const vars = templateVariables(
    'order_cancelled',
    { order: { id: 'ord_1', total: 100, currency: 'JPY' } },
    profile,
    'a@b.example',
  );
  for (const html of ['{% include "secrets" %}', '{% render "../../etc/passwd" %}', '{{ order | nope }}']) {
    const out = await composeEmail(renderer, 'order_cancelled', vars, { subject: 'x', html, text: null });
    expect(out.email.subject).toBe('Order ord_1 was cancelled');
    expect(out.email.text).toContain('¥100');
    expect(out.templateError).toMatch(/default was sent/);
  }
});

test('events map to the e-mails of the issue; unknown events and bad bodies are told apart', () => {
  const envelope = (type: string, data: unknown) => ({
    id: 'evt_1',
    type,
    tenantId: 'ten_1',
    occurredAt: '',
    correlationId: 'c',
    causationId: null,
    data,
  });
  const order = { orderId: 'ord_1', email: 'a@b.example', total: 1, currency: 'USD' };
  expect(planNotification(envelope('order.created', order))).toEqual({
    contact: { orderId: 'ord_1', email: 'a@b.example', currency: 'USD' },
  });
  expect(planNotification(envelope('order.placed', order)).email).toMatchObject({
    type: 'order_confirmation',
    to: { email: 'a@b.example' },
  });
  expect(
    planNotification(
      envelope('shipment.in_transit', {
        orderId: 'ord_1',
        carrierName: 'X',
        trackingNumber: 'T',
        trackingUrl: null,
      }),
    ).email,
  ).toMatchObject({ type: 'order_shipped', to: { orderId: 'ord_1' } });
  expect(planNotification(envelope('order.fulfilled', order))).toEqual({});
  expect(() => planNotification(envelope('payment.failed', { reason: 'x' }))).toThrow();
});
