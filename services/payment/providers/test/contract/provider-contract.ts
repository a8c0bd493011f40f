import { newId } from '@fleet/db';
import type {
  PaymentProvider,
  ProviderCredentials,
  ProviderEventType,
  ProviderPayment,
} from '../../src/provider';

/** A signed webhook exactly as the provider would deliver it. */
export interface SignedDelivery {
  rawBody: string;
  headers: Record<string, string>;
}

/**
 * What a provider's contract run needs: the provider (talking to its stand-in, if it has an API),
 * an account on it, and the provider's own ways to take a payment and sign a webhook.
 */
export interface ProviderHarness {
  provider: PaymentProvider;
  credentials: ProviderCredentials;
  /** A currency the provider's account accepts. */
  currency: string;
  /** What a declined payment normalises to: final (`payment.failed`) or one attempt of several. */
  failureType: ProviderEventType;
  /** The provider keeps the payment's state behind an API (false: offline, whose state is ours). */
  tracksPayments: boolean;
  /** The shopper pays the created payment at the provider (nothing to do for offline). */
  pay(created: ProviderPayment, amount: number): Promise<void>;
  /** A webhook in the provider's own format and signature scheme, signed with `secret`. */
  webhook(
    type: ProviderEventType,
    data: { providerPaymentId: string; amount: number; refundId?: string; providerRefundId?: string },
    secret: string,
  ): Promise<SignedDelivery>;
  close(): Promise<void>;
}

const ctx = { requestId: 'contract', tenantId: 'ten_contract' };

/**
 * The contract every PaymentProvider passes (offline, Stripe, Razorpay): idempotent creation,
 * webhooks verified over the exact bytes with the account's secret and normalised the same way,
 * idempotent refunds that read back as made. Run it with `describeProviderContract(name, () => startHarness())`.
 */
export function describeProviderContract(name: string, start: () => Promise<ProviderHarness>): void {
  describe(`PaymentProvider contract: ${name}`, () => {
    let h: ProviderHarness;
    beforeAll(async () => {
      h = await start();
    });
    afterAll(() => h?.close());

    const create = (paymentId = newId('pay'), orderId = newId('ord'), amount = 2500) =>
      h.provider.createPayment(ctx, {
        paymentId,
        orderId,
        amount,
        currency: h.currency,
        email: 'shopper@example.com',
        credentials: h.credentials,
      });
    const verify = (d: SignedDelivery, secret = h.credentials.webhookSecret) =>
      h.provider.verifyWebhook(Buffer.from(d.rawBody), d.headers, secret);

    test('creating is idempotent by payment id and hands the storefront its parameters', async () => {
      const paymentId = newId('pay');
      const orderId = newId('ord');
      const first = await create(paymentId, orderId);
      const again = await create(paymentId, orderId);
      expect(first.providerPaymentId).toEqual(expect.any(String));
      expect(again.providerPaymentId).toBe(first.providerPaymentId);
      expect(Object.keys(first.clientParams).length).toBeGreaterThan(0);
      const other = await create();
      expect(other.providerPaymentId).not.toBe(first.providerPaymentId);
    });

    test('retrievePayment: unpaid until the shopper pays; then the success a webhook would bring', async () => {
      const created = await create(undefined, undefined, 2500);
      const retrieve = () =>
        h.provider.retrievePayment?.(ctx, {
          providerPaymentId: created.providerPaymentId,
          credentials: h.credentials,
        });
      expect(await retrieve()).toEqual({ status: 'unpaid' });
      await h.pay(created, 2500);
      const after = await retrieve();
      if (!h.tracksPayments) return expect(after).toEqual({ status: 'unpaid' });
      expect(after).toEqual({
        status: 'succeeded',
        event: expect.objectContaining({
          type: 'payment.succeeded',
          providerPaymentId: created.providerPaymentId,
          amount: 2500,
          eventId: expect.stringMatching(/^confirm_/),
        }),
      });
      expect(await retrieve()).toEqual(after); // same event id: stored once however often asked
    });

    test('a signed success and a signed failure verify and normalise to the same events', async () => {
      const created = await create();
      const ok = await verify(
        await h.webhook(
          'payment.succeeded',
          { providerPaymentId: created.providerPaymentId, amount: 2500 },
          h.credentials.webhookSecret,
        ),
      );
      expect(ok).toEqual({
        ok: true,
        event: expect.objectContaining({
          type: 'payment.succeeded',
          providerPaymentId: created.providerPaymentId,
          amount: 2500,
          eventId: expect.any(String),
        }),
      });
      const failed = await verify(
        await h.webhook(
          'payment.failed',
          { providerPaymentId: created.providerPaymentId, amount: 2500 },
          h.credentials.webhookSecret,
        ),
      );
      expect(failed).toEqual({
        ok: true,
        event: expect.objectContaining({
          type: h.failureType,
          providerPaymentId: created.providerPaymentId,
        }),
      });
      if (ok.ok && failed.ok) expect(failed.event?.eventId).not.toBe(ok.event?.eventId);
    });

    test('a changed byte, another secret or no signature is refused', async () => {
      const created = await create();
      const delivery = await h.webhook(
        'payment.succeeded',
        { providerPaymentId: created.providerPaymentId, amount: 2500 },
        h.credentials.webhookSecret,
      );
      const tampered = { ...delivery, rawBody: delivery.rawBody.replace('2500', '2501') };
      expect(tampered.rawBody).not.toBe(delivery.rawBody);
      expect((await verify(tampered)).ok).toBe(false);
      expect((await verify({ ...delivery, rawBody: `${delivery.rawBody} ` })).ok).toBe(false);
      expect((await verify(delivery, `${h.credentials.webhookSecret}x`)).ok).toBe(false);
      expect((await verify({ ...delivery, headers: { 'content-type': 'application/json' } })).ok).toBe(false);
      const signedByOther = await h.webhook(
        'payment.succeeded',
        { providerPaymentId: created.providerPaymentId, amount: 2500 },
        'whsec_another_accounts_secret_0123456789',
      );
      expect((await verify(signedByOther)).ok).toBe(false);
    });

    test('refunds, partial then the rest, are idempotent by refund id and confirmed by webhook', async () => {
      const created = await create(undefined, undefined, 3000);
      await h.pay(created, 3000);
      const refund = (refundId: string, amount: number) =>
        h.provider.refund(ctx, {
          providerPaymentId: created.providerPaymentId,
          amount,
          currency: h.currency,
          refundId,
          credentials: h.credentials,
        });
      const firstId = newId('ref');
      const first = await refund(firstId, 1000);
      expect(first.status).toMatch(/^(succeeded|pending)$/);
      expect((await refund(firstId, 1000)).providerRefundId).toBe(first.providerRefundId);
      const rest = await refund(newId('ref'), 2000);
      expect(rest.providerRefundId).not.toBe(first.providerRefundId);

      const confirmed = await verify(
        await h.webhook(
          'refund.succeeded',
          {
            providerPaymentId: created.providerPaymentId,
            amount: 1000,
            refundId: firstId,
            providerRefundId: first.providerRefundId,
          },
          h.credentials.webhookSecret,
        ),
      );
      expect(confirmed).toEqual({
        ok: true,
        event: expect.objectContaining({
          type: 'refund.succeeded',
          providerPaymentId: created.providerPaymentId,
          refundId: firstId,
        }),
      });
    });

    test('retrieveRefund reads a refund back as the provider holds it (none needed where refunds are never pending)', async () => {
      const created = await create(undefined, undefined, 1500);
      await h.pay(created, 1500);
      const refundId = newId('ref');
      const made = await h.provider.refund(ctx, {
        providerPaymentId: created.providerPaymentId,
        amount: 1500,
        currency: h.currency,
        refundId,
        credentials: h.credentials,
      });
      if (!h.provider.retrieveRefund) {
        expect(made.status).toBe('succeeded');
        return;
      }
      const read = await h.provider.retrieveRefund(ctx, {
        providerPaymentId: created.providerPaymentId,
        providerRefundId: made.providerRefundId,
        refundId,
        credentials: h.credentials,
      });
      expect(read).toEqual({ status: made.status });
    });
  });
}
