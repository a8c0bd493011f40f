import type { PaymentView } from '@fleet/contracts';
import { providerCheckout } from '../src/domain/provider-checkout';

const page = { orderUrl: 'https://shop.example/orders/ord_1', storeName: 'Shop', email: 'ada@example.com' };

const payment = (over: Partial<PaymentView>): PaymentView => ({
  paymentId: 'pay_1',
  orderId: 'ord_1',
  provider: 'stripe',
  status: 'pending',
  amount: 5900,
  refundedAmount: 0,
  currency: 'USD',
  clientParams: {},
  test: true,
  ...over,
});

const stripe = { publishableKey: 'pk_test_abc123', clientSecret: 'pi_123_secret_abc' };
const razorpay = { keyId: 'rzp_test_abc', orderId: 'order_ABC123', amount: 5900, currency: 'USD' };

describe("the order page's online payment parameters", () => {
  test('a pending Stripe payment gives the Payment Element its key, secret and return URL', () => {
    expect(providerCheckout(payment({ clientParams: stripe }), page)).toEqual({
      provider: 'stripe',
      script: 'https://js.stripe.com/v3',
      publishable_key: stripe.publishableKey,
      client_secret: stripe.clientSecret,
      return_url: page.orderUrl,
    });
  });

  test("a pending Razorpay payment gives Checkout its options and the storefront's confirmation path", () => {
    expect(providerCheckout(payment({ provider: 'razorpay', clientParams: razorpay }), page)).toEqual({
      provider: 'razorpay',
      script: 'https://checkout.razorpay.com/v1/checkout.js',
      key_id: razorpay.keyId,
      order_id: razorpay.orderId,
      amount: 5900,
      currency: 'USD',
      name: 'Shop',
      email: 'ada@example.com',
      action: '/orders/ord_1/razorpay',
    });
  });

  test('nothing is mounted for a settled, offline or missing payment, or parameters of another shape', () => {
    expect(providerCheckout(null, page)).toBeNull();
    expect(providerCheckout(payment({ clientParams: stripe, status: 'succeeded' }), page)).toBeNull();
    expect(providerCheckout(payment({ provider: 'offline', clientParams: stripe }), page)).toBeNull();
    // A secret key where the publishable one belongs, markup in a secret, a missing field.
    expect(
      providerCheckout(payment({ clientParams: { ...stripe, publishableKey: 'sk_test_abc' } }), page),
    ).toBeNull();
    expect(
      providerCheckout(
        payment({ clientParams: { ...stripe, clientSecret: 'pi_1_secret_"><script>' } }),
        page,
      ),
    ).toBeNull();
    expect(
      providerCheckout(payment({ clientParams: { publishableKey: stripe.publishableKey } }), page),
    ).toBeNull();
    expect(
      providerCheckout(
        payment({ provider: 'razorpay', clientParams: { ...razorpay, amount: '5900' } }),
        page,
      ),
    ).toBeNull();
    expect(
      providerCheckout(payment({ provider: 'razorpay', clientParams: { ...razorpay, orderId: 'x' } }), page),
    ).toBeNull();
  });
});
