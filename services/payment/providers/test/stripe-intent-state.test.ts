import { AppError } from '@fleet/errors';
import { intentState } from '../src/stripe/stripe-events';

/** What a PaymentIntent read from Stripe means when the unpaid-order timeout asks (issue 13 item 10). */
const intent = (status: string, extra: Record<string, unknown> = {}) => ({
  id: 'pi_123',
  object: 'payment_intent',
  status,
  amount_received: status === 'succeeded' ? 2500 : 0,
  metadata: { fleet_tenant_id: 'ten_a' },
  ...extra,
});

test.each([
  ['processing', 'processing'],
  ['requires_action', 'processing'],
  ['requires_confirmation', 'processing'],
  ['requires_capture', 'processing'],
  ['requires_payment_method', 'unpaid'],
  ['canceled', 'unpaid'],
])('%s is %s', (status, expected) => {
  expect(intentState(intent(status), 'ten_a')).toEqual({ status: expected });
});

test('succeeded carries the event its webhook would bring, under the confirmation id', () => {
  expect(intentState(intent('succeeded'), 'ten_a')).toEqual({
    status: 'succeeded',
    event: {
      eventId: 'confirm_pi_123',
      type: 'payment.succeeded',
      providerPaymentId: 'pi_123',
      amount: 2500,
    },
  });
});

test("another tenant's or a malformed PaymentIntent is a provider error, never a state", () => {
  for (const read of [intent('succeeded', { metadata: { fleet_tenant_id: 'ten_b' } }), { id: 'pi_1' }]) {
    let thrown: unknown;
    try {
      intentState(read, 'ten_a');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('provider_error');
  }
});
